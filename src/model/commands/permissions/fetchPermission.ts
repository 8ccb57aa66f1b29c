import { permissionIsWithdrawn } from "../../../checks/permission.ts";
import { MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, targetOf } from "../command.ts";
import { bodyOf, expectRefusal, expectStatus, hold } from "../expect.ts";
import { READ } from "../records.ts";
import {
  describeTarget,
  expectPermissionRecord,
  type PermissionArgs,
} from "./permissionAnswers.ts";

/**
 * The flags last put; for an identity with no record (never put, or deleted) the
 * documents are silent, but deleting "is the same as setting all three flags to
 * false": any 4xx, or 200 with every flag false (src/checks/permission.ts).
 */
export class FetchPermission extends SyncCommand {
  static override readonly op = "FetchPermission";
  constructor(readonly args: PermissionArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `FetchPermission(${describeTarget(this.args)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { identity, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(
      await real.api.fetchPermission(addressOf(real, target, byName), identity),
    );
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    }
    const flags = reached.permissions.get(identity);
    if (flags === undefined) {
      const who = `${JSON.stringify(identity)} has no permission on map#${reached.ref}`;
      const because = `${who} (never put, or deleted)`;
      return hold(permissionIsWithdrawn, { exchange, because }, exchange);
    }
    expectStatus(exchange, 200, "FetchSyncMapPermission answers 200");
    expectPermissionRecord(real, exchange, bodyOf(exchange), reached, identity, flags, READ);
  }
}
