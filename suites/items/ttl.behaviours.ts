import { behaviour } from "../../src/behaviours/define.ts";
import { expiryDerivesFromTtl, propertyHolds, targetTimeAt, valueIsDocumented } from "../../src/checks/index.ts";
import { parseTwilioDate } from "../../src/checks/dates.ts";
import { DISTINGUISHABLE_DELAY_MS, ITEM_NOT_FOUND_CODES, TTL_MAX } from "./documented.ts";
import { fetchedItem, newItem, updatedItem } from "./support.ts";

export default [
  behaviour("ITEM-TTL-EXPIRY", async (t) => {
    const { sid } = await t.createMap();
    for (const ttl of [60, 3600, 86_400]) {
      const key = `expires-${ttl}`;
      const { item, exchange } = await newItem(t, sid, key, { ttl }, { ItemTtl: ttl });
      t.check(expiryDerivesFromTtl, { resource: `item (ItemTtl=${ttl})`, dateExpires: item.date_expires, writeTime: item.date_created, writeTimeField: "date_created", ttl }, exchange);
      const fetched = await fetchedItem(t, sid, key);
      t.check(valueIsDocumented, { subject: `fetched date_expires (ItemTtl=${ttl})`, actual: fetched.item.date_expires, expected: item.date_expires, documented: "the expiry the create answer reported" }, fetched.exchange);
    }
  }),

  behaviour("ITEM-TTL-NONE", async (t) => {
    const { sid } = await t.createMap();
    const none = await newItem(t, sid, "no-ttl");
    t.check(expiryDerivesFromTtl, { resource: "item (no ttl)", dateExpires: none.item.date_expires, writeTime: none.item.date_created, writeTimeField: "date_created", ttl: undefined }, none.exchange);
    const zero = await newItem(t, sid, "ttl-zero", {}, { ItemTtl: 0 });
    t.check(expiryDerivesFromTtl, { resource: "item (ItemTtl=0)", dateExpires: zero.item.date_expires, writeTime: zero.item.date_created, writeTimeField: "date_created", ttl: 0 }, zero.exchange);
  }),

  behaviour("ITEM-TTL-ALIAS-CREATE", async (t) => {
    const { sid } = await t.createMap();
    const alone = await newItem(t, sid, "alias-alone", {}, { Ttl: 600 });
    t.check(expiryDerivesFromTtl, { resource: "item (Ttl=600)", dateExpires: alone.item.date_expires, writeTime: alone.item.date_created, writeTimeField: "date_created", ttl: 600 }, alone.exchange);
    const both = await newItem(t, sid, "alias-both", {}, { Ttl: 600, ItemTtl: 1200 });
    t.check(expiryDerivesFromTtl, { resource: "item (Ttl=600, ItemTtl=1200)", dateExpires: both.item.date_expires, writeTime: both.item.date_created, writeTimeField: "date_created", ttl: 1200 }, both.exchange);
  }),

  behaviour("ITEM-TTL-ALIAS-UPDATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "alias-update";
    const created = await newItem(t, sid, key);
    // A ttl-only update need not move date_updated (facts §8): its time is estimated instead.
    const updateTime = "the update's time on the target's clock";
    const alone = await updatedItem(t, sid, key, { Ttl: 600 });
    t.check(expiryDerivesFromTtl, { resource: "item (update Ttl=600)", dateExpires: alone.item.date_expires, writeTime: targetTimeAt(created.exchange, created.item.date_created, alone.exchange), writeTimeField: updateTime, ttl: 600 }, alone.exchange);
    const both = await updatedItem(t, sid, key, { Ttl: 600, ItemTtl: 1200 });
    t.check(expiryDerivesFromTtl, { resource: "item (update Ttl=600, ItemTtl=1200)", dateExpires: both.item.date_expires, writeTime: targetTimeAt(created.exchange, created.item.date_created, both.exchange), writeTimeField: updateTime, ttl: 1200 }, both.exchange);
  }),

  behaviour("ITEM-TTL-UPDATE-REBASE", async (t) => {
    const { sid } = await t.createMap();
    const key = "rebase";
    const created = await newItem(t, sid, key, { step: 1 }, { ItemTtl: 3600 });
    await t.sleep(DISTINGUISHABLE_DELAY_MS);
    const updated = await updatedItem(t, sid, key, { Data: JSON.stringify({ step: 2 }), ItemTtl: 3600 });
    t.check(expiryDerivesFromTtl, { resource: "item (update ItemTtl=3600)", dateExpires: updated.item.date_expires, writeTime: updated.item.date_updated, writeTimeField: "date_updated", ttl: 3600 }, updated.exchange);
    const before = typeof created.item.date_expires === "string" ? parseTwilioDate(created.item.date_expires) : undefined;
    const after = typeof updated.item.date_expires === "string" ? parseTwilioDate(updated.item.date_expires) : undefined;
    t.check(
      propertyHolds,
      {
        holds: before !== undefined && after !== undefined && after - before >= 1000,
        received: `date_expires ${JSON.stringify(created.item.date_expires)} at create, ${JSON.stringify(updated.item.date_expires)} after an update ${DISTINGUISHABLE_DELAY_MS} ms later with the same ttl`,
        documented: "a ttl sent with an update counts from the update, so expiry moves forward",
      },
      updated.exchange,
    );
  }),

  behaviour("ITEM-TTL-UPDATE-CLEAR", async (t) => {
    const { sid } = await t.createMap();
    const key = "clear-ttl";
    await newItem(t, sid, key, {}, { ItemTtl: 3600 });
    const cleared = await updatedItem(t, sid, key, { ItemTtl: 0 });
    t.check(expiryDerivesFromTtl, { resource: "item (update ItemTtl=0)", dateExpires: cleared.item.date_expires, writeTime: cleared.item.date_updated, writeTimeField: "date_updated", ttl: 0 }, cleared.exchange);
    const fetched = await fetchedItem(t, sid, key);
    t.check(expiryDerivesFromTtl, { resource: "fetched item after ItemTtl=0", dateExpires: fetched.item.date_expires, writeTime: fetched.item.date_updated, writeTimeField: "date_updated", ttl: 0 }, fetched.exchange);
  }),

  behaviour("ITEM-TTL-RANGE", async (t) => {
    const { sid } = await t.createMap();
    const longest = await t.api.createItem(sid, { Key: "ttl-max", Data: "{}", ItemTtl: TTL_MAX });
    if (t.status(longest, 201, `an ItemTtl of ${TTL_MAX} (one year) is accepted (54011)`)) {
      const body = t.json(longest);
      t.check(expiryDerivesFromTtl, { resource: `item (ItemTtl=${TTL_MAX})`, dateExpires: body.date_expires, writeTime: body.date_created, writeTimeField: "date_created", ttl: TTL_MAX }, longest);
    }
    for (const ttl of [TTL_MAX + 1, -1]) {
      const key = `ttl-out-${ttl}`;
      const answer = await t.api.createItem(sid, { Key: key, Data: "{}", ItemTtl: ttl });
      t.refused(answer, "4xx", [], `an ItemTtl outside 0..${TTL_MAX} is refused (54011)`, "ttl out-of-range code");
      const fetched = await t.api.fetchItem(sid, key);
      t.refused(fetched, 404, ITEM_NOT_FOUND_CODES, "a refused create leaves no item behind");
    }
  }),

  behaviour("ITEM-COLLECTION-TTL-CREATE", async (t) => {
    const { sid } = await t.createMap();
    const mapOnly = await newItem(t, sid, "collection-only", {}, { CollectionTtl: 3600 });
    t.check(expiryDerivesFromTtl, { resource: "item (only CollectionTtl=3600)", dateExpires: mapOnly.item.date_expires, writeTime: mapOnly.item.date_created, writeTimeField: "date_created", ttl: undefined }, mapOnly.exchange);
    const map = await t.api.fetchMap(sid);
    t.expectStatus(map, 200, "FetchSyncMap answers 200");
    const mapBody = t.json(map);
    t.check(expiryDerivesFromTtl, { resource: "parent map (item CollectionTtl=3600)", dateExpires: mapBody.date_expires, writeTime: mapOnly.item.date_created, writeTimeField: "the item's date_created", ttl: 3600 }, map);

    const both = await newItem(t, sid, "collection-and-item", {}, { ItemTtl: 600, CollectionTtl: 7200 });
    t.check(expiryDerivesFromTtl, { resource: "item (ItemTtl=600, CollectionTtl=7200)", dateExpires: both.item.date_expires, writeTime: both.item.date_created, writeTimeField: "date_created", ttl: 600 }, both.exchange);
    const mapAgain = await t.api.fetchMap(sid);
    t.expectStatus(mapAgain, 200, "FetchSyncMap answers 200");
    const mapAgainBody = t.json(mapAgain);
    t.check(expiryDerivesFromTtl, { resource: "parent map (item ItemTtl=600, CollectionTtl=7200)", dateExpires: mapAgainBody.date_expires, writeTime: both.item.date_created, writeTimeField: "the item's date_created", ttl: 7200 }, mapAgain);
  }),

  behaviour("ITEM-COLLECTION-TTL-UPDATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "collection-update";
    const created = await newItem(t, sid, key, { step: 1 });
    const updated = await updatedItem(t, sid, key, { Data: JSON.stringify({ step: 2 }), CollectionTtl: 7200 });
    t.check(valueIsDocumented, { subject: "item date_expires after a CollectionTtl update", actual: updated.item.date_expires, expected: created.item.date_expires, documented: "CollectionTtl is the parent map's ttl, not the item's" }, updated.exchange);
    const map = await t.api.fetchMap(sid);
    t.expectStatus(map, 200, "FetchSyncMap answers 200");
    t.check(expiryDerivesFromTtl, { resource: "parent map (item update CollectionTtl=7200)", dateExpires: t.json(map).date_expires, writeTime: updated.item.date_updated, writeTimeField: "the item's date_updated", ttl: 7200 }, map);
  }),
];
