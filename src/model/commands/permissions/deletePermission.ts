import { MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import type { SyncModel } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, targetOf } from "../command.ts";
import { expectRefusal, expectStatus } from "../expect.ts";
import { unsettleMap } from "../items/itemAnswers.ts";
import { describeTarget, permissionObject, type PermissionArgs } from "./permissionAnswers.ts";

/** 204; deleting an identity that has no record is not documented, so 204 or 404 will do. */
export class DeletePermission extends SyncCommand {
  static override readonly op = "DeletePermission";
  constructor(readonly args: PermissionArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `DeletePermission(${describeTarget(this.args)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { identity, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(
      await real.api.deletePermission(addressOf(real, target, byName), identity),
    );
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    }
    if (!reached.permissions.has(identity)) {
      const documented =
        `${JSON.stringify(identity)} has no permission on map#${reached.ref}: deleting it is not ` +
        "documented beyond 204, and 404 is the other plausible answer";
      return expectStatus(exchange, [204, 404], documented);
    }
    expectStatus(exchange, 204, "DeleteSyncMapPermission answers 204");
    reached.permissions.delete(identity);
    real.forget(permissionObject(reached, identity));
    unsettleMap(real, reached);
  }
}
