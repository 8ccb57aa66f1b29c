// Commands by name, so a saved counterexample (op + args) becomes commands again.
import type { CommandJson } from "../real.ts";
import type { SyncCommand } from "./command.ts";
import { CreateItem, DeleteItem, FetchItem, ListItems, NextItemPage, OpenItemPage, UpdateItem } from "./items.ts";
import { CreateMap, DeleteMap, FetchMap, Pause, UpdateMap, WalkMaps } from "./maps.ts";
import { DeletePermission, FetchPermission, ListPermissions, PutPermission } from "./permissions.ts";

type Factory = (args: never) => SyncCommand;

const factories = new Map<string, Factory>();

export function registerCommands(entries: Record<string, Factory>): void {
  for (const [op, factory] of Object.entries(entries)) {
    if (factories.has(op)) throw new Error(`command ${op} is registered twice`);
    factories.set(op, factory);
  }
}

registerCommands({
  CreateMap: (args: ConstructorParameters<typeof CreateMap>[0]) => new CreateMap(args),
  FetchMap: (args: ConstructorParameters<typeof FetchMap>[0]) => new FetchMap(args),
  UpdateMap: (args: ConstructorParameters<typeof UpdateMap>[0]) => new UpdateMap(args),
  DeleteMap: (args: ConstructorParameters<typeof DeleteMap>[0]) => new DeleteMap(args),
  WalkMaps: (args: ConstructorParameters<typeof WalkMaps>[0]) => new WalkMaps(args),
  Pause: (args: ConstructorParameters<typeof Pause>[0]) => new Pause(args),
});

registerCommands({
  CreateItem: (args: ConstructorParameters<typeof CreateItem>[0]) => new CreateItem(args),
  FetchItem: (args: ConstructorParameters<typeof FetchItem>[0]) => new FetchItem(args),
  UpdateItem: (args: ConstructorParameters<typeof UpdateItem>[0]) => new UpdateItem(args),
  DeleteItem: (args: ConstructorParameters<typeof DeleteItem>[0]) => new DeleteItem(args),
  ListItems: (args: ConstructorParameters<typeof ListItems>[0]) => new ListItems(args),
  OpenItemPage: (args: ConstructorParameters<typeof OpenItemPage>[0]) => new OpenItemPage(args),
  NextItemPage: (args: ConstructorParameters<typeof NextItemPage>[0]) => new NextItemPage(args),
});

registerCommands({
  PutPermission: (args: ConstructorParameters<typeof PutPermission>[0]) => new PutPermission(args),
  FetchPermission: (args: ConstructorParameters<typeof FetchPermission>[0]) => new FetchPermission(args),
  DeletePermission: (args: ConstructorParameters<typeof DeletePermission>[0]) => new DeletePermission(args),
  ListPermissions: (args: ConstructorParameters<typeof ListPermissions>[0]) => new ListPermissions(args),
});

export function commandFromJson(json: CommandJson): SyncCommand {
  const factory = factories.get(json.op);
  if (factory === undefined) throw new Error(`unknown command "${json.op}" in the counterexample`);
  return factory(json.args as never);
}
