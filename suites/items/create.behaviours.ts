import { behaviour } from "../../src/behaviours/define.ts";
import { show } from "../../src/checks/failure.ts";
import { CREATED_BY_REST } from "../../src/spec/documented.ts";
import { ITEM_FIELDS, fetchedItem, itemUrlPath, newItem } from "./support.ts";

const OPAQUE_REVISION = "revision is an opaque, non-empty string";

export default [
  behaviour("ITEM-CREATE-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    t.schema(await newItem(t, sid, "schema", { text: "hello", n: 1 }));
    t.schema(await newItem(t, sid, "schema-ttl", {}, { ItemTtl: 3600 }));
  }),

  behaviour("ITEM-CREATE-PROPERTIES", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    for (const [how, address] of [
      ["sid", sid],
      ["unique_name", uniqueName ?? sid],
    ] as const) {
      const key = `props-by-${how}`;
      const created = await newItem(t, address, key);
      t.field(created, "key", key, "the Key sent");
      t.heldBy(created, sid, `the sid of the map that holds the item (addressed by ${how})`);
      t.ownedByCaller(created);
      t.field(created, "created_by", CREATED_BY_REST, "items created over REST");
      const revision = created.body.revision;
      const opaque = typeof revision === "string" && revision.length > 0;
      t.holds(created, opaque, `revision = ${show(revision)}`, OPAQUE_REVISION);
    }
  }),

  behaviour("ITEM-URL", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    for (const key of ["plain-key", "two words"]) {
      // Addressed by unique_name: the url must still name the map by its sid.
      const created = await newItem(t, uniqueName ?? sid, key);
      t.pointsAt(created, "url", itemUrlPath(t, created.body, sid, key));
    }
  }),

  behaviour("ITEM-DATES-UTC", async (t) => {
    const { sid } = await t.createMap();
    for (const [key, extra] of [
      ["dates-ttl", { ItemTtl: 3600 }],
      ["dates-forever", {}],
    ] as const) {
      t.datesAreUtc(await newItem(t, sid, key, { key }, extra));
      t.datesAreUtc(await fetchedItem(t, sid, key));
    }
  }),

  behaviour("ITEM-ETAG-CREATE", async (t) => {
    const { sid } = await t.createMap();
    for (const key of ["etag-one", "etag-two"]) t.etagIsRevision(await newItem(t, sid, key));
  }),

  behaviour("ITEM-FETCH", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const key = "fetch-me";
    const data = { nested: { list: [1, 2, 3] }, text: "fetched" };
    const created = await newItem(t, sid, key, data, { ItemTtl: 3600 });
    for (const address of [sid, uniqueName ?? sid]) {
      const fetched = await fetchedItem(t, address, key);
      t.schema(fetched);
      for (const field of ITEM_FIELDS) {
        t.field(fetched, field, created.body[field], "the item as the create answer described it");
      }
    }
  }),

  behaviour("ITEM-ETAG-FETCH", async (t) => {
    const { sid } = await t.createMap();
    const key = "etag-fetch";
    await newItem(t, sid, key, { version: 1 });
    t.etagIsRevision(await fetchedItem(t, sid, key));
    t.expectStatus(await t.api.updateItem(sid, key, { Data: JSON.stringify({ version: 2 }) }), 200);
    t.etagIsRevision(await fetchedItem(t, sid, key));
  }),
];
