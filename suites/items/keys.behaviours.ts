import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { itemKeyArbitrary } from "../../src/arbitraries/index.ts";
import { CODE, KEY_LENGTH_ACCEPTED, KEY_LENGTH_REFUSED_ABOVE } from "../../src/spec/documented.ts";
import { lengthReading } from "../common/helpers.ts";
import { fetchedItem, newItem, walkItems } from "./support.ts";

/** Spaces and characters outside ASCII, in the middle and at the edges of a key. */
const UNICODE_KEYS = [
  "two words",
  "ünïcödé",
  "日本語のキー",
  "emoji 🎉 key",
  "mixed Ωmega-ß",
] as const;
/**
 * Every character that means something in a URL, plus percent-escapes that a server
 * decoding twice would turn into other keys. "." and ".." are left out: clients
 * normalise such path segments away before they are sent.
 */
const RESERVED_KEYS = [
  ...["a/b", "/leading-slash", "what?", "hash#tag", "100%", "%41", "a%2Fb", "a&b=c", "1+1"],
  "https://example.com/x?y=z#frag",
] as const;

/** Create, fetch by path, list and delete each key; every step must give the key back unchanged. */
async function keysSurvive(t: BehaviourContext, keys: readonly string[]): Promise<void> {
  const { sid } = await t.createMap();
  for (const key of keys) t.field(await newItem(t, sid, key, { key }), "key", key, "the Key sent");
  for (const key of keys) {
    const shown = JSON.stringify(key);
    const byPath = `the item ${shown} is fetched by its percent-encoded key`;
    const fetched = t.answered(await t.api.fetchItem(sid, key), 200, byPath);
    if (fetched === undefined) continue;
    t.field(fetched, "key", key, "the key the item was created with");
    t.field(fetched, "data", { key }, `the data of the item with the key ${shown}`);
  }
  const walk = await walkItems(t, sid, { PageSize: 100 });
  for (const key of keys)
    t.listedOnce(walk.last, walk.keys, key, "each key is listed once, as created");
  for (const key of keys) {
    const shown = JSON.stringify(key);
    const deleted = await t.api.deleteItem(sid, key);
    if (!t.status(deleted, 204, `the item ${shown} is deleted by its percent-encoded key`))
      continue;
    t.notFound(await t.api.fetchItem(sid, key), `the item ${shown} is gone after its delete`);
  }
}

export default [
  behaviour("ITEM-KEY-REQUIRED", async (t) => {
    const { sid } = await t.createMap();
    const answer = await t.api.createItem(sid, { Data: JSON.stringify({ orphan: true }) });
    t.rejected(answer, "Key is required (54209)", "missing Key code");
  }),

  behaviour("ITEM-KEY-EMPTY", async (t) => {
    const { sid } = await t.createMap();
    const answer = await t.api.createItem(sid, { Key: "", Data: JSON.stringify({ empty: true }) });
    t.rejected(answer, "a key has at least one character (54209)", "empty key code");
  }),

  behaviour("ITEM-KEY-LENGTH", async (t) => {
    const { sid } = await t.createMap();
    const ofLength = (char: string, length: number): Record<string, string> => ({
      Key: char.repeat(length),
      Data: JSON.stringify({ length }),
    });
    const every = "by every documented reading";
    for (const length of [1, KEY_LENGTH_ACCEPTED]) {
      const form = ofLength("k", length);
      const why = `a key of ${length} characters is accepted ${every}`;
      const created = t.answered(await t.api.createItem(sid, form), 201, why);
      if (created !== undefined) t.field(created, "key", form.Key, "the Key sent");
    }
    const above = KEY_LENGTH_REFUSED_ABOVE;
    const tooLong = await t.api.createItem(sid, ofLength("x", above + 1));
    const refused = `a key over ${above} characters is refused ${every} (54209)`;
    t.rejected(tooLong, refused, "too-long key code");
    // Between the two is where the documents disagree: report the reading, assert nothing.
    const boundary = await t.api.createItem(sid, ofLength("b", above));
    const reading = lengthReading(boundary.response?.status, above, KEY_LENGTH_ACCEPTED);
    t.reading("item key maximum length", reading);
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
    const duplicate = await t.api.createItem(sid, {
      Key: key,
      Data: JSON.stringify({ version: "duplicate" }),
    });
    t.refused(duplicate, 409, [CODE.duplicateKey], "a key is unique within its map (54208)");
    const after = await fetchedItem(t, sid, key);
    t.field(after, "data", { version: "original" }, "a refused create changes nothing");
    t.field(after, "revision", original.body.revision, "a refused create changes nothing");
  }),
];
