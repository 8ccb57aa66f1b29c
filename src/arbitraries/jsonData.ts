// Item Data: JSON objects (only objects are documented:
// docs/behaviour-reference.md#c11-the-type-of-data), nested a little,
// with unicode text and numbers that survive any JSON parser unchanged.
import fc from "fast-check";

export interface JsonDataOptions {
  /**
   * Keep payloads small: writes over 1 KiB are throttled harder on the real service
   * (docs/behaviour-reference.md#rate-limits).
   */
  readonly maxBytes?: number;
}

// Whole graphemes only: a lone surrogate is not valid UTF-8 and no server can store it.
const text = fc.string({ unit: "grapheme", maxLength: 12 });
// Object keys: "__proto__" parses as an own property but compares oddly; no document needs it.
const objectKey = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 8 })
  .filter((key) => key !== "__proto__");
// Integers within 2^53 and doubles that are not -0: values every JSON implementation keeps exactly.
const number = fc.oneof(
  fc.maxSafeInteger(),
  fc
    .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
    .filter((value) => !Object.is(value, -0)),
);

const { value } = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    tie("object"),
    fc.array(tie("value"), { maxLength: 4 }),
  ),
  object: fc.dictionary(objectKey, tie("value"), { maxKeys: 5 }),
}));

export function jsonDataArbitrary(
  options: JsonDataOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const maxBytes = options.maxBytes ?? 1024;
  return (
    fc
      .dictionary(objectKey, value, { maxKeys: 6 })
      .filter((data) => Buffer.byteLength(JSON.stringify(data), "utf8") <= maxBytes)
      // What the Data text means, as plain objects: fast-check may build null-prototype ones.
      .map((data) => JSON.parse(JSON.stringify(data)) as Record<string, unknown>)
  );
}
