import { behaviour } from "../../src/behaviours/define.ts";
import { TTL_MAX } from "../../src/spec/documented.ts";
import { fetchedItem, newItem, updatedItem } from "./support.ts";

const step = (value: number): { Data: string } => ({ Data: JSON.stringify({ step: value }) });

const OUT_OF_RANGE = "ttl out-of-range code";

export default [
  behaviour("ITEM-TTL-EXPIRY", async (t) => {
    const { sid } = await t.createMap();
    for (const ttl of [60, 3600, 86_400]) {
      const key = `expires-${ttl}`;
      const created = await newItem(t, sid, key, { ttl }, { ItemTtl: ttl });
      t.expires(created, { ttl });
      const reported = "the expiry the create answer reported";
      t.field(await fetchedItem(t, sid, key), "date_expires", created.body.date_expires, reported);
    }
  }),

  behaviour("ITEM-TTL-NONE", async (t) => {
    const { sid } = await t.createMap();
    t.expires(await newItem(t, sid, "no-ttl"), { ttl: undefined });
    t.expires(await newItem(t, sid, "ttl-zero", {}, { ItemTtl: 0 }), { ttl: 0 });
  }),

  behaviour("ITEM-TTL-ALIAS-CREATE", async (t) => {
    const { sid } = await t.createMap();
    t.expires(await newItem(t, sid, "alias-alone", {}, { Ttl: 600 }), { ttl: 600 });
    const both = { Ttl: 600, ItemTtl: 1200 };
    t.expires(await newItem(t, sid, "alias-both", {}, both), { ttl: 1200 });
  }),

  // A ttl-only update need not move date_updated (docs/behaviour-reference.md#not-documented):
  // its time is estimated on the target's clock from the create's date_created.
  behaviour("ITEM-TTL-ALIAS-UPDATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "alias-update";
    const created = await newItem(t, sid, key);
    t.expires(await updatedItem(t, sid, key, { Ttl: 600 }), { ttl: 600, clock: created });
    const both = await updatedItem(t, sid, key, { Ttl: 600, ItemTtl: 1200 });
    t.expires(both, { ttl: 1200, clock: created });
  }),

  behaviour("ITEM-TTL-UPDATE-CLEAR", async (t) => {
    const { sid } = await t.createMap();
    const key = "clear-ttl";
    await newItem(t, sid, key, {}, { ItemTtl: 3600 });
    t.expires(await updatedItem(t, sid, key, { ItemTtl: 0 }), { ttl: 0, from: "date_updated" });
    t.expires(await fetchedItem(t, sid, key), { ttl: 0, from: "date_updated" });
  }),

  behaviour("ITEM-TTL-RANGE", async (t) => {
    const { sid } = await t.createMap();
    const longest = await t.api.createItem(sid, { Key: "ttl-max", Data: "{}", ItemTtl: TTL_MAX });
    const accepted = `an ItemTtl of ${TTL_MAX} (one year) is accepted (54011)`;
    const created = t.answered(longest, 201, accepted);
    if (created !== undefined) t.expires(created, { ttl: TTL_MAX });
    for (const ttl of [TTL_MAX + 1, -1]) {
      const key = `ttl-out-${ttl}`;
      const answer = await t.api.createItem(sid, { Key: key, Data: "{}", ItemTtl: ttl });
      t.rejected(answer, `an ItemTtl outside 0..${TTL_MAX} is refused (54011)`, OUT_OF_RANGE);
      t.notFound(await t.api.fetchItem(sid, key), "a refused create leaves no item behind");
    }
  }),

  behaviour("ITEM-COLLECTION-TTL-CREATE", async (t) => {
    const { sid } = await t.createMap();
    const mapOnly = await newItem(t, sid, "collection-only", {}, { CollectionTtl: 3600 });
    t.expires(mapOnly, { ttl: undefined });
    t.expires(t.expectAnswer(await t.api.fetchMap(sid), 200), { ttl: 3600, of: mapOnly });
    const both = { ItemTtl: 600, CollectionTtl: 7200 };
    const item = await newItem(t, sid, "collection-and-item", {}, both);
    t.expires(item, { ttl: 600 });
    t.expires(t.expectAnswer(await t.api.fetchMap(sid), 200), { ttl: 7200, of: item });
  }),

  behaviour("ITEM-COLLECTION-TTL-UPDATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "collection-update";
    const created = await newItem(t, sid, key, { step: 1 });
    const updated = await updatedItem(t, sid, key, { ...step(2), CollectionTtl: 7200 });
    const mapTtl = "CollectionTtl is the parent map's ttl, not the item's";
    t.field(updated, "date_expires", created.body.date_expires, mapTtl);
    const map = t.expectAnswer(await t.api.fetchMap(sid), 200);
    t.expires(map, { ttl: 7200, from: "date_updated", of: updated });
  }),
];
