import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { propertyHolds } from "../../src/checks/index.ts";
import { permissionIsWithdrawn, withdrawnReading } from "../../src/checks/permission.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { ALL_TRUE, grant, walkPermissions } from "./support.ts";

const WITHDRAWN_TOPIC = "fetch of a removed permission";

function checkWithdrawn(t: BehaviourContext, fetched: Exchange, because: string): void {
  t.check(permissionIsWithdrawn, { exchange: fetched, because }, fetched);
  const reading = withdrawnReading(fetched);
  if (reading !== undefined) t.reading(WITHDRAWN_TOPIC, reading);
}

export default [
  behaviour("PERM-DELETE", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "kept", ALL_TRUE);
    await grant(t, sid, "dropped", ALL_TRUE);
    const deleted = await t.api.deletePermission(sid, "dropped");
    t.expectStatus(deleted, 204, "DeleteSyncMapPermission answers 204");
    const bodyText = deleted.response?.bodyText ?? "";
    t.check(propertyHolds, { holds: bodyText === "", received: `body ${JSON.stringify(bodyText.slice(0, 200))}`, documented: "a 204 answer has no body" }, deleted);
    const walk = await walkPermissions(t, sid);
    t.check(propertyHolds, { holds: !walk.identities.includes("dropped"), received: `deleted identity still listed: ${JSON.stringify(walk.identities)}`, documented: "a deleted permission is not listed" }, walk.last);
    t.check(propertyHolds, { holds: walk.identities.includes("kept"), received: `identity "kept" missing from ${JSON.stringify(walk.identities)}`, documented: "deleting one identity's permission leaves the others" }, walk.last);
  }),

  behaviour("PERM-DELETE-GONE", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "withdrawn", ALL_TRUE);
    t.expectStatus(await t.api.deletePermission(sid, "withdrawn"), 204, "DeleteSyncMapPermission answers 204");
    checkWithdrawn(t, await t.api.fetchPermission(sid, "withdrawn"), "the permission was deleted");
  }),

  // Items must go with their map (MUST, MAP-CASCADE-RECREATE); permissions are only a "should".
  behaviour("PERM-CASCADE", async (t) => {
    const name = t.uniqueName();
    const { sid } = await t.createMap({ UniqueName: name });
    for (const key of ["cascade-item-1", "cascade-item-2"]) {
      t.expectStatus(await t.api.createItem(sid, { Key: key, Data: JSON.stringify({ key }) }), 201, "CreateSyncMapItem answers 201");
    }
    const identities = ["cascade-a", "cascade-b"];
    for (const identity of identities) await grant(t, sid, identity, ALL_TRUE);
    t.expectStatus(await t.api.deleteMap(sid), 204, "DeleteSyncMap answers 204");
    t.forgetMap(sid);

    const again = await t.createMap({ UniqueName: name });
    const permissions = await walkPermissions(t, again.sid);
    t.check(propertyHolds, { holds: permissions.identities.length === 0, received: `permissions of the re-created map: ${JSON.stringify(permissions.identities)}`, documented: "deleting a map deletes its permissions, so a new map of the same name has none" }, permissions.last);
    const items = await t.api.listItems(again.sid);
    t.expectStatus(items, 200, "ListSyncMapItem answers 200");
    const listed = t.json(items).items;
    t.check(propertyHolds, { holds: Array.isArray(listed) && listed.length === 0, received: `items of the re-created map: ${JSON.stringify(listed).slice(0, 300)}`, documented: "deleting a map deletes all of its items, so a new map of the same name starts empty" }, items);
    for (const identity of identities) {
      checkWithdrawn(t, await t.api.fetchPermission(name, identity), "the map holding the permission was deleted");
    }
  }),
];
