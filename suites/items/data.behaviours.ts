import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { jsonDataArbitrary } from "../../src/arbitraries/index.ts";
import type { FormValue } from "../../src/http/client.ts";
import { DATA_CLEARLY_OVER_BYTES, DATA_WELL_UNDER_BYTES } from "../../src/spec/documented.ts";
import { dataOfBytes, fetchedItem, newItem, walkItems } from "./support.ts";

type Data = Record<string, unknown>;

/** Values whose JSON must survive storage untouched: nesting, arrays, unicode, escapes, numbers. */
const ROUND_TRIP_VALUES: ReadonlyArray<readonly [string, Data]> = [
  [
    "rich",
    {
      nested: {
        deeper: { deepest: { list: [1, "two", { three: 3 }, [4, [5]]] } },
        emptyObject: {},
        emptyList: [],
      },
      unicode: "héllo wörld — 你好, мир 🎉",
      escapes: 'quote " backslash \\ newline \n tab \t',
      numbers: {
        integer: 42,
        negative: -7,
        fraction: 3.25,
        exponent: 1.5e10,
        zero: 0,
        largestSafe: 9_007_199_254_740_991,
      },
      literals: [true, false, null],
      "key with spaces": "and ünïcödé 🔑",
    },
  ],
  ["empty", {}],
];
const AS_SENT = "the JSON object sent as Data";
const OVER_LIMIT = `Data of ${DATA_CLEARLY_OVER_BYTES} bytes is over the 16 KiB limit (54006)`;

/** A create the target must refuse without creating the key; answers the status it used. */
async function refusedCreate(
  t: BehaviourContext,
  map: string,
  form: Readonly<Record<string, FormValue>>,
  why: string,
  topic: string,
): Promise<number | undefined> {
  const answer = await t.api.createItem(map, form);
  t.rejected(answer, why, topic);
  const key = form.Key;
  if (typeof key === "string" && key.length > 0) {
    t.notFound(await t.api.fetchItem(map, key), `a refused create leaves no item behind (${why})`);
  }
  return answer.response?.status;
}

export default [
  behaviour("ITEM-DATA-ROUND-TRIP", async (t) => {
    const { sid } = await t.createMap();
    // Fixed cases first, then generated objects (the run's --seed picks them, so they replay).
    const generated = t.generate(jsonDataArbitrary(), 5, "data");
    const cases = [
      ...ROUND_TRIP_VALUES,
      ...generated.map((data, i) => [`generated-${i}`, data] as const),
    ];
    for (const [key, data] of cases) {
      t.field(await newItem(t, sid, key, data), "data", data, AS_SENT);
      t.field(await fetchedItem(t, sid, key), "data", data, AS_SENT);
    }
    const walk = await walkItems(t, sid, { PageSize: 100 });
    for (const [key, data] of cases) {
      const listed = walk.items.find((item) => item.key === key);
      t.agrees(walk.last, `data of ${key} when listed`, listed?.data, data, AS_SENT);
    }
  }),

  behaviour("ITEM-DATA-REQUIRED", async (t) => {
    const { sid } = await t.createMap();
    await refusedCreate(
      t,
      sid,
      { Key: "no-data" },
      "Data is required (54206)",
      "missing Data code",
    );
    const nullData = "Data null is refused like missing Data (54206)";
    await refusedCreate(t, sid, { Key: "null-data", Data: "null" }, nullData, "null Data code");
  }),

  behaviour("ITEM-DATA-NOT-JSON", async (t) => {
    const { sid } = await t.createMap();
    const notJson = ["{not json", "{'single': 'quotes'}", '{"unterminated": "string}', "undefined"];
    for (const [index, raw] of notJson.entries()) {
      const form = { Key: `not-json-${index}`, Data: raw };
      await refusedCreate(
        t,
        sid,
        form,
        `Data ${JSON.stringify(raw)} is not JSON (54008)`,
        "invalid JSON code",
      );
    }
  }),

  behaviour("ITEM-DATA-SIZE", async (t) => {
    const { sid } = await t.createMap();
    const under = dataOfBytes(DATA_WELL_UNDER_BYTES);
    const accepted = await t.api.createItem(sid, { Key: "well-under", Data: under });
    const within = `Data of ${DATA_WELL_UNDER_BYTES} bytes is within the 16 KiB limit`;
    const created = t.answered(accepted, 201, within);
    if (created !== undefined) t.field(created, "data", JSON.parse(under), AS_SENT);
    const over = { Key: "clearly-over", Data: dataOfBytes(DATA_CLEARLY_OVER_BYTES) };
    const status = await refusedCreate(t, sid, over, OVER_LIMIT, "oversized Data code");
    // 54006 documents no status: 413 and 400 are both readings.
    if (status !== undefined && status >= 400 && status < 500)
      t.reading("oversized Data status", String(status));
  }),
];
