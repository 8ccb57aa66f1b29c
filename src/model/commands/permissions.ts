// One command per Map Permission operation. Like maps.ts and items.ts, each predicts
// the answer from the model, sends the request, holds the answer to the prediction,
// then moves the model on as the documents say. Identities come from a tiny pool, so
// re-puts, deletes of what was never set and re-puts after a delete happen often.
import fc from "fast-check";
import { show } from "../../checks/failure.ts";
import { permissionIsWithdrawn } from "../../checks/permission.ts";
import { statusIsDocumented } from "../../checks/status.ts";
import type { Exchange } from "../../http/exchange.ts";
import { SyncModel, compareCodePoints, type Flags, type ModelMap } from "../model.ts";
import { ModelMismatch, type RealSystem } from "../real.ts";
import { SyncCommand, addressOf } from "./command.ts";
import { bodyOf, expectEqual, expectRefusal, expectStatus, type Json } from "./expect.ts";
import { mapLifecycleArbitraries, mapPreamble, targetOf, walkPages, weighted } from "./items.ts";

/** Facts C5: a permission path naming no live map is a map not found. */
const MAP_NOT_FOUND_CODES = [20404, 54200, 54300];
export const IDENTITY_POOL = ["alice", "bob", "carol"] as const;

type PermissionArgs = {
  readonly choice: number;
  readonly byName: boolean;
  readonly identity: string;
};

function describeTarget(args: PermissionArgs): string {
  return `${args.byName ? "by name" : "by sid"}, pick ${args.choice}, identity=${JSON.stringify(args.identity)}`;
}

function describeFlags(flags: Flags): string {
  return `read=${flags.read}, write=${flags.write}, manage=${flags.manage}`;
}

function flagsOf(body: Json): unknown {
  return { read: body.read, write: body.write, manage: body.manage };
}

function raise(exchange: Exchange, found: ReturnType<typeof statusIsDocumented.run>[number] | undefined): void {
  if (found !== undefined) throw new ModelMismatch(found, exchange);
}

/** A permission as the model holds it: the identity addressed, its map, its three flags. */
function expectPermissionAnswer(real: RealSystem, exchange: Exchange, body: Json, map: ModelMap, identity: string, flags: Flags): void {
  const label = `permission of ${JSON.stringify(identity)} on map#${map.ref}`;
  expectEqual(exchange, `identity of the ${label}`, body.identity, identity, "the identity addressed");
  expectEqual(exchange, `map_sid of the ${label}`, body.map_sid, real.sidOf(map.ref), "the map the address reaches");
  expectEqual(exchange, `flags of the ${label}`, flagsOf(body), { ...flags }, "the flags last put for this identity (a put replaces all three)");
}

/** POST is an upsert: all three flags replace whatever was there, and the answer is 200 (facts §3). */
export class PutPermission extends SyncCommand {
  readonly op = "PutPermission";
  constructor(readonly args: PermissionArgs & { readonly read: boolean; readonly write: boolean; readonly manage: boolean }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `PutPermission(${describeTarget(this.args)}, ${describeFlags(this.args)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { identity, read, write, manage } = this.args;
    const target = targetOf(model, this.args.choice);
    const form = { Read: String(read), Write: String(write), Manage: String(manage) };
    const exchange = real.noteExchange(await real.api.updatePermission(addressOf(real, target, this.args.byName), identity, form));
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    expectStatus(exchange, 200, "UpdateSyncMapPermission answers 200");
    const flags: Flags = { read, write, manage };
    reached.permissions.set(identity, flags);
    expectPermissionAnswer(real, exchange, bodyOf(exchange), reached, identity, flags);
  }
}

/**
 * The flags last put; for an identity with no record (never put, or deleted) the
 * documents are silent, but deleting "is the same as setting all three flags to
 * false": any 4xx, or 200 with every flag false (src/checks/permission.ts).
 */
export class FetchPermission extends SyncCommand {
  readonly op = "FetchPermission";
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
    const { identity } = this.args;
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(await real.api.fetchPermission(addressOf(real, target, this.args.byName), identity));
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    const flags = reached.permissions.get(identity);
    if (flags === undefined) {
      return raise(exchange, permissionIsWithdrawn.run({ exchange, because: `${JSON.stringify(identity)} has no permission on map#${reached.ref} (never put, or deleted)` })[0]);
    }
    expectStatus(exchange, 200, "FetchSyncMapPermission answers 200");
    expectPermissionAnswer(real, exchange, bodyOf(exchange), reached, identity, flags);
  }
}

/** 204; deleting an identity that has no record is not documented, so 204 or 404 will do. */
export class DeletePermission extends SyncCommand {
  readonly op = "DeletePermission";
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
    const { identity } = this.args;
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(await real.api.deletePermission(addressOf(real, target, this.args.byName), identity));
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) return expectRefusal(exchange, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    if (!reached.permissions.has(identity)) {
      return raise(exchange, statusIsDocumented.run({ exchange, expected: [204, 404], documented: `${JSON.stringify(identity)} has no permission on map#${reached.ref}: deleting it is not documented beyond 204, and 404 is the other plausible answer` })[0]);
    }
    expectStatus(exchange, 204, "DeleteSyncMapPermission answers 204");
    reached.permissions.delete(identity);
  }
}

/** Walks every page: exactly the identities the model holds, each once, with their flags. */
export class ListPermissions extends SyncCommand {
  readonly op = "ListPermissions";
  constructor(readonly args: { readonly choice: number; readonly byName: boolean; readonly pageSize: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `ListPermissions(${this.args.byName ? "by name" : "by sid"}, pick ${this.args.choice}, PageSize=${this.args.pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const target = targetOf(model, this.args.choice);
    const first = real.noteExchange(await real.api.listPermissions(addressOf(real, target, this.args.byName), { PageSize: this.args.pageSize }));
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) return expectRefusal(first, 404, MAP_NOT_FOUND_CODES, "the address names no live map");
    const { records, last } = await walkPages(real, first, "permissions", "ListSyncMapPermission");
    // The order of permissions is not documented: compare as sorted lists (duplicates still show).
    const byIdentity = (a: { identity: unknown }, b: { identity: unknown }): number => compareCodePoints(show(a.identity), show(b.identity));
    const listed = records.map((record) => ({ identity: record.identity, ...(flagsOf(record) as object) })).sort(byIdentity);
    const expected = SyncModel.permissionsOf(reached).map(({ identity, flags }) => ({ identity, ...flags })).sort(byIdentity);
    expectEqual(last, `permissions listed on map#${reached.ref} over pages of ${this.args.pageSize}`, listed, expected, "each identity with a permission once, with the flags last put; none deleted");
    for (const record of records) {
      expectEqual(last, `map_sid of the listed permission ${show(record.identity)}`, record.map_sid, real.sidOf(reached.ref), "the map listed");
    }
  }
}

/** Permission sequences start from map n0 where "alice" may read: two lines of every script. */
export function permissionPreamble(): SyncCommand[] {
  return [...mapPreamble(), new PutPermission({ choice: 0, byName: false, identity: "alice", read: true, write: false, manage: false })];
}

// ---- generation ----------------------------------------------------------------------

const pick = fc.nat({ max: 7 });
const identity = fc.constantFrom(...IDENTITY_POOL);

export function permissionCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const target = { choice: pick, byName: fc.boolean(), identity };
  const put = fc.record({ ...target, read: fc.boolean(), write: fc.boolean(), manage: fc.boolean() }).map((args) => new PutPermission(args));
  const fetch = fc.record(target).map((args) => new FetchPermission(args));
  const remove = fc.record(target).map((args) => new DeletePermission(args));
  const list = fc.record({ choice: pick, byName: fc.boolean(), pageSize: fc.integer({ min: 1, max: 4 }) }).map((args) => new ListPermissions(args));
  // Puts make the histories; a delete and a re-put of the same identity must happen often.
  // New maps take no name: what a map re-created under a deleted map's name holds is the
  // permissions cascade, which the documents leave open (a SHOULD, PERM-CASCADE).
  return weighted([...mapLifecycleArbitraries({ reuseName: false }), [4, put], [2, fetch], [3, remove], [2, list]]);
}
