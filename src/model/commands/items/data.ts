// Data an item command sends: one of a tiny pool of JSON objects (so earlier data
// comes back; objects only: docs/behaviour-reference.md#c11-the-type-of-data), a
// generated object, or clearly more than the documented limit.
import { DATA_CLEARLY_OVER_BYTES } from "../../../spec/documented.ts";
import type { Json } from "../expect.ts";

export const DATA_POOL: readonly Json[] = [
  {},
  { n: 1 },
  { n: 2 },
  { s: "x", on: true },
  { list: [1, "two", null], nested: { deep: 0.5 } },
  { "": "", empty: { list: [], object: {} }, astral: "😀" },
  { safe: 9_007_199_254_740_991, unsafe: 9_007_199_254_740_992, tiny: 5e-324, huge: 1e308 },
];

/** An index into the pool, a generated object, or too much data. */
export type DataChoice = number | Json | "oversize";

export function dataAt(choice: number | Json): Json {
  if (typeof choice !== "number") return choice;
  return DATA_POOL[choice % DATA_POOL.length] as Json;
}

/** The Data form field: well over the limit for oversize (the exact boundary is not asserted). */
export function dataText(choice: DataChoice): string {
  if (choice === "oversize") return JSON.stringify({ pad: "x".repeat(DATA_CLEARLY_OVER_BYTES) });
  return JSON.stringify(dataAt(choice));
}

export function describeData(choice: DataChoice | null): string {
  if (choice === null) return "";
  if (choice === "oversize") return `, data=${DATA_CLEARLY_OVER_BYTES / 1024} KiB`;
  return `, data=${JSON.stringify(dataAt(choice))}`;
}
