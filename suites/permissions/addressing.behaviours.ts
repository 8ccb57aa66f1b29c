import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { servicePath } from "../common/helpers.ts";
import { checkFlags, fetchGranted, grant, walkPermissions, type Flags } from "./support.ts";

/** Spaces and characters beyond ASCII inside the identity (trimming is not documented). */
const UNICODE_IDENTITIES = ["alice smith", "zoë", "名前", "rocket 🚀 user", "Ωmega Δelta"] as const;
/** Reserved URL characters, percent-encoded on the wire; not "/" (twilio-node refuses it). */
const RESERVED_IDENTITIES = [
  ...["a+b", "x&y=z", "what?", "hash#tag", "100%25 off", "user:1@example.com"],
  ...["semi;colon,comma", "tilde~star*(paren)!'"],
] as const;
const AS_SENT = "the identity in the request path, percent-decoded";
const THAT_MAP = "the sid of the map with that unique_name";

/** Update, fetch, list and delete each identity; every answer must name it exactly as sent. */
async function roundTrip(
  t: BehaviourContext,
  identities: readonly string[],
  checkUrl: boolean,
): Promise<void> {
  const { sid } = await t.createMap();
  const flagsOf = (index: number): Flags => ({
    read: true,
    write: index % 2 === 0,
    manage: index % 3 === 0,
  });
  for (const [index, identity] of identities.entries()) {
    t.field(await grant(t, sid, identity, flagsOf(index)), "identity", identity, AS_SENT);
    const fetched = await fetchGranted(t, sid, identity);
    t.field(fetched, "identity", identity, AS_SENT);
    checkFlags(t, fetched, flagsOf(index), `fetched ${JSON.stringify(identity)}`);
    if (checkUrl) {
      const service = servicePath(t.serviceSid, fetched.body.service_sid);
      const path = `${service}/Maps/${sid}/Permissions/${encodeURIComponent(identity)}`;
      t.pointsAt(fetched, "url", path);
    }
  }
  const walk = await walkPermissions(t, sid);
  const once = "each granted identity is listed once, exactly as sent";
  for (const identity of identities) t.listedOnce(walk.last, walk.identities, identity, once);
  for (const identity of identities) t.status(await t.api.deletePermission(sid, identity), 204);
  const after = await walkPermissions(t, sid);
  const left = identities.filter((identity) => after.identities.includes(identity));
  const received = `still listed after delete: ${JSON.stringify(left)}`;
  t.holds(after.last, left.length === 0, received, "a deleted identity is no longer listed");
}

export default [
  behaviour("PERM-BY-UNIQUE-NAME", async (t) => {
    const name = t.uniqueName();
    const { sid } = await t.createMap({ UniqueName: name });
    const flags: Flags = { read: true, write: false, manage: true };
    const updated = await grant(t, name, "by-name", flags);
    t.field(updated, "map_sid", sid, THAT_MAP);
    checkFlags(t, updated, flags, "update by unique_name answer");
    const byName = await fetchGranted(t, name, "by-name");
    t.field(byName, "map_sid", sid, THAT_MAP);
    checkFlags(t, byName, flags, "fetched by unique_name");
    const bySid = await fetchGranted(t, sid, "by-name");
    checkFlags(t, bySid, flags, "set by unique_name, fetched by sid");
    await grant(t, sid, "by-sid", { read: true, write: true, manage: false });
    const listed = await walkPermissions(t, name);
    const sameList = "the list by unique_name is the list of the map with that sid";
    for (const identity of ["by-name", "by-sid"])
      t.listedOnce(listed.last, listed.identities, identity, sameList);
    t.status(await t.api.deletePermission(name, "by-name"), 204);
    const after = await walkPermissions(t, sid);
    const onlyIt =
      "a delete by unique_name removes that identity from the map with that sid, and only it";
    t.omits(after.last, after.identities, "by-name", onlyIt);
    t.lists(after.last, after.identities, "by-sid", onlyIt);
  }),

  behaviour("PERM-IDENTITY-UNICODE", async (t) => {
    await roundTrip(t, UNICODE_IDENTITIES, true);
  }),

  // How the url field encodes reserved characters is not documented, so only identity is compared.
  behaviour("PERM-IDENTITY-RESERVED", async (t) => {
    await roundTrip(t, RESERVED_IDENTITIES, false);
  }),
];
