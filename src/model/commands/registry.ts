// Commands by name, so a saved counterexample ({op, args}) becomes commands again.
// Each class names itself in its static `op` and takes its saved args as they are:
// adding a command is one import and one entry in COMMANDS.
import type { CommandJson } from "../real.ts";
import type { SyncCommand } from "./command.ts";
import { CreateItem } from "./items/createItem.ts";
import { DeleteItem } from "./items/deleteItem.ts";
import { FetchItem } from "./items/fetchItem.ts";
import { ListItems } from "./items/listItems.ts";
import { NextItemPage } from "./items/nextItemPage.ts";
import { OpenItemPage } from "./items/openItemPage.ts";
import { UpdateItem } from "./items/updateItem.ts";
import { CreateMap } from "./maps/createMap.ts";
import { DeleteMap } from "./maps/deleteMap.ts";
import { FetchMap } from "./maps/fetchMap.ts";
import { Pause } from "./pause.ts";
import { UpdateMap } from "./maps/updateMap.ts";
import { WalkMaps } from "./maps/walkMaps.ts";
import { DeletePermission } from "./permissions/deletePermission.ts";
import { FetchPermission } from "./permissions/fetchPermission.ts";
import { ListPermissions } from "./permissions/listPermissions.ts";
import { PutPermission } from "./permissions/putPermission.ts";

/** A command class as the registry sees it: its name, and a constructor from saved args. */
export interface CommandClass {
  readonly op: string;
  new (args: never): SyncCommand;
}

export const COMMANDS: readonly CommandClass[] = [
  CreateMap,
  FetchMap,
  UpdateMap,
  DeleteMap,
  WalkMaps,
  Pause,
  CreateItem,
  FetchItem,
  UpdateItem,
  DeleteItem,
  ListItems,
  OpenItemPage,
  NextItemPage,
  PutPermission,
  FetchPermission,
  DeletePermission,
  ListPermissions,
];

const byOp = new Map<string, CommandClass>();
for (const command of COMMANDS) {
  if (typeof command.op !== "string" || command.op === "")
    throw new Error(`${command.name} names no op`);
  if (byOp.has(command.op)) throw new Error(`command ${command.op} is registered twice`);
  byOp.set(command.op, command);
}

export function commandFromJson(json: CommandJson): SyncCommand {
  const Command = byOp.get(json.op);
  if (Command === undefined) throw new Error(`unknown command "${json.op}" in the counterexample`);
  return new Command(json.args as never);
}
