// Commands by name, so a saved counterexample (op + args) becomes commands again.
import type { CommandJson } from "../real.ts";
import type { SyncCommand } from "./command.ts";
import { CreateMap, DeleteMap, FetchMap, UpdateMap, WalkMaps } from "./maps.ts";

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
});

export function commandFromJson(json: CommandJson): SyncCommand {
  const factory = factories.get(json.op);
  if (factory === undefined) throw new Error(`unknown command "${json.op}" in the counterexample`);
  return factory(json.args as never);
}
