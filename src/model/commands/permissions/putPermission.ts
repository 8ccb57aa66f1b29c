import { MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import type { Flags, SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, targetOf } from "../command.ts";
import { bodyOf, expectRefusal, expectStatus } from "../expect.ts";
import { unsettleMap } from "../items/itemAnswers.ts";
import { written } from "../records.ts";
import {
  PERMISSION_WRITE_CHANGES,
  describeFlags,
  describeTarget,
  expectPermissionRecord,
  type PermissionArgs,
} from "./permissionAnswers.ts";

export type PutPermissionArgs = PermissionArgs & Flags;

/** POST is an upsert: all three flags replace whatever was there, and the answer is 200. */
export class PutPermission extends SyncCommand {
  static override readonly op = "PutPermission";
  constructor(readonly args: PutPermissionArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `PutPermission(${describeTarget(this.args)}, ${describeFlags(this.args)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { identity, read, write, manage, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const form = { Read: String(read), Write: String(write), Manage: String(manage) };
    const address = addressOf(real, target, byName);
    const exchange = real.noteExchange(await real.api.updatePermission(address, identity, form));
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    }
    expectStatus(exchange, 200, "UpdateSyncMapPermission answers 200");
    const flags: Flags = { read, write, manage };
    reached.permissions.set(identity, flags);
    unsettleMap(real, reached);
    const kind = written(real.recordWrite(exchange), PERMISSION_WRITE_CHANGES);
    expectPermissionRecord(real, exchange, bodyOf(exchange), reached, identity, flags, kind);
  }
}
