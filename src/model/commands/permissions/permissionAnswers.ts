// What a permission answer must show, as the model holds it. Identities come from a
// tiny pool, so re-puts, deletes of what was never set and re-puts after a delete
// happen often.
import type { Exchange } from "../../../http/exchange.ts";
import type { Flags, ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { describeMap, type MapArgs } from "../command.ts";
import { expectEqual, type Json } from "../expect.ts";
import { expectShownAgain, type AnswerKind } from "../records.ts";
import { expectOwnedAt } from "../shapes.ts";

export const IDENTITY_POOL = ["alice", "bob", "carol"] as const;

export type PermissionArgs = MapArgs & { readonly identity: string };

export function describeTarget(args: PermissionArgs): string {
  return `${describeMap(args)}, identity=${JSON.stringify(args.identity)}`;
}

export function describeFlags(flags: Flags): string {
  return `read=${flags.read}, write=${flags.write}, manage=${flags.manage}`;
}

export function flagsOf(body: Json): { read: unknown; write: unknown; manage: unknown } {
  return { read: body.read, write: body.write, manage: body.manage };
}

/** The object id RealSystem files a permission's answers under (within its map's). */
export function permissionObject(map: ModelMap, identity: string): string {
  return `m${map.ref}/@perm/${encodeURIComponent(identity)}`;
}

/** What a put may change in its answer: the three flags. */
export const PERMISSION_WRITE_CHANGES = ["read", "write", "manage"] as const;

/**
 * A permission answer compared whole: the fields the model predicts, the account,
 * service and url, and every field against the permission's last answer.
 */
export function expectPermissionRecord(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
  identity: string,
  flags: Flags,
  kind: AnswerKind,
): void {
  const label = `permission of ${JSON.stringify(identity)} on map#${map.ref}`;
  expectPermissionAnswer(real, exchange, body, map, identity, flags);
  const path = real.api.permissionPath(real.sidOf(map.ref), identity);
  expectOwnedAt(real, exchange, label, body, path);
  expectShownAgain(real, exchange, permissionObject(map, identity), label, body, kind);
}

/** A permission as the model holds it: the identity addressed, its map, its three flags. */
export function expectPermissionAnswer(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
  identity: string,
  flags: Flags,
): void {
  const label = `permission of ${JSON.stringify(identity)} on map#${map.ref}`;
  expectEqual(
    exchange,
    `identity of the ${label}`,
    body.identity,
    identity,
    "the identity addressed",
  );
  const mapSid = real.sidOf(map.ref);
  expectEqual(
    exchange,
    `map_sid of the ${label}`,
    body.map_sid,
    mapSid,
    "the map the address reaches",
  );
  const documented = "the flags last put for this identity (a put replaces all three)";
  expectEqual(exchange, `flags of the ${label}`, flagsOf(body), { ...flags }, documented);
}
