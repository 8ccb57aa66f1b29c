import * as documented from "./documented.ts";
import type { SpecLimits } from "./types.ts";

export const LIMITS_EXTENSION = "x-sync-map-limits";

/** The documented values (./documented.ts), for documents that do not declare their own. */
export const DEFAULT_LIMITS: SpecLimits = Object.freeze({
  pageSizeDefault: documented.DEFAULT_PAGE_SIZE,
  pageSizeMax: documented.PAGE_SIZE_MAX_READINGS,
  ttlMax: documented.TTL_MAX,
  keyLengthAccepted: documented.KEY_LENGTH_ACCEPTED,
  keyLengthRefusedAbove: documented.KEY_LENGTH_REFUSED_ABOVE,
  uniqueNameLengthAccepted: documented.UNIQUE_NAME_LENGTH_ACCEPTED,
  uniqueNameLengthRefusedAbove: documented.UNIQUE_NAME_LENGTH_REFUSED_ABOVE,
  dataMaxBytes: documented.DATA_MAX_BYTES,
});

/**
 * Reads `x-sync-map-limits`, falling back field by field to DEFAULT_LIMITS.
 * A declared but malformed value throws: a wrong limit would silently skew
 * every boundary test.
 */
export function readLimits(document: object): SpecLimits {
  const declared: unknown = (document as Record<string, unknown>)[LIMITS_EXTENSION];
  if (declared === undefined) return DEFAULT_LIMITS;
  if (!isPlainObject(declared)) throw new Error(`${LIMITS_EXTENSION} must be an object`);

  const integer = (name: Exclude<keyof SpecLimits, "pageSizeMax">): number =>
    readPositiveInteger(declared, name, DEFAULT_LIMITS[name]);
  return Object.freeze({
    pageSizeDefault: integer("pageSizeDefault"),
    pageSizeMax: readPageSizeMax(declared),
    ttlMax: integer("ttlMax"),
    keyLengthAccepted: integer("keyLengthAccepted"),
    keyLengthRefusedAbove: integer("keyLengthRefusedAbove"),
    uniqueNameLengthAccepted: integer("uniqueNameLengthAccepted"),
    uniqueNameLengthRefusedAbove: integer("uniqueNameLengthRefusedAbove"),
    dataMaxBytes: integer("dataMaxBytes"),
  });
}

function readPositiveInteger(
  declared: Record<string, unknown>,
  name: string,
  fallback: number,
): number {
  const value = declared[name];
  if (value === undefined) return fallback;
  if (!isPositiveInteger(value))
    throw new Error(
      `${LIMITS_EXTENSION}.${name} must be a positive integer, got ${JSON.stringify(value)}`,
    );
  return value;
}

/** One number or a list of readings; always returned as a sorted list. */
function readPageSizeMax(declared: Record<string, unknown>): readonly number[] {
  const value = declared["pageSizeMax"];
  if (value === undefined) return DEFAULT_LIMITS.pageSizeMax;
  const readings = Array.isArray(value) ? value : [value];
  if (readings.length === 0 || !readings.every(isPositiveInteger)) {
    throw new Error(
      `${LIMITS_EXTENSION}.pageSizeMax must be a positive integer or a non-empty list of them, got ${JSON.stringify(value)}`,
    );
  }
  return Object.freeze([...new Set(readings)].sort((a, b) => a - b));
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
