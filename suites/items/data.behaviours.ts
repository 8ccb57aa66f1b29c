import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { valueIsDocumented } from "../../src/checks/index.ts";
import type { FormValue } from "../../src/http/client.ts";
import { DATA_CLEARLY_OVER_BYTES, DATA_WELL_UNDER_BYTES, ITEM_NOT_FOUND_CODES, dataOfBytes } from "./documented.ts";
import { fetchedItem, newItem, walkItems } from "./support.ts";
import { jsonDataArbitrary } from "../../src/arbitraries/index.ts";

/** Values whose JSON must survive storage untouched: nesting, arrays, unicode, escapes, numbers. */
const ROUND_TRIP_VALUES: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  [
    "rich",
    {
      nested: { deeper: { deepest: { list: [1, "two", { three: 3 }, [4, [5]]] } }, emptyObject: {}, emptyList: [] },
      unicode: "héllo wörld — 你好, мир 🎉",
      escapes: 'quote " backslash \\ newline \n tab \t',
      numbers: { integer: 42, negative: -7, fraction: 3.25, exponent: 1.5e10, zero: 0, largestSafe: 9_007_199_254_740_991 },
      literals: [true, false, null],
      "key with spaces": "and ünïcödé 🔑",
    },
  ],
  ["empty", {}],
];

/** A create the target must refuse without creating the key; answers the status it used. */
async function refusedCreate(t: BehaviourContext, map: string, form: Readonly<Record<string, FormValue>>, documented: string, topic: string): Promise<number | undefined> {
  const answer = await t.api.createItem(map, form);
  t.refused(answer, "4xx", [], documented, topic);
  const key = form.Key;
  if (typeof key === "string" && key.length > 0) {
    const fetched = await t.api.fetchItem(map, key);
    t.refused(fetched, 404, ITEM_NOT_FOUND_CODES, `a refused create leaves no item behind (${documented})`);
  }
  return answer.response?.status;
}

export default [
  behaviour("ITEM-DATA-ROUND-TRIP", async (t) => {
    const { sid } = await t.createMap();
    // Fixed cases first, then generated objects (the run's --seed picks them, so they replay).
    const generated = t.generate(jsonDataArbitrary(), 5, "data").map((data, index): readonly [string, Record<string, unknown>] => [`generated-${index}`, data]);
    const cases = [...ROUND_TRIP_VALUES, ...generated];
    for (const [key, data] of cases) {
      const created = await newItem(t, sid, key, data);
      t.check(valueIsDocumented, { subject: `data of ${key} in the create answer`, actual: created.item.data, expected: data, documented: "the JSON object sent as Data" }, created.exchange);
      const fetched = await fetchedItem(t, sid, key);
      t.check(valueIsDocumented, { subject: `data of ${key} when fetched`, actual: fetched.item.data, expected: data, documented: "the JSON object sent as Data" }, fetched.exchange);
    }
    const walk = await walkItems(t, sid, { PageSize: 100 });
    for (const [key, data] of cases) {
      const listed = walk.items.find((item) => item.key === key);
      t.check(valueIsDocumented, { subject: `data of ${key} when listed`, actual: listed?.data, expected: data, documented: "the JSON object sent as Data" }, walk.last);
    }
  }),

  behaviour("ITEM-DATA-REQUIRED", async (t) => {
    const { sid } = await t.createMap();
    await refusedCreate(t, sid, { Key: "no-data" }, "Data is required (54206)", "missing Data code");
    await refusedCreate(t, sid, { Key: "null-data", Data: "null" }, "Data null is refused like missing Data (54206)", "null Data code");
  }),

  behaviour("ITEM-DATA-NOT-JSON", async (t) => {
    const { sid } = await t.createMap();
    const notJson = ["{not json", "{'single': 'quotes'}", '{"unterminated": "string}', "undefined"];
    for (const [index, raw] of notJson.entries()) {
      await refusedCreate(t, sid, { Key: `not-json-${index}`, Data: raw }, `Data ${JSON.stringify(raw)} is not JSON (54008)`, "invalid JSON code");
    }
  }),

  behaviour("ITEM-DATA-SIZE", async (t) => {
    const { sid } = await t.createMap();
    const under = dataOfBytes(DATA_WELL_UNDER_BYTES);
    const accepted = await t.api.createItem(sid, { Key: "well-under", Data: under });
    if (t.status(accepted, 201, `Data of ${DATA_WELL_UNDER_BYTES} bytes is within the 16 KiB limit`)) {
      t.check(valueIsDocumented, { subject: "data of the 10 KiB item", actual: t.json(accepted).data, expected: JSON.parse(under) as unknown, documented: "the JSON object sent as Data" }, accepted);
    }
    const status = await refusedCreate(t, sid, { Key: "clearly-over", Data: dataOfBytes(DATA_CLEARLY_OVER_BYTES) }, `Data of ${DATA_CLEARLY_OVER_BYTES} bytes is over the 16 KiB limit (54006)`, "oversized Data code");
    // 54006 documents no status: 413 and 400 are both readings.
    if (status !== undefined && status >= 400 && status < 500) t.reading("oversized Data status", String(status));
  }),
];
