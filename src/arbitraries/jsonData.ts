// Item Data: JSON objects (only objects are documented:
// docs/behaviour-reference.md#c11-the-type-of-data), nested a little or deeply, with
// unicode text (non-BMP characters too), empty strings, objects and arrays, and numbers
// at the edges of what a JSON number keeps exactly.
import fc from "fast-check";

export interface JsonDataOptions {
  /**
   * Keep payloads small: writes over 1 KiB are throttled harder on the real service
   * (docs/behaviour-reference.md#rate-limits).
   */
  readonly maxBytes?: number;
}

// Whole graphemes only: a lone surrogate is not valid UTF-8 and no server can store it.
const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  // Empty, astral (two UTF-16 units, four UTF-8 bytes), a BOM, NFD and NFC of one letter.
  { weight: 1, arbitrary: fc.constantFrom("", " ", "😀", "𝄞 clef", "\uFEFF", "e\u0301", "é") },
);
// Object keys: "__proto__" parses as an own property but compares oddly; no document needs it.
const objectKey = fc
  .oneof(
    { weight: 6, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "😀", "a.b", "$ref") },
  )
  .filter((key) => key !== "__proto__");

/**
 * Numbers a JSON text carries exactly into an IEEE-754 double and back: the largest safe
 * integer and the first unsafe one (2^53, itself a double), the largest and the smallest
 * (subnormal) doubles, the smallest normal one. -0 is sent as "0" by JSON.stringify, so
 * 0 is all that text promises back, and that is all the model expects.
 */
export const EDGE_NUMBERS: readonly number[] = [
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2 ** 53,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  0.1,
  -0,
];

// Integers within 2^53, doubles, and the edges: values every JSON implementation keeps.
const number = fc.oneof(
  { weight: 3, arbitrary: fc.maxSafeInteger() },
  {
    weight: 3,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
      .filter((value) => !Object.is(value, -0)),
  },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
);

const { value } = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom<unknown>({}, []),
    tie("object"),
    fc.array(tie("value"), { maxLength: 4 }),
  ),
  object: fc.dictionary(objectKey, tie("value"), { maxKeys: 5 }),
}));

/** Deep but legal: a value inside 8 to 24 levels of arrays and objects. */
const deep = fc
  .tuple(fc.array(fc.boolean(), { minLength: 8, maxLength: 24 }), fc.oneof(text, number))
  .map(([levels, leaf]) =>
    levels.reduce<unknown>((inner, asArray) => (asArray ? [inner] : { d: inner }), leaf),
  );

export function jsonDataArbitrary(
  options: JsonDataOptions = {},
): fc.Arbitrary<Record<string, unknown>> {
  const maxBytes = options.maxBytes ?? 1024;
  const member = fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: deep });
  return (
    fc
      .oneof(
        { weight: 8, arbitrary: fc.dictionary(objectKey, member, { maxKeys: 6 }) },
        { weight: 1, arbitrary: fc.constant({}) },
      )
      .filter((data) => Buffer.byteLength(JSON.stringify(data), "utf8") <= maxBytes)
      // What the Data text means, as plain objects: fast-check may build null-prototype ones.
      .map((data) => JSON.parse(JSON.stringify(data)) as Record<string, unknown>)
  );
}
