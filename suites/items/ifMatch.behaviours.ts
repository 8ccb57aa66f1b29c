import { behaviour } from "../../src/behaviours/define.ts";
import { PRECONDITION_FAILED_CODES } from "../../src/spec/documented.ts";
import { fetchedItem, newItem, revisionOf, updatedItem } from "./support.ts";

const STALE = "an If-Match naming an earlier revision fails the precondition (54205 or 20412)";
const STALE_TOPIC = "If-Match mismatch code";
const version = (value: unknown): { Data: string } => ({
  Data: JSON.stringify({ version: value }),
});

// If-Match carries the revision bare, as Twilio's own SDK sends it; whether a quoted
// value is accepted is not documented, so it is not sent.
export default [
  behaviour("ITEM-IF-MATCH-UPDATE-CURRENT", async (t) => {
    const { sid } = await t.createMap();
    const key = "guarded";
    const created = await newItem(t, sid, key, { version: 1 });
    const first = await t.api.updateItem(sid, key, version(2), revisionOf(t, created));
    const applies = "an update whose If-Match is the current revision is applied";
    const applied = t.answered(first, 200, applies);
    if (applied === undefined) return;
    // The revision the update handed back is current in turn.
    const current = revisionOf(t, applied);
    const second = await t.api.updateItem(sid, key, version(3), current);
    const previous = "an update whose If-Match is the revision of the previous update is applied";
    if (!t.status(second, 200, previous)) return;
    const fetched = await fetchedItem(t, sid, key);
    t.field(fetched, "data", { version: 3 }, "both guarded updates were applied");
    // A quoted entity tag is neither documented nor excluded: report what the target does.
    const quoted = await t.api.updateItem(sid, key, version(4), `"${revisionOf(t, fetched)}"`);
    const status = quoted.response?.status;
    const reading = status === 200 ? "accepted" : `refused (${status ?? "no answer"})`;
    t.reading("quoted If-Match", reading);
  }),

  behaviour("ITEM-IF-MATCH-UPDATE-STALE", async (t) => {
    const { sid } = await t.createMap();
    const key = "raced";
    const stale = revisionOf(t, await newItem(t, sid, key, { version: 1 }));
    const current = await updatedItem(t, sid, key, version(2));
    const answer = await t.api.updateItem(sid, key, version("lost"), stale);
    t.refused(answer, 412, PRECONDITION_FAILED_CODES, STALE, STALE_TOPIC);
    const fetched = await fetchedItem(t, sid, key);
    t.field(fetched, "data", { version: 2 }, "a refused update changes nothing");
    t.field(fetched, "revision", current.body.revision, "a refused update changes nothing");
  }),

  behaviour("ITEM-IF-MATCH-DELETE-CURRENT", async (t) => {
    const { sid } = await t.createMap();
    const key = "guarded-delete";
    await newItem(t, sid, key, { version: 1 });
    const current = await updatedItem(t, sid, key, version(2));
    const deleted = await t.api.deleteItem(sid, key, revisionOf(t, current));
    if (!t.status(deleted, 204, "a delete whose If-Match is the current revision is applied"))
      return;
    const gone = "the item deleted with a matching If-Match is gone";
    t.notFound(await t.api.fetchItem(sid, key), gone);
  }),

  behaviour("ITEM-IF-MATCH-DELETE-STALE", async (t) => {
    const { sid } = await t.createMap();
    const key = "raced-delete";
    const stale = revisionOf(t, await newItem(t, sid, key, { version: 1 }));
    const current = await updatedItem(t, sid, key, version(2));
    const deleted = await t.api.deleteItem(sid, key, stale);
    t.refused(deleted, 412, PRECONDITION_FAILED_CODES, STALE, STALE_TOPIC);
    const fetched = await t.api.fetchItem(sid, key);
    const kept = t.answered(fetched, 200, "a delete refused by its If-Match keeps the item");
    if (kept === undefined) return;
    t.field(kept, "data", { version: 2 }, "a refused delete changes nothing");
    t.field(kept, "revision", current.body.revision, "a refused delete changes nothing");
  }),
];
