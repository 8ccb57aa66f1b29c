// Item keys: spaces, unicode and the characters that mean something in a URL, within
// the length every documented reading accepts (spec limits: keyLengthAccepted).
import fc from "fast-check";
import type { SpecLimits } from "../spec/index.ts";

const RESERVED = [..." /?#%&+=;:@$,!*'()[]~"];

const keyCharacter = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.",
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...RESERVED) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
);

export function itemKeyArbitrary(
  limits: Pick<SpecLimits, "keyLengthAccepted">,
  maxLength = 24,
): fc.Arbitrary<string> {
  return (
    fc
      .array(keyCharacter, {
        minLength: 1,
        maxLength: Math.min(maxLength, limits.keyLengthAccepted),
      })
      .map((characters) => characters.join(""))
      // "." and ".." are path segments clients normalise away before a request is sent.
      .filter(
        (key) =>
          key !== "." &&
          key !== ".." &&
          [...key].length <= limits.keyLengthAccepted &&
          !hasControlCharacter(key),
      )
  );
}

function hasControlCharacter(key: string): boolean {
  return [...key].some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
}
