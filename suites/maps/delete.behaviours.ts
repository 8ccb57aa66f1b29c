import { behaviour } from "../../src/behaviours/define.ts";
import { propertyHolds } from "../../src/checks/index.ts";
import { MAP_NOT_FOUND_CODES, NOT_FOUND_CODES } from "../shared/documented.ts";

export default [
  behaviour("MAP-DELETE-204", async (t) => {
    const { sid } = await t.createMap();
    const deleted = await t.api.deleteMap(sid);
    t.status(deleted, 204, "DeleteSyncMap answers 204");
    if (deleted.response?.status === 204) t.forgetMap(sid);
    const bodyText = deleted.response?.bodyText ?? "";
    t.check(propertyHolds, { holds: bodyText === "", received: `body ${JSON.stringify(bodyText.slice(0, 200))}`, documented: "a 204 answer has no body" }, deleted);
  }),

  behaviour("MAP-DELETE-GONE", async (t) => {
    const { sid } = await t.createMap();
    const deleted = await t.api.deleteMap(sid);
    t.expectStatus(deleted, 204, "DeleteSyncMap answers 204");
    t.forgetMap(sid);
    const fetched = await t.api.fetchMap(sid);
    t.refused(fetched, 404, MAP_NOT_FOUND_CODES, "a deleted map is gone", "map not-found code");
  }),

  behaviour("MAP-CASCADE-ITEMS", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const keys = ["first", "second item"];
    for (const key of keys) {
      t.expectStatus(await t.api.createItem(sid, { Key: key, Data: JSON.stringify({ key }) }), 201, "CreateSyncMapItem answers 201");
    }
    t.expectStatus(await t.api.deleteMap(sid), 204, "DeleteSyncMap answers 204");
    t.forgetMap(sid);
    for (const key of keys) {
      const bySid = await t.api.fetchItem(sid, key);
      t.refused(bySid, 404, NOT_FOUND_CODES, "an item of a deleted map is gone with it", "item-of-deleted-map code");
      const byName = await t.api.fetchItem(uniqueName ?? sid, key);
      t.refused(byName, 404, NOT_FOUND_CODES, "an item of a deleted map is gone with it");
    }
  }),

  behaviour("MAP-CASCADE-RECREATE", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    for (const key of ["a", "b", "c"]) {
      t.expectStatus(await t.api.createItem(sid, { Key: key, Data: JSON.stringify({ n: key }) }), 201, "CreateSyncMapItem answers 201");
    }
    t.expectStatus(await t.api.deleteMap(sid), 204, "DeleteSyncMap answers 204");
    t.forgetMap(sid);
    const again = await t.createMap({ UniqueName: uniqueName ?? "" });
    const items = await t.api.listItems(again.sid);
    t.expectStatus(items, 200, "ListSyncMapItem answers 200");
    const listed = t.json(items).items;
    t.check(
      propertyHolds,
      { holds: Array.isArray(listed) && listed.length === 0, received: `items of the re-created map: ${JSON.stringify(listed).slice(0, 300)}`, documented: "deleting a map deletes all of its items, so a new map of the same name starts empty" },
      items,
    );
    for (const key of ["a", "b", "c"]) {
      const fetched = await t.api.fetchItem(uniqueName ?? again.sid, key);
      t.refused(fetched, 404, NOT_FOUND_CODES, "an item of the deleted map does not reappear in the new map of the same name");
    }
  }),
];
