// What a permission answer must show, as the model holds it. Identities come from a
// tiny pool, so re-puts, deletes of what was never set and re-puts after a delete
// happen often.
import type { Exchange } from "../../../http/exchange.ts";
import type { Flags, ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { describeMap, type MapArgs } from "../command.ts";
import { expectEqual, type Json } from "../expect.ts";

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
