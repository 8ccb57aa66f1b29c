import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { propertyHolds, urlPointsAtResource, valueIsDocumented } from "../../src/checks/index.ts";
import { servicePath } from "./documented.ts";
import { checkFlags, fetchGranted, grant, timesListed, walkPermissions, type Flags } from "./support.ts";

/** Spaces and characters beyond ASCII, in the middle of the identity (trimming is not documented). */
const UNICODE_IDENTITIES = ["alice smith", "zoë", "名前", "rocket 🚀 user", "Ωmega Δelta"] as const;
/** Reserved URL characters, percent-encoded on the wire; "/" is left out (twilio-node refuses it). */
const RESERVED_IDENTITIES = ["a+b", "x&y=z", "what?", "hash#tag", "100%25 off", "user:1@example.com", "semi;colon,comma", "tilde~star*(paren)!'"] as const;

/** Update, fetch, list and delete each identity; every answer must name it exactly as sent. */
async function roundTrip(t: BehaviourContext, identities: readonly string[], options: { checkUrl: boolean }): Promise<void> {
  const { sid } = await t.createMap();
  const flagsOf = (index: number): Flags => ({ read: true, write: index % 2 === 0, manage: index % 3 === 0 });
  for (const [index, identity] of identities.entries()) {
    const updated = await grant(t, sid, identity, flagsOf(index));
    t.check(valueIsDocumented, { subject: "update answer identity", actual: updated.body.identity, expected: identity, documented: "the identity in the request path, percent-decoded" }, updated.exchange);
    const fetched = await fetchGranted(t, sid, identity);
    t.check(valueIsDocumented, { subject: "fetched identity", actual: fetched.body.identity, expected: identity, documented: "the identity in the request path, percent-decoded" }, fetched.exchange);
    checkFlags(t, fetched.body, flagsOf(index), fetched.exchange, `fetched ${JSON.stringify(identity)}`);
    if (options.checkUrl) {
      const path = `${servicePath(t.serviceSid, fetched.body.service_sid)}/Maps/${sid}/Permissions/${encodeURIComponent(identity)}`;
      t.check(urlPointsAtResource, { field: "fetched url", value: fetched.body.url, path }, fetched.exchange);
    }
  }
  const walk = await walkPermissions(t, sid);
  for (const identity of identities) {
    const seen = timesListed(walk, identity);
    t.check(propertyHolds, { holds: seen === 1, received: `${JSON.stringify(identity)} listed ${seen} times; listed: ${JSON.stringify(walk.identities)}`, documented: "each granted identity is listed once, exactly as sent" }, walk.last);
  }
  for (const identity of identities) {
    t.status(await t.api.deletePermission(sid, identity), 204, `DeleteSyncMapPermission of ${JSON.stringify(identity)} answers 204`);
  }
  const after = await walkPermissions(t, sid);
  const left = identities.filter((identity) => after.identities.includes(identity));
  t.check(propertyHolds, { holds: left.length === 0, received: `still listed after delete: ${JSON.stringify(left)}`, documented: "a deleted identity is no longer listed" }, after.last);
}

export default [
  behaviour("PERM-BY-UNIQUE-NAME", async (t) => {
    const name = t.uniqueName();
    const { sid } = await t.createMap({ UniqueName: name });
    const flags: Flags = { read: true, write: false, manage: true };
    const updated = await grant(t, name, "by-name", flags);
    t.check(valueIsDocumented, { subject: "map_sid of an update by unique_name", actual: updated.body.map_sid, expected: sid, documented: "the sid of the map with that unique_name" }, updated.exchange);
    checkFlags(t, updated.body, flags, updated.exchange, "update by unique_name answer");
    const byName = await fetchGranted(t, name, "by-name");
    t.check(valueIsDocumented, { subject: "map_sid of a fetch by unique_name", actual: byName.body.map_sid, expected: sid, documented: "the sid of the map with that unique_name" }, byName.exchange);
    checkFlags(t, byName.body, flags, byName.exchange, "fetched by unique_name");
    const bySid = await fetchGranted(t, sid, "by-name");
    checkFlags(t, bySid.body, flags, bySid.exchange, "set by unique_name, fetched by sid");
    await grant(t, sid, "by-sid", { read: true, write: true, manage: false });
    const listed = await walkPermissions(t, name);
    for (const identity of ["by-name", "by-sid"]) {
      const seen = timesListed(listed, identity);
      t.check(propertyHolds, { holds: seen === 1, received: `${identity} listed ${seen} times by unique_name; listed: ${JSON.stringify(listed.identities)}`, documented: "the list by unique_name is the list of the map with that sid" }, listed.last);
    }
    t.status(await t.api.deletePermission(name, "by-name"), 204, "DeleteSyncMapPermission by unique_name answers 204");
    const after = await walkPermissions(t, sid);
    t.check(
      propertyHolds,
      { holds: !after.identities.includes("by-name") && after.identities.includes("by-sid"), received: `listed by sid after deleting by-name by unique_name: ${JSON.stringify(after.identities)}`, documented: "a delete by unique_name removes that identity from the map with that sid, and only it" },
      after.last,
    );
  }),

  behaviour("PERM-IDENTITY-UNICODE", async (t) => {
    await roundTrip(t, UNICODE_IDENTITIES, { checkUrl: true });
  }),

  // How the url field encodes reserved characters is not documented, so only identity is compared.
  behaviour("PERM-IDENTITY-RESERVED", async (t) => {
    await roundTrip(t, RESERVED_IDENTITIES, { checkUrl: false });
  }),
];
