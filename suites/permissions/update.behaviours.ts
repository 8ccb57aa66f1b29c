import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext, Json } from "../../src/behaviours/context.ts";
import { propertyHolds, sidMatchesPattern, urlPointsAtResource, valueIsDocumented } from "../../src/checks/index.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { servicePath } from "./documented.ts";
import { checkFlags, describeFlags, EVERY_COMBINATION, fetchGranted, grant, timesListed, walkPermissions, type Flags } from "./support.ts";

/** Everything a permission representation says; a fetch must repeat the update's answer. */
const REPRESENTATION = ["identity", "read", "write", "manage", "map_sid", "account_sid", "service_sid", "url"] as const;

function checkOwners(t: BehaviourContext, body: Json, mapSid: string, exchange: Exchange, where: string): void {
  t.check(sidMatchesPattern, { field: `${where} map_sid`, value: body.map_sid, prefix: "MP" }, exchange);
  t.check(sidMatchesPattern, { field: `${where} account_sid`, value: body.account_sid, prefix: "AC" }, exchange);
  t.check(sidMatchesPattern, { field: `${where} service_sid`, value: body.service_sid, prefix: "IS" }, exchange);
  t.check(valueIsDocumented, { subject: `${where} map_sid`, actual: body.map_sid, expected: mapSid, documented: "the sid of the map the permission applies to" }, exchange);
  // An API key (SK…) may authenticate; only an AC… user names the owning account.
  if (t.accountSid.startsWith("AC")) {
    t.check(valueIsDocumented, { subject: `${where} account_sid`, actual: body.account_sid, expected: t.accountSid, documented: "the account that owns the map" }, exchange);
  }
  if (t.serviceSid.startsWith("IS")) {
    t.check(valueIsDocumented, { subject: `${where} service_sid`, actual: body.service_sid, expected: t.serviceSid, documented: "the service in the request path" }, exchange);
  }
}

function flagsLabel(flags: Flags): string {
  return `flags-${flags.read ? "r" : "_"}${flags.write ? "w" : "_"}${flags.manage ? "m" : "_"}`;
}

export default [
  behaviour("PERM-UPDATE-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    for (const [identity, flags] of [["alice", { read: true, write: false, manage: true }], ["bob", { read: false, write: false, manage: false }]] as const) {
      const { exchange, body } = await grant(t, sid, identity, flags);
      t.schema(exchange);
      t.check(valueIsDocumented, { subject: "identity", actual: body.identity, expected: identity, documented: "the identity in the request path" }, exchange);
    }
  }),

  behaviour("PERM-UPDATE-OWNER-SIDS", async (t) => {
    const { sid } = await t.createMap();
    const updated = await grant(t, sid, "owner", { read: true, write: true, manage: false });
    checkOwners(t, updated.body, sid, updated.exchange, "update answer");
    const fetched = await fetchGranted(t, sid, "owner");
    checkOwners(t, fetched.body, sid, fetched.exchange, "fetched");
  }),

  behaviour("PERM-URL", async (t) => {
    const { sid } = await t.createMap();
    const identity = "url-check";
    const updated = await grant(t, sid, identity, { read: true, write: false, manage: false });
    const path = `${servicePath(t.serviceSid, updated.body.service_sid)}/Maps/${sid}/Permissions/${encodeURIComponent(identity)}`;
    t.check(urlPointsAtResource, { field: "update answer url", value: updated.body.url, path }, updated.exchange);
    const fetched = await fetchGranted(t, sid, identity);
    t.check(urlPointsAtResource, { field: "fetched url", value: fetched.body.url, path }, fetched.exchange);
    const walk = await walkPermissions(t, sid);
    const listed = walk.records.find((record) => record.identity === identity);
    t.check(propertyHolds, { holds: listed !== undefined, received: `identities listed: ${JSON.stringify(walk.identities)}`, documented: `the granted identity ${identity} is listed` }, walk.last);
    if (listed !== undefined) t.check(urlPointsAtResource, { field: "listed url", value: listed.url, path }, walk.last);
  }),

  behaviour("PERM-FLAGS", async (t) => {
    const { sid } = await t.createMap();
    for (const flags of EVERY_COMBINATION) {
      const identity = flagsLabel(flags);
      const updated = await grant(t, sid, identity, flags);
      checkFlags(t, updated.body, flags, updated.exchange, `update answer for ${identity}`);
    }
    // Fetched after every write, so a flag that only the answer echoes is caught too.
    for (const flags of EVERY_COMBINATION) {
      const identity = flagsLabel(flags);
      const fetched = await fetchGranted(t, sid, identity);
      checkFlags(t, fetched.body, flags, fetched.exchange, `fetched ${identity}`);
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
      checkFlags(t, updated.body, flags, updated.exchange, `update ${index + 1} (${describeFlags(flags)}) answer`);
      const fetched = await fetchGranted(t, sid, identity);
      checkFlags(t, fetched.body, flags, fetched.exchange, `fetch after update ${index + 1}`);
    }
    const last = sequence[sequence.length - 1] as Flags;
    const walk = await walkPermissions(t, sid);
    const seen = timesListed(walk, identity);
    t.check(propertyHolds, { holds: seen === 1, received: `${identity} listed ${seen} times after ${sequence.length} updates`, documented: "an update replaces the identity's permission; it does not add another" }, walk.last);
    const listed = walk.records.find((record) => record.identity === identity);
    if (listed !== undefined) checkFlags(t, listed, last, walk.last, "listed after the last update");
  }),

  behaviour("PERM-FETCH", async (t) => {
    const { sid } = await t.createMap();
    const granted: Array<[string, Json]> = [];
    for (const [identity, flags] of [["fetch-a", { read: true, write: true, manage: false }], ["fetch-b", { read: false, write: false, manage: true }]] as const) {
      granted.push([identity, (await grant(t, sid, identity, flags)).body]);
    }
    for (const [identity, answer] of granted) {
      const fetched = await t.api.fetchPermission(sid, identity);
      t.expectStatus(fetched, 200, "FetchSyncMapPermission of a granted identity answers 200");
      t.schema(fetched);
      const body = t.json(fetched);
      for (const field of REPRESENTATION) {
        t.check(valueIsDocumented, { subject: `fetched ${identity} ${field}`, actual: body[field], expected: answer[field], documented: "the permission as the update answered it" }, fetched);
      }
    }
  }),
];
