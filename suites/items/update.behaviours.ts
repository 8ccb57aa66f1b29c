import { behaviour } from "../../src/behaviours/define.ts";
import { propertyHolds, valueIsDocumented } from "../../src/checks/index.ts";
import { etagCarriesRevision, etagForm } from "../../src/checks/etag.ts";
import { DATA_CLEARLY_OVER_BYTES, ITEM_NOT_FOUND_CODES, dataOfBytes } from "./documented.ts";
import { fetchedItem, newItem, updatedItem, walkItems } from "./support.ts";

export default [
  behaviour("ITEM-UPDATE-DATA", async (t) => {
    const { sid } = await t.createMap();
    const key = "replace-me";
    const created = await newItem(t, sid, key, { first: 1, shared: "before" });
    const replacement = { second: 2, shared: "after", nested: { ok: true } };
    const updated = await updatedItem(t, sid, key, { Data: JSON.stringify(replacement) });
    t.check(valueIsDocumented, { subject: "data in the update answer", actual: updated.item.data, expected: replacement, documented: "Data replaces the item's data as a whole (no merge)" }, updated.exchange);
    t.check(valueIsDocumented, { subject: "key in the update answer", actual: updated.item.key, expected: key, documented: "an update keeps the key" }, updated.exchange);
    t.check(valueIsDocumented, { subject: "date_created in the update answer", actual: updated.item.date_created, expected: created.item.date_created, documented: "an update does not change when the item was created" }, updated.exchange);
    const fetched = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "data fetched after the update", actual: fetched.item.data, expected: replacement, documented: "the update is stored" }, fetched.exchange);
  }),

  behaviour("ITEM-UPDATE-REVISION", async (t) => {
    const { sid } = await t.createMap();
    const key = "revisions";
    const created = await newItem(t, sid, key, { version: 1 });
    const byData = await updatedItem(t, sid, key, { Data: JSON.stringify({ version: 2 }) });
    const byTtl = await updatedItem(t, sid, key, { ItemTtl: 3600 });
    const revisions = [created.item.revision, byData.item.revision, byTtl.item.revision];
    t.check(
      propertyHolds,
      {
        holds: revisions.every((revision) => typeof revision === "string" && revision.length > 0) && new Set(revisions).size === revisions.length,
        received: `revisions after create, a data update and a ttl-only update: ${JSON.stringify(revisions)}`,
        documented: "every change gives the item a new revision",
      },
      byTtl.exchange,
    );
    const fetched = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "fetched revision", actual: fetched.item.revision, expected: byTtl.item.revision, documented: "the revision of the latest update" }, fetched.exchange);
  }),

  behaviour("ITEM-UPDATE-KEEPS-DATA", async (t) => {
    const { sid } = await t.createMap();
    const key = "ttl-only";
    const data = { keep: "me", list: [1, 2] };
    await newItem(t, sid, key, data);
    for (const form of [{ ItemTtl: 3600 }, { Ttl: 600 }]) {
      const updated = await updatedItem(t, sid, key, form);
      t.check(valueIsDocumented, { subject: `data after an update with only ${Object.keys(form).join(", ")}`, actual: updated.item.data, expected: data, documented: "an update without Data keeps the data" }, updated.exchange);
    }
    const fetched = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "data fetched after ttl-only updates", actual: fetched.item.data, expected: data, documented: "an update without Data keeps the data" }, fetched.exchange);
  }),

  behaviour("ITEM-UPDATE-INVALID-DATA", async (t) => {
    const { sid } = await t.createMap();
    const key = "stays-valid";
    const data = { valid: true };
    const created = await newItem(t, sid, key, data);
    const attempts: ReadonlyArray<readonly [string, string, string]> = [
      ["{not json", "Data that is not JSON is refused (54008)", "invalid JSON code on update"],
      [dataOfBytes(DATA_CLEARLY_OVER_BYTES), `Data of ${DATA_CLEARLY_OVER_BYTES} bytes is over the 16 KiB limit (54006)`, "oversized Data code on update"],
    ];
    for (const [raw, documented, topic] of attempts) {
      const answer = await t.api.updateItem(sid, key, { Data: raw });
      t.refused(answer, "4xx", [], documented, topic);
    }
    const fetched = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "data after refused updates", actual: fetched.item.data, expected: data, documented: "a refused update changes nothing" }, fetched.exchange);
    t.check(valueIsDocumented, { subject: "revision after refused updates", actual: fetched.item.revision, expected: created.item.revision, documented: "a refused update changes nothing" }, fetched.exchange);
  }),

  behaviour("ITEM-ETAG-UPDATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "etag-update";
    await newItem(t, sid, key, { version: 1 });
    for (const form of [{ Data: JSON.stringify({ version: 2 }) }, { ItemTtl: 3600 }]) {
      const { item, exchange } = await updatedItem(t, sid, key, form);
      t.check(etagCarriesRevision, { answer: `UpdateSyncMapItem answer (${Object.keys(form).join(", ")})`, headers: exchange.response?.headers, revision: item.revision }, exchange);
      const etag = exchange.response?.headers.etag;
      if (etag !== undefined) t.reading("item ETag form", etagForm(etag));
    }
  }),

  behaviour("ITEM-DELETE-204", async (t) => {
    const { sid } = await t.createMap();
    await newItem(t, sid, "delete-me");
    const deleted = await t.api.deleteItem(sid, "delete-me");
    t.status(deleted, 204, "DeleteSyncMapItem answers 204");
    const bodyText = deleted.response?.bodyText ?? "";
    t.check(propertyHolds, { holds: bodyText === "", received: `body ${JSON.stringify(bodyText.slice(0, 200))}`, documented: "a 204 answer has no body" }, deleted);
  }),

  behaviour("ITEM-DELETE-GONE", async (t) => {
    const { sid } = await t.createMap();
    for (const key of ["gone", "kept"]) await newItem(t, sid, key);
    t.expectStatus(await t.api.deleteItem(sid, "gone"), 204, "DeleteSyncMapItem answers 204");
    const fetched = await t.api.fetchItem(sid, "gone");
    t.refused(fetched, 404, ITEM_NOT_FOUND_CODES, "a deleted item is gone (54201)", "item not-found code");
    const walk = await walkItems(t, sid, { PageSize: 100 });
    t.check(propertyHolds, { holds: !walk.keys.includes("gone"), received: `listed keys ${JSON.stringify(walk.keys)}`, documented: "a deleted item is not listed" }, walk.last);
    t.check(propertyHolds, { holds: walk.keys.includes("kept"), received: `listed keys ${JSON.stringify(walk.keys)}`, documented: "deleting one item keeps the others" }, walk.last);
  }),
];
