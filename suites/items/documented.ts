// Values the documents fix, named once for every Map Item behaviour.
export { DISTINGUISHABLE_DELAY_MS, NOT_FOUND_CODES, MAP_NOT_FOUND_CODES, TTL_MAX, servicePath, unknownMapSid } from "../shared/documented.ts";

/** Codes a missing item may answer with (facts C5: any not-found code is a documented reading). */
export const ITEM_NOT_FOUND_CODES = [20404, 54200, 54201, 54300] as const;
/** A stale If-Match: 54205 (errors/54205) or 20412 (errors/20412), facts C6. */
export const IF_MATCH_FAILED_CODES = [54205, 20412] as const;
/** A key the map already holds (errors/54208). */
export const DUPLICATE_KEY_CODE = 54208;

/** Data is limited to 16 KiB; the exact boundary is not asserted, only clear cases on each side. */
export const DATA_WELL_UNDER_BYTES = 10 * 1024;
export const DATA_CLEARLY_OVER_BYTES = 20 * 1024;

/** Keys of 1..256 characters are accepted by every reading, over 320 by none (facts C2). */
export const KEY_ALWAYS_ACCEPTED = 256;
export const KEY_LONGEST_READING = 320;

/** The fields of an item that fetch and list must report as create did. */
export const ITEM_FIELDS = ["key", "account_sid", "service_sid", "map_sid", "url", "revision", "data", "date_expires", "date_created", "date_updated", "created_by"] as const;

/** A JSON object whose text is exactly `bytes` bytes of UTF-8 (ASCII padding). */
export function dataOfBytes(bytes: number): string {
  const frame = JSON.stringify({ pad: "" });
  return JSON.stringify({ pad: "x".repeat(Math.max(0, bytes - frame.length)) });
}
