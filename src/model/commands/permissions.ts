// What permission sequences are made of: the permission commands' arbitraries and
// weights, over the shared map lifecycle, and the preamble they start from.
import fc from "fast-check";
import { mapLifecycleArbitraries, pick, weighted } from "./arbitraries.ts";
import type { SyncCommand } from "./command.ts";
import { DeletePermission } from "./permissions/deletePermission.ts";
import { FetchPermission } from "./permissions/fetchPermission.ts";
import { ListPermissions } from "./permissions/listPermissions.ts";
import { IDENTITY_POOL } from "./permissions/permissionAnswers.ts";
import { PutPermission } from "./permissions/putPermission.ts";

export { permissionPreamble } from "./preambles.ts";

export function permissionCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const target = {
    choice: pick,
    byName: fc.boolean(),
    identity: fc.constantFrom(...IDENTITY_POOL),
  };
  const flags = { read: fc.boolean(), write: fc.boolean(), manage: fc.boolean() };
  const put = fc.record({ ...target, ...flags }).map((args) => new PutPermission(args));
  const fetch = fc.record(target).map((args) => new FetchPermission(args));
  const remove = fc.record(target).map((args) => new DeletePermission(args));
  const list = fc
    .record({ choice: pick, byName: fc.boolean(), pageSize: fc.integer({ min: 1, max: 4 }) })
    .map((args) => new ListPermissions(args));
  // Puts make the histories; a delete and a re-put of the same identity must happen often.
  // New maps take no name: what a map re-created under a deleted map's name holds is the
  // permissions cascade, which the documents leave open (a SHOULD, PERM-CASCADE).
  return weighted([
    ...mapLifecycleArbitraries({ reuseName: false }),
    [4, put],
    [2, fetch],
    [3, remove],
    [2, list],
  ]);
}
