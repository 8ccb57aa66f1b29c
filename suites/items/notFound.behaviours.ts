import { behaviour } from "../../src/behaviours/define.ts";
import { unknownMapSid } from "../common/helpers.ts";

const lost = { Data: JSON.stringify({ lost: true }) };

export default [
  behaviour("ITEM-NOT-FOUND-MAP", async (t) => {
    // One unknown map by sid, one by a unique_name nobody holds (54300 is then a reading).
    for (const map of [unknownMapSid(), t.uniqueName("missing")]) {
      const why = `item operations on the unknown map ${map} find no map`;
      const topic = "item-of-unknown-map code";
      const created = await t.api.createItem(map, { Key: "k", ...lost });
      // A create that should have found no map may have made one: it is ours to delete.
      t.adoptIfCreated(created, "map_sid");
      t.notFound(created, why, topic);
      t.notFound(await t.api.listItems(map), why, topic);
      t.notFound(await t.api.fetchItem(map, "k"), why, topic);
      t.notFound(await t.api.updateItem(map, "k", lost), why, topic);
      t.notFound(await t.api.deleteItem(map, "k"), why, topic);
    }
  }),

  behaviour("ITEM-NOT-FOUND-KEY", async (t) => {
    const { sid } = await t.createMap();
    t.expectStatus(await t.api.createItem(sid, { Key: "present", Data: "{}" }), 201);
    const why = "an unknown key is not found (54201)";
    const topic = "item not-found code";
    t.notFound(await t.api.fetchItem(sid, "absent"), why, topic);
    const upsert = { Data: JSON.stringify({ upserted: true }) };
    t.notFound(await t.api.updateItem(sid, "absent", upsert), why, topic);
    t.notFound(await t.api.deleteItem(sid, "absent"), why, topic);
    // An update of an unknown key is not an upsert: the key is still unknown afterwards.
    t.notFound(await t.api.fetchItem(sid, "absent"), "an update of an unknown key creates nothing");
  }),
];
