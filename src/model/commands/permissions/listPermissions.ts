import { show } from "../../../checks/failure.ts";
import { MAP_NOT_FOUND_CODES } from "../../../spec/documented.ts";
import { SyncModel, compareCodePoints } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { SyncCommand, addressOf, describeMap, targetOf, type MapArgs } from "../command.ts";
import { expectEqual, expectRefusal } from "../expect.ts";
import { walkList } from "../paging.ts";
import { READ } from "../records.ts";
import { expectPermissionRecord, flagsOf } from "./permissionAnswers.ts";

/** A map in a sequence holds a handful of permissions: a list this long never ends. */
const MAX_PAGES = 200;

const byIdentity = (a: { identity: unknown }, b: { identity: unknown }): number =>
  compareCodePoints(show(a.identity), show(b.identity));

/**
 * Walks every page: exactly the identities the model holds, each once, with their
 * flags, each record whole as a fetch would answer it.
 */
export class ListPermissions extends SyncCommand {
  static override readonly op = "ListPermissions";
  constructor(readonly args: MapArgs & { readonly pageSize: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `ListPermissions(${describeMap(this.args)}, PageSize=${this.args.pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { byName, pageSize } = this.args;
    const target = targetOf(model, this.args.choice);
    const address = addressOf(real, target, byName);
    const first = real.noteExchange(
      await real.api.listPermissions(address, { PageSize: pageSize }),
    );
    const reached = model.reach(target, byName);
    if (reached === undefined) {
      return expectRefusal(first, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    }
    const options = {
      operationId: "ListSyncMapPermission",
      recordsKey: "permissions",
      maxPages: MAX_PAGES,
      endsBeforeCap: true,
    } as const;
    const { records, last } = await walkList(real, first, options);
    // The order of permissions is not documented: compare as sorted lists (duplicates still show).
    const listed = records
      .map((record) => ({ identity: record.identity, ...flagsOf(record) }))
      .sort(byIdentity);
    const held = SyncModel.permissionsOf(reached).map(({ identity, flags }) => ({
      identity,
      ...flags,
    }));
    const subject = `permissions listed on map#${reached.ref} over pages of ${pageSize}`;
    const documented =
      "each identity with a permission once, with the flags last put; none deleted";
    expectEqual(last, subject, listed, held.sort(byIdentity), documented);
    // Each listed record whole, as a fetch of that identity answers it now.
    for (const record of records) {
      const identity = typeof record.identity === "string" ? record.identity : undefined;
      const flags = identity === undefined ? undefined : reached.permissions.get(identity);
      if (identity === undefined || flags === undefined) continue; // compared above
      expectPermissionRecord(real, last, record, reached, identity, flags, READ);
    }
  }
}
