import { behaviour } from "../../src/behaviours/define.ts";
import type { Answer, BehaviourContext } from "../../src/behaviours/context.ts";
import { servicePath } from "../common/helpers.ts";
import {
  checkFlags,
  describeFlags,
  EVERY_COMBINATION,
  fetchGranted,
  grant,
  walkPermissions,
  type Flags,
} from "./support.ts";

/** Everything a permission representation says; a fetch must repeat the update's answer. */
const REPRESENTATION = [
  "identity",
  "read",
  "write",
  "manage",
  "map_sid",
  "account_sid",
  "service_sid",
  "url",
];

function checkOwners(t: BehaviourContext, answer: Answer, mapSid: string): void {
  t.heldBy(answer, mapSid, "the sid of the map the permission applies to");
  t.ownedByCaller(answer);
}

function flagsLabel(flags: Flags): string {
  return `flags-${flags.read ? "r" : "_"}${flags.write ? "w" : "_"}${flags.manage ? "m" : "_"}`;
}

export default [
  behaviour("PERM-UPDATE-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    const alice = { read: true, write: false, manage: true };
    const bob = { read: false, write: false, manage: false };
    for (const [identity, flags] of [
      ["alice", alice],
      ["bob", bob],
    ] as const) {
      const updated = await grant(t, sid, identity, flags);
      t.schema(updated);
      t.field(updated, "identity", identity, "the identity in the request path");
    }
  }),

  behaviour("PERM-UPDATE-OWNER-SIDS", async (t) => {
    const { sid } = await t.createMap();
    checkOwners(t, await grant(t, sid, "owner", { read: true, write: true, manage: false }), sid);
    checkOwners(t, await fetchGranted(t, sid, "owner"), sid);
  }),

  behaviour("PERM-URL", async (t) => {
    const { sid } = await t.createMap();
    const identity = "url-check";
    const updated = await grant(t, sid, identity, { read: true, write: false, manage: false });
    const service = servicePath(t.serviceSid, updated.body.service_sid);
    const path = `${service}/Maps/${sid}/Permissions/${encodeURIComponent(identity)}`;
    t.pointsAt(updated, "url", path);
    t.pointsAt(await fetchGranted(t, sid, identity), "url", path);
    const walk = await walkPermissions(t, sid);
    const listed = walk.records.find((record) => record.identity === identity);
    t.lists(walk.last, walk.identities, identity, `the granted identity ${identity} is listed`);
    if (listed !== undefined) t.pointsAt({ exchange: walk.last, body: listed }, "url", path);
  }),

  behaviour("PERM-FLAGS", async (t) => {
    const { sid } = await t.createMap();
    for (const flags of EVERY_COMBINATION) {
      const identity = flagsLabel(flags);
      checkFlags(t, await grant(t, sid, identity, flags), flags, `update answer for ${identity}`);
    }
    // Fetched after every write, so a flag that only the answer echoes is caught too.
    for (const flags of EVERY_COMBINATION) {
      const identity = flagsLabel(flags);
      checkFlags(t, await fetchGranted(t, sid, identity), flags, `fetched ${identity}`);
    }
  }),

  behaviour("PERM-UPSERT", async (t) => {
    const { sid } = await t.createMap();
    const identity = "upserted";
    const sequence: readonly Flags[] = [
      { read: true, write: false, manage: false },
      { read: false, write: true, manage: true },
      { read: true, write: true, manage: false },
    ];
    for (const [index, flags] of sequence.entries()) {
      const updated = await grant(t, sid, identity, flags);
      checkFlags(t, updated, flags, `update ${index + 1} (${describeFlags(flags)}) answer`);
      checkFlags(t, await fetchGranted(t, sid, identity), flags, `fetch after update ${index + 1}`);
    }
    const last = sequence[sequence.length - 1] as Flags;
    const walk = await walkPermissions(t, sid);
    const replaces = `each of ${sequence.length} updates replaces the permission, adds none`;
    t.listedOnce(walk.last, walk.identities, identity, replaces);
    const listed = walk.records.find((record) => record.identity === identity);
    const asListed = { exchange: walk.last, body: listed ?? {} };
    if (listed !== undefined) checkFlags(t, asListed, last, "listed after the last update");
  }),

  behaviour("PERM-FETCH", async (t) => {
    const { sid } = await t.createMap();
    const granted: Array<readonly [string, Answer]> = [];
    const fetchA = { read: true, write: true, manage: false };
    const fetchB = { read: false, write: false, manage: true };
    for (const [identity, flags] of [
      ["fetch-a", fetchA],
      ["fetch-b", fetchB],
    ] as const) {
      granted.push([identity, await grant(t, sid, identity, flags)]);
    }
    for (const [identity, answer] of granted) {
      const fetched = await fetchGranted(t, sid, identity);
      t.schema(fetched);
      for (const field of REPRESENTATION) {
        t.field(fetched, field, answer.body[field], "the permission as the update answered it");
      }
    }
  }),
];
