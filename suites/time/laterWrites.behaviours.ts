// What a write made seconds after another changes: dates have whole seconds, so each of these
// waits DISTINGUISHABLE_DELAY_MS between its two writes. They share one file so that a run
// waits once for all of them, side by side, not once per resource file.
import { behaviour } from "../../src/behaviours/define.ts";
import { show } from "../../src/checks/failure.ts";
import { parseTwilioDate } from "../../src/checks/dates.ts";
import { DISTINGUISHABLE_DELAY_MS } from "../../src/spec/documented.ts";
import { newItem, updatedItem } from "../items/support.ts";

const step = (value: number): { Data: string } => ({ Data: JSON.stringify({ step: value }) });

export default [
  behaviour("MAP-UPDATE-DATE-UPDATED", async (t) => {
    const created = await t.createMap();
    await t.sleep(DISTINGUISHABLE_DELAY_MS);
    const updated = t.expectAnswer(await t.api.updateMap(created.sid, { CollectionTtl: 600 }), 200);
    const [was, now] = [created.body.date_updated, updated.body.date_updated];
    const before = typeof was === "string" ? parseTwilioDate(was) : undefined;
    const after = typeof now === "string" ? parseTwilioDate(now) : undefined;
    // Every map update is ttl-only, and whether that moves date_updated is not documented
    // (docs/behaviour-reference.md#not-documented): both readings pass, but time never
    // runs backwards.
    const forward = before !== undefined && after !== undefined && after >= before;
    const later = `${DISTINGUISHABLE_DELAY_MS} ms later`;
    const received = `date_updated ${show(was)} at create, ${show(now)} after an update ${later}`;
    const why = "date_updated is when the map was last updated: never before the previous value";
    t.holds(updated, forward, received, why);
    if (forward) t.reading("ttl-only update moves date_updated", after > before ? "yes" : "no");
    const kept = "an update does not change when the map was created";
    t.field(updated, "date_created", created.body.date_created, kept);
  }),

  behaviour("MAP-TTL-UPDATE-REBASE", async (t) => {
    const created = await t.createMap({ CollectionTtl: 3600 });
    await t.sleep(DISTINGUISHABLE_DELAY_MS);
    const update = await t.api.updateMap(created.sid, { CollectionTtl: 3600 });
    const updated = t.expectAnswer(update, 200);
    t.expires(updated, { ttl: 3600, clock: created });
    const why = `the same ttl sent ${DISTINGUISHABLE_DELAY_MS} ms later counts from the update`;
    t.expiresLater(created, updated, `${why}, so expiry moves forward`);
  }),

  behaviour("ITEM-TTL-UPDATE-REBASE", async (t) => {
    const { sid } = await t.createMap();
    const key = "rebase";
    const created = await newItem(t, sid, key, { step: 1 }, { ItemTtl: 3600 });
    await t.sleep(DISTINGUISHABLE_DELAY_MS);
    const updated = await updatedItem(t, sid, key, { ...step(2), ItemTtl: 3600 });
    t.expires(updated, { ttl: 3600, from: "date_updated" });
    const why = `the same ttl sent ${DISTINGUISHABLE_DELAY_MS} ms later counts from the update`;
    t.expiresLater(created, updated, `${why}, so expiry moves forward`);
  }),
];
