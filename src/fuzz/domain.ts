// Documented rules a schema cannot say, and the readings where documents disagree
// (docs/behaviour-reference.md). The wire classifier asks these before trusting a
// schema verdict, so an input some reading accepts is never expected to be refused.
import {
  cite,
  DATA_CLEARLY_OVER_BYTES,
  DATA_MAX_BYTES,
  DATA_WELL_UNDER_BYTES,
  REFERENCE,
  SID_LIKE_NAME_PATTERN,
} from "../spec/documented.ts";
import type { SpecLimits } from "../spec/index.ts";

export type Verdict = "valid" | "invalid" | "ambiguous";

const PAGE_SIZE = cite(REFERENCE.pageSizeMaximum);
const SID_LIKE = cite(REFERENCE.sidLikeUniqueName);

export interface FieldVerdict {
  readonly verdict: Verdict;
  readonly reason: string;
}

export const DATA_FIELD = "Data";
/** Deeper than this, no document says whether JSON is stored: the answer may go either way. */
export const UNDOCUMENTED_DEPTH = 100;

const SID_SHAPED = /^[A-Z]{2}[0-9a-fA-F]{32}$/;

/** Seconds from 0 to the documented maximum, whatever the document's schema says. */
const TTL_FIELDS = ["Ttl", "CollectionTtl", "ItemTtl"];
const DECIMAL_INTEGER = /^-?(0|[1-9][0-9]*)$/;

export function hasDocumentedRule(name: string): boolean {
  return ["Data", "Key", "UniqueName", "PageSize", "PageToken", ...TTL_FIELDS].includes(name);
}

/**
 * The documented verdict for one decoded value where a rule exists; `undefined`
 * leaves the field to its schema. `schemaKeywords` are the keywords ajv failed.
 */
export function documentedVerdict(
  name: string,
  value: string,
  limits: SpecLimits,
  schemaKeywords: readonly string[],
): FieldVerdict | undefined {
  if (TTL_FIELDS.includes(name)) return ttlVerdict(value, limits);
  switch (name) {
    case DATA_FIELD:
      return dataVerdict(value, limits);
    case "Key":
      return lengthVerdict(value, limits.keyLengthAccepted, limits.keyLengthRefusedAbove, "C2");
    case "UniqueName":
      return uniqueNameVerdict(value, limits, schemaKeywords);
    case "PageSize":
      return schemaKeywords.length === 1 && schemaKeywords[0] === "maximum"
        ? {
            verdict: "ambiguous",
            reason: `PageSize above 100: readings differ or none is documented (${PAGE_SIZE})`,
          }
        : undefined;
    case "PageToken":
      return {
        verdict: "ambiguous",
        reason: "a PageToken the server did not issue may be refused",
      };
    default:
      return undefined;
  }
}

/**
 * Rules about a request as a whole. An update with nothing to change may be refused
 * (54010), and an item update's CollectionTtl counts only beside Data or the item's ttl.
 */
export function requestVerdict(operationId: string, sentFields: readonly string[]) {
  if (!operationId.startsWith("Update")) return undefined;
  const changing = sentFields.filter(
    (name) => name !== "CollectionTtl" || operationId === "UpdateSyncMap",
  );
  if (changing.length > 0) return undefined;
  return {
    verdict: "ambiguous" as const,
    reason: "an update with nothing to change may be refused",
  };
}

/** Permission flags the documents both require and default to false. */
const FLAGS_DEFAULTING_FALSE = ["Read", "Write", "Manage"];

/**
 * The verdict on a required field left out. A permission flag is open: refused, or
 * stored as false (docs/behaviour-reference.md#c12-a-missing-permission-flag).
 */
export function missingVerdict(name: string): FieldVerdict {
  if (FLAGS_DEFAULTING_FALSE.includes(name)) {
    const reading = cite("#c12-a-missing-permission-flag");
    return {
      verdict: "ambiguous",
      reason: `${name} missing: refused or stored as false (${reading})`,
    };
  }
  return { verdict: "invalid", reason: `${name} missing` };
}

/**
 * The name an alias stands for: Ttl means ItemTtl on an item and CollectionTtl on a map.
 * When both are sent the specific name wins; whether the alias is still validated is open.
 */
export function aliasedBy(name: string, fieldNames: readonly string[]): string | undefined {
  if (name !== "Ttl") return undefined;
  return fieldNames.includes("ItemTtl") ? "ItemTtl" : "CollectionTtl";
}

/**
 * A ttl outside 0 to the documented maximum is refused (54011,
 * docs/behaviour-reference.md#ttl-and-expiry) even where the document's schema bounds
 * nothing (the vendor's); anything else is left to the schema.
 */
function ttlVerdict(value: string, limits: SpecLimits): FieldVerdict | undefined {
  if (!DECIMAL_INTEGER.test(value)) return undefined;
  const seconds = Number(value);
  if (seconds >= 0 && seconds <= limits.ttlMax) return undefined;
  return {
    verdict: "invalid",
    reason: `${seconds} seconds, outside 0 to ${limits.ttlMax} (54011)`,
  };
}

/**
 * Item data: JSON text of at most the documented size, not null; its type is open
 * (docs/behaviour-reference.md#c11-the-type-of-data).
 */
export function dataVerdict(text: string, limits: SpecLimits): FieldVerdict {
  const bytes = Buffer.byteLength(text, "utf8");
  const wellUnder = limits.dataMaxBytes - (DATA_MAX_BYTES - DATA_WELL_UNDER_BYTES);
  const clearlyOver = limits.dataMaxBytes + (DATA_CLEARLY_OVER_BYTES - DATA_MAX_BYTES);
  if (bytes >= clearlyOver) return { verdict: "invalid", reason: `Data of ${bytes} bytes (54006)` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { verdict: "invalid", reason: "Data is not JSON text (54008)" };
  }
  if (parsed === null) return { verdict: "invalid", reason: "Data is null (54206)" };
  if (bytes > wellUnder) {
    return {
      verdict: "ambiguous",
      reason: `Data of ${bytes} bytes: the exact limit is not asserted`,
    };
  }
  if (hasUnrepresentableNumber(parsed)) {
    return {
      verdict: "ambiguous",
      reason: "JSON holds a number no double can represent: storing or refusing are both readings",
    };
  }
  if (depthOf(text) > UNDOCUMENTED_DEPTH) {
    return { verdict: "ambiguous", reason: "JSON nested deeper than any document mentions" };
  }
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    return {
      verdict: "ambiguous",
      reason: `Data that is not an object: its type is open (${cite(REFERENCE.dataType)})`,
    };
  }
  return { verdict: "valid", reason: "JSON object within the size limit" };
}

function lengthVerdict(value: string, accepted: number, refusedAbove: number, conflict: string) {
  const length = [...value].length;
  if (length === 0) return { verdict: "invalid" as const, reason: "empty" };
  if (length <= accepted) return { verdict: "valid" as const, reason: `${length} characters` };
  if (length <= refusedAbove) {
    return {
      verdict: "ambiguous" as const,
      reason: `${length} characters: readings differ (${conflict})`,
    };
  }
  return { verdict: "invalid" as const, reason: `${length} characters, over ${refusedAbove}` };
}

function uniqueNameVerdict(
  value: string,
  limits: SpecLimits,
  keywords: readonly string[],
): FieldVerdict | undefined {
  const length = lengthVerdict(
    value,
    limits.uniqueNameLengthAccepted,
    limits.uniqueNameLengthRefusedAbove,
    "C3",
  );
  if (length.verdict !== "valid") return length;
  if (SID_LIKE_NAME_PATTERN.test(value)) return { verdict: "invalid", reason: "looks like a sid" };
  if (SID_SHAPED.test(value)) {
    return {
      verdict: "ambiguous",
      reason: `a sid shape with upper-case hex: only lower case is asserted (${SID_LIKE})`,
    };
  }
  return keywords.length === 0 ? length : undefined;
}

/** True when JSON.parse turned a written number into Infinity (e.g. 1e400). */
function hasUnrepresentableNumber(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === "number" && !Number.isFinite(next)) return true;
    if (typeof next === "object" && next !== null) stack.push(...Object.values(next));
  }
  return false;
}

/** Nesting depth of JSON text, counted on the text so a huge depth costs no recursion. */
export function depthOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "[" || character === "{") deepest = Math.max(deepest, ++depth);
    else if (character === "]" || character === "}") depth -= 1;
  }
  return deepest;
}
