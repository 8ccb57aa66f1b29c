import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
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
    t.expectStatus(deleted, 204);
    t.noBody(deleted);
    const walk = await walkPermissions(t, sid);
    t.omits(walk.last, walk.identities, "dropped", "a deleted permission is not listed");
    const others = "deleting one identity's permission leaves the others";
    t.lists(walk.last, walk.identities, "kept", others);
  }),

  behaviour("PERM-DELETE-GONE", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "withdrawn", ALL_TRUE);
    t.expectStatus(await t.api.deletePermission(sid, "withdrawn"), 204);
    checkWithdrawn(t, await t.api.fetchPermission(sid, "withdrawn"), "the permission was deleted");
  }),

  // Items must go with their map (MUST, MAP-CASCADE-RECREATE); permissions are only a "should".
  behaviour("PERM-CASCADE", async (t) => {
    const name = t.uniqueName();
    const { sid } = await t.createMap({ UniqueName: name });
    for (const key of ["cascade-item-1", "cascade-item-2"]) {
      t.expectStatus(await t.api.createItem(sid, { Key: key, Data: JSON.stringify({ key }) }), 201);
    }
    const identities = ["cascade-a", "cascade-b"];
    for (const identity of identities) await grant(t, sid, identity, ALL_TRUE);
    t.expectStatus(await t.api.deleteMap(sid), 204);
    t.forgetMap(sid);

    const again = await t.createMap({ UniqueName: name });
    const permissions = await walkPermissions(t, again.sid);
    const received = `permissions of the re-created map: ${JSON.stringify(permissions.identities)}`;
    const none = "deleting a map deletes its permissions, so a new map of the same name has none";
    t.holds(permissions.last, permissions.identities.length === 0, received, none);
    const items = t.expectAnswer(await t.api.listItems(again.sid), 200);
    const empty =
      "deleting a map deletes all of its items, so a new map of the same name starts empty";
    t.listsNothing(items, empty);
    const because = "the map holding the permission was deleted";
    for (const identity of identities)
      checkWithdrawn(t, await t.api.fetchPermission(name, identity), because);
  }),
];
