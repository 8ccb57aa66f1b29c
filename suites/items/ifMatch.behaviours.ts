import { behaviour } from "../../src/behaviours/define.ts";
import { valueIsDocumented } from "../../src/checks/index.ts";
import { IF_MATCH_FAILED_CODES, ITEM_NOT_FOUND_CODES } from "./documented.ts";
import { fetchedItem, newItem, revisionOf, updatedItem } from "./support.ts";

// If-Match carries the revision bare, as Twilio's own SDK sends it; whether a quoted
// value is accepted is not documented, so it is not sent.
export default [
  behaviour("ITEM-IF-MATCH-UPDATE-CURRENT", async (t) => {
    const { sid } = await t.createMap();
    const key = "guarded";
    const created = await newItem(t, sid, key, { version: 1 });
    const first = await t.api.updateItem(sid, key, { Data: JSON.stringify({ version: 2 }) }, revisionOf(t, created));
    if (!t.status(first, 200, "an update whose If-Match is the current revision is applied")) return;
    const firstAnswer = { exchange: first, item: t.json(first) };
    // The revision the update handed back is current in turn.
    const second = await t.api.updateItem(sid, key, { Data: JSON.stringify({ version: 3 }) }, revisionOf(t, firstAnswer));
    if (!t.status(second, 200, "an update whose If-Match is the revision of the previous update is applied")) return;
    const fetched = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "data after two guarded updates", actual: fetched.item.data, expected: { version: 3 }, documented: "both guarded updates were applied" }, fetched.exchange);
    // A quoted entity tag is neither documented nor excluded: report what the target does.
    const quoted = await t.api.updateItem(sid, key, { Data: JSON.stringify({ version: 4 }) }, `"${revisionOf(t, fetched)}"`);
    const status = quoted.response?.status;
    t.reading("quoted If-Match", status === 200 ? "accepted" : `refused (${status ?? "no answer"})`);
  }),

  behaviour("ITEM-IF-MATCH-UPDATE-STALE", async (t) => {
    const { sid } = await t.createMap();
    const key = "raced";
    const created = await newItem(t, sid, key, { version: 1 });
    const stale = revisionOf(t, created);
    const current = await updatedItem(t, sid, key, { Data: JSON.stringify({ version: 2 }) });
    const answer = await t.api.updateItem(sid, key, { Data: JSON.stringify({ version: "lost" }) }, stale);
    t.refused(answer, 412, IF_MATCH_FAILED_CODES, "an If-Match naming an earlier revision fails the precondition (54205 or 20412)", "If-Match mismatch code");
    const fetched = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "data after the refused update", actual: fetched.item.data, expected: { version: 2 }, documented: "a refused update changes nothing" }, fetched.exchange);
    t.check(valueIsDocumented, { subject: "revision after the refused update", actual: fetched.item.revision, expected: current.item.revision, documented: "a refused update changes nothing" }, fetched.exchange);
  }),

  behaviour("ITEM-IF-MATCH-DELETE-CURRENT", async (t) => {
    const { sid } = await t.createMap();
    const key = "guarded-delete";
    await newItem(t, sid, key, { version: 1 });
    const current = await updatedItem(t, sid, key, { Data: JSON.stringify({ version: 2 }) });
    const deleted = await t.api.deleteItem(sid, key, revisionOf(t, current));
    if (!t.status(deleted, 204, "a delete whose If-Match is the current revision is applied")) return;
    const fetched = await t.api.fetchItem(sid, key);
    t.refused(fetched, 404, ITEM_NOT_FOUND_CODES, "the item deleted with a matching If-Match is gone");
  }),

  behaviour("ITEM-IF-MATCH-DELETE-STALE", async (t) => {
    const { sid } = await t.createMap();
    const key = "raced-delete";
    const created = await newItem(t, sid, key, { version: 1 });
    const stale = revisionOf(t, created);
    const current = await updatedItem(t, sid, key, { Data: JSON.stringify({ version: 2 }) });
    const deleted = await t.api.deleteItem(sid, key, stale);
    t.refused(deleted, 412, IF_MATCH_FAILED_CODES, "an If-Match naming an earlier revision fails the precondition (54205 or 20412)", "If-Match mismatch code");
    const fetched = await t.api.fetchItem(sid, key);
    if (!t.status(fetched, 200, "a delete refused by its If-Match keeps the item")) return;
    const body = t.json(fetched);
    t.check(valueIsDocumented, { subject: "data after the refused delete", actual: body.data, expected: { version: 2 }, documented: "a refused delete changes nothing" }, fetched);
    t.check(valueIsDocumented, { subject: "revision after the refused delete", actual: body.revision, expected: current.item.revision, documented: "a refused delete changes nothing" }, fetched);
  }),
];
