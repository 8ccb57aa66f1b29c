import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { propertyHolds, valueIsDocumented } from "../../src/checks/index.ts";
import { DUPLICATE_KEY_CODE, ITEM_NOT_FOUND_CODES, KEY_ALWAYS_ACCEPTED, KEY_LONGEST_READING } from "./documented.ts";
import { fetchedItem, newItem, walkItems } from "./support.ts";
import { itemKeyArbitrary } from "../../src/arbitraries/index.ts";

/** Spaces and characters outside ASCII, in the middle and at the edges of a key. */
const UNICODE_KEYS = ["two words", "ünïcödé", "日本語のキー", "emoji 🎉 key", "mixed Ωmega-ß"] as const;
/**
 * Every character that means something in a URL, plus percent-escapes that a server
 * decoding twice would turn into other keys. "." and ".." are left out: clients
 * normalise such path segments away before they are sent.
 */
const RESERVED_KEYS = ["a/b", "/leading-slash", "what?", "hash#tag", "100%", "%41", "a%2Fb", "a&b=c", "1+1", "https://example.com/x?y=z#frag"] as const;

/** Create, fetch by path, list and delete each key; every step must give the key back unchanged. */
async function keysSurvive(t: BehaviourContext, keys: readonly string[]): Promise<void> {
  const { sid } = await t.createMap();
  for (const key of keys) {
    const { item, exchange } = await newItem(t, sid, key, { key });
    t.check(valueIsDocumented, { subject: "created key", actual: item.key, expected: key, documented: "the Key sent" }, exchange);
  }
  for (const key of keys) {
    const answer = await t.api.fetchItem(sid, key);
    if (!t.status(answer, 200, `the item ${JSON.stringify(key)} is fetched by its percent-encoded key`)) continue;
    const body = t.json(answer);
    t.check(valueIsDocumented, { subject: "fetched key", actual: body.key, expected: key, documented: "the key the item was created with" }, answer);
    t.check(valueIsDocumented, { subject: `data of ${JSON.stringify(key)}`, actual: body.data, expected: { key }, documented: "the data of the item with that key" }, answer);
  }
  const walk = await walkItems(t, sid, { PageSize: 100 });
  for (const key of keys) {
    const seen = walk.keys.filter((listed) => listed === key).length;
    t.check(propertyHolds, { holds: seen === 1, received: `key ${JSON.stringify(key)} listed ${seen} times; listed keys ${JSON.stringify(walk.keys)}`, documented: "each key is listed once, as created" }, walk.last);
  }
  for (const key of keys) {
    const deleted = await t.api.deleteItem(sid, key);
    if (!t.status(deleted, 204, `the item ${JSON.stringify(key)} is deleted by its percent-encoded key`)) continue;
    const gone = await t.api.fetchItem(sid, key);
    t.refused(gone, 404, ITEM_NOT_FOUND_CODES, `the item ${JSON.stringify(key)} is gone after its delete`);
  }
}

export default [
  behaviour("ITEM-KEY-REQUIRED", async (t) => {
    const { sid } = await t.createMap();
    const answer = await t.api.createItem(sid, { Data: JSON.stringify({ orphan: true }) });
    t.refused(answer, "4xx", [], "Key is required (54209)", "missing Key code");
  }),

  behaviour("ITEM-KEY-EMPTY", async (t) => {
    const { sid } = await t.createMap();
    const answer = await t.api.createItem(sid, { Key: "", Data: JSON.stringify({ empty: true }) });
    t.refused(answer, "4xx", [], "a key has at least one character (54209)", "empty key code");
  }),

  behaviour("ITEM-KEY-LENGTH", async (t) => {
    const { sid } = await t.createMap();
    for (const length of [1, KEY_ALWAYS_ACCEPTED]) {
      const key = "k".repeat(length);
      const answer = await t.api.createItem(sid, { Key: key, Data: JSON.stringify({ length }) });
      if (t.status(answer, 201, `a key of ${length} characters is accepted by every documented reading`)) {
        t.check(valueIsDocumented, { subject: `key of ${length} characters`, actual: t.json(answer).key, expected: key, documented: "the Key sent" }, answer);
      }
    }
    const tooLong = await t.api.createItem(sid, { Key: "x".repeat(KEY_LONGEST_READING + 1), Data: JSON.stringify({ length: KEY_LONGEST_READING + 1 }) });
    t.refused(tooLong, "4xx", [], `a key over ${KEY_LONGEST_READING} characters is refused by every documented reading (54209)`, "too-long key code");
    // 257..320 is where the documents disagree: report the reading, assert nothing.
    const boundary = await t.api.createItem(sid, { Key: "b".repeat(KEY_LONGEST_READING), Data: JSON.stringify({ length: KEY_LONGEST_READING }) });
    const status = boundary.response?.status;
    t.reading("item key maximum length", status === 201 ? "320" : status !== undefined && status >= 400 && status < 500 ? "256" : `unclear (${status ?? "no answer"})`);
  }),

  behaviour("ITEM-KEY-UNICODE", async (t) => {
    await keysSurvive(t, UNICODE_KEYS);
  }),

  behaviour("ITEM-KEY-RESERVED", async (t) => {
    // Fixed cases first, then generated ones (the run's --seed picks them, so they replay).
    const generated = t.generate(itemKeyArbitrary(t.limits), 6, "keys");
    await keysSurvive(t, [...new Set([...RESERVED_KEYS, ...generated])]);
  }),

  behaviour("ITEM-KEY-DUPLICATE", async (t) => {
    const { sid } = await t.createMap();
    const key = "taken";
    const original = await newItem(t, sid, key, { version: "original" });
    const duplicate = await t.api.createItem(sid, { Key: key, Data: JSON.stringify({ version: "duplicate" }) });
    t.refused(duplicate, 409, [DUPLICATE_KEY_CODE], "a key is unique within its map (54208)");
    const after = await fetchedItem(t, sid, key);
    t.check(valueIsDocumented, { subject: "data after the refused duplicate", actual: after.item.data, expected: { version: "original" }, documented: "a refused create changes nothing" }, after.exchange);
    t.check(valueIsDocumented, { subject: "revision after the refused duplicate", actual: after.item.revision, expected: original.item.revision, documented: "a refused create changes nothing" }, after.exchange);
  }),
];
