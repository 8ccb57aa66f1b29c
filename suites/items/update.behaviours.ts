import { behaviour } from "../../src/behaviours/define.ts";
import { show } from "../../src/checks/failure.ts";
import { DATA_CLEARLY_OVER_BYTES } from "../../src/spec/documented.ts";
import { dataOfBytes, fetchedItem, newItem, updatedItem, walkItems } from "./support.ts";

const UNCHANGED = "a refused update changes nothing";
const KEEPS_DATA = "an update without Data keeps the data";
const version = (value: number): { Data: string } => ({ Data: JSON.stringify({ version: value }) });

export default [
  behaviour("ITEM-UPDATE-DATA", async (t) => {
    const { sid } = await t.createMap();
    const key = "replace-me";
    const created = await newItem(t, sid, key, { first: 1, shared: "before" });
    const replacement = { second: 2, shared: "after", nested: { ok: true } };
    const updated = await updatedItem(t, sid, key, { Data: JSON.stringify(replacement) });
    t.field(updated, "data", replacement, "Data replaces the item's data as a whole (no merge)");
    t.field(updated, "key", key, "an update keeps the key");
    const createdAt = "an update does not change when the item was created";
    t.field(updated, "date_created", created.body.date_created, createdAt);
    t.field(await fetchedItem(t, sid, key), "data", replacement, "the update is stored");
  }),

  behaviour("ITEM-UPDATE-REVISION", async (t) => {
    const { sid } = await t.createMap();
    const key = "revisions";
    const created = await newItem(t, sid, key, { version: 1 });
    const byData = await updatedItem(t, sid, key, version(2));
    const byTtl = await updatedItem(t, sid, key, { ItemTtl: 3600 });
    const revisions = [created, byData, byTtl].map((answer) => answer.body.revision);
    const opaque = revisions.every(
      (revision) => typeof revision === "string" && revision.length > 0,
    );
    const distinct = opaque && new Set(revisions).size === revisions.length;
    const received = `revisions after create, a data and a ttl-only update: ${show(revisions)}`;
    t.holds(byTtl, distinct, received, "every change gives the item a new revision");
    const fetched = await fetchedItem(t, sid, key);
    t.field(fetched, "revision", byTtl.body.revision, "the revision of the latest update");
  }),

  behaviour("ITEM-UPDATE-KEEPS-DATA", async (t) => {
    const { sid } = await t.createMap();
    const key = "ttl-only";
    const data = { keep: "me", list: [1, 2] };
    await newItem(t, sid, key, data);
    for (const form of [{ ItemTtl: 3600 }, { Ttl: 600 }]) {
      t.field(await updatedItem(t, sid, key, form), "data", data, KEEPS_DATA);
    }
    t.field(await fetchedItem(t, sid, key), "data", data, KEEPS_DATA);
  }),

  behaviour("ITEM-UPDATE-INVALID-DATA", async (t) => {
    const { sid } = await t.createMap();
    const key = "stays-valid";
    const data = { valid: true };
    const created = await newItem(t, sid, key, data);
    const over = `Data of ${DATA_CLEARLY_OVER_BYTES} bytes is over the 16 KiB limit (54006)`;
    const attempts: ReadonlyArray<readonly [string, string, string]> = [
      ["{not json", "Data that is not JSON is refused (54008)", "invalid JSON code on update"],
      [dataOfBytes(DATA_CLEARLY_OVER_BYTES), over, "oversized Data code on update"],
    ];
    for (const [raw, why, topic] of attempts) {
      t.rejected(await t.api.updateItem(sid, key, { Data: raw }), why, topic);
    }
    const fetched = await fetchedItem(t, sid, key);
    t.field(fetched, "data", data, UNCHANGED);
    t.field(fetched, "revision", created.body.revision, UNCHANGED);
  }),

  behaviour("ITEM-ETAG-UPDATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "etag-update";
    await newItem(t, sid, key, { version: 1 });
    t.etagIsRevision(await updatedItem(t, sid, key, version(2)));
    t.etagIsRevision(await updatedItem(t, sid, key, { ItemTtl: 3600 }));
  }),

  behaviour("ITEM-DELETE-204", async (t) => {
    const { sid } = await t.createMap();
    await newItem(t, sid, "delete-me");
    const deleted = await t.api.deleteItem(sid, "delete-me");
    t.status(deleted, 204);
    t.noBody(deleted);
  }),

  behaviour("ITEM-DELETE-GONE", async (t) => {
    const { sid } = await t.createMap();
    for (const key of ["gone", "kept"]) await newItem(t, sid, key);
    t.expectStatus(await t.api.deleteItem(sid, "gone"), 204);
    const fetched = await t.api.fetchItem(sid, "gone");
    t.notFound(fetched, "a deleted item is gone (54201)", "item not-found code");
    const walk = await walkItems(t, sid, { PageSize: 100 });
    t.omits(walk.last, walk.keys, "gone", "a deleted item is not listed");
    t.lists(walk.last, walk.keys, "kept", "deleting one item keeps the others");
  }),
];
