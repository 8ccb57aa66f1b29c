// One service's maps are kept from every other service: nothing of a map in the
// configured service is reached, and nothing lands in it, through another well-formed
// service SID. Which refusal is not documented: any 4xx, its code reported as a reading.
// docs/behaviour-reference.md#tenancy
import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import type { Answer } from "../../src/behaviours/answer.ts";
import type { SyncMapApi } from "../../src/http/syncApi.ts";
import { madeUpSid } from "./support.ts";

const TOPIC = "other service refusal code";

function otherService(t: BehaviourContext): SyncMapApi {
  return t.api.inService(madeUpSid("IS"));
}

/** The records of a list answer under `key`, each as a JSON object. */
function records(answer: Answer, key: string): Array<Record<string, unknown>> {
  const listed = answer.body[key];
  return Array.isArray(listed) ? (listed as Array<Record<string, unknown>>) : [];
}

async function itemsOf(t: BehaviourContext, map: string): Promise<Answer> {
  return t.expectAnswer(await t.api.listItems(map), 200);
}

export default [
  behaviour("TENANCY-MAP-ISOLATED", async (t) => {
    const { sid, uniqueName, body: before } = await t.createMap();
    const other = otherService(t);
    const through = `through another service SID (${other.serviceSid})`;
    t.rejected(await other.fetchMap(sid), `a map is not fetched ${through}`, TOPIC);
    if (uniqueName !== null) {
      t.rejected(await other.fetchMap(uniqueName), `a map is not fetched by name ${through}`);
    }
    t.rejected(await other.listMaps({ PageSize: 100 }), `maps are not listed ${through}`, TOPIC);
    t.rejected(await other.updateMap(sid, { Ttl: 600 }), `a map is not updated ${through}`);
    t.rejected(await other.deleteMap(sid), `a map is not deleted ${through}`);
    const why = `the map is untouched by requests ${through}`;
    const after = t.expectAnswer(await t.api.fetchMap(sid), 200, why);
    t.field(after, "date_expires", before.date_expires, why);
    t.field(after, "revision", before.revision, why);
  }),

  behaviour("TENANCY-ITEMS-ISOLATED", async (t) => {
    const { sid } = await t.createMap();
    t.expectStatus(await t.api.createItem(sid, { Key: "kept", Data: '{"by":"owner"}' }), 201);
    const other = otherService(t);
    const through = `through another service SID (${other.serviceSid})`;
    const data = { Data: '{"by":"stranger"}' };
    t.rejected(await other.listItems(sid), `items are not listed ${through}`, TOPIC);
    t.rejected(await other.fetchItem(sid, "kept"), `an item is not fetched ${through}`);
    const create = await other.createItem(sid, { Key: "intruder", ...data });
    t.rejected(create, `an item is not created ${through}`);
    t.rejected(await other.updateItem(sid, "kept", data), `an item is not updated ${through}`);
    t.rejected(await other.deleteItem(sid, "kept"), `an item is not deleted ${through}`);
    const items = records(await itemsOf(t, sid), "items");
    const seen = items.map((item) => JSON.stringify([item.key, item.data]));
    const why = `the items are untouched by requests ${through}`;
    t.agrees(create, "the map's items", seen, [JSON.stringify(["kept", { by: "owner" }])], why);
  }),

  behaviour("TENANCY-PERMISSIONS-ISOLATED", async (t) => {
    const { sid } = await t.createMap();
    const flags = { Read: "true", Write: "false", Manage: "false" };
    t.expectStatus(await t.api.updatePermission(sid, "alice", flags), 200);
    const other = otherService(t);
    const through = `through another service SID (${other.serviceSid})`;
    t.rejected(await other.listPermissions(sid), `permissions are not listed ${through}`, TOPIC);
    t.rejected(await other.fetchPermission(sid, "alice"), `a permission is not fetched ${through}`);
    const grant = { Read: "true", Write: "true", Manage: "true" };
    const update = await other.updatePermission(sid, "alice", grant);
    t.rejected(update, `a permission is not updated ${through}`);
    t.rejected(
      await other.deletePermission(sid, "alice"),
      `a permission is not deleted ${through}`,
    );
    const why = `the permission is untouched by requests ${through}`;
    const after = t.expectAnswer(await t.api.fetchPermission(sid, "alice"), 200, why);
    const seen = [after.body.read, after.body.write, after.body.manage];
    t.agrees(after, "alice's read, write and manage", seen, [true, false, false], why);
  }),

  behaviour("TENANCY-WRITES-ISOLATED", async (t) => {
    const { sid } = await t.createMap();
    const other = otherService(t);
    const through = `through another service SID (${other.serviceSid})`;
    const name = t.uniqueName("elsewhere");
    const created = await other.createMap({ UniqueName: name });
    // A faulty target may have made it in either service: both are cleaned up.
    t.adoptIfCreated(created);
    t.adoptIfCreated(created, "sid", other);
    t.rejected(created, `a map is not created ${through}`, TOPIC);
    const item = await other.createItem(sid, { Key: "intruder", Data: '{"by":"stranger"}' });
    t.rejected(item, `an item is not created ${through}`);
    const grant = { Read: "true", Write: "true", Manage: "true" };
    t.rejected(await other.updatePermission(sid, "intruder", grant), `no permission ${through}`);
    const appears = `appears in the configured service after a write ${through}`;
    t.notFound(await t.api.fetchMap(name), `no map named ${name} ${appears}`);
    const keys = records(await itemsOf(t, sid), "items").map((record) => record.key);
    t.agrees(item, "the map's item keys", keys, [], `no item ${appears}`);
    const permissions = t.expectAnswer(await t.api.listPermissions(sid), 200);
    const identities = records(permissions, "permissions").map((record) => record.identity);
    t.agrees(
      permissions,
      "the map's permission identities",
      identities,
      [],
      `no permission ${appears}`,
    );
  }),
];
