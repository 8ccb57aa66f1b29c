// Near-duplicates: strings that differ from one another only in ways a careless server
// erases — letter case, surrounding or inner whitespace, Unicode normalisation (NFC vs
// NFD), percent-encoding of the same character, a trailing dot or slash. The documents
// treat keys, identities and unique names as plain strings, so every member of a family
// names a different object; a server that folds case, trims, normalises or decodes twice
// makes two of them one. Families stay small so two members meet in one history.
import fc from "fast-check";

/** How a member differs from its base; the name is what a script shows beside it. */
export type NearDuplicateVariant =
  | "same"
  | "capitalised"
  | "upper"
  | "leading-space"
  | "trailing-space"
  | "inner-space"
  | "trailing-nbsp"
  | "trailing-dot"
  | "trailing-slash"
  | "composed"
  | "decomposed"
  | "percent-encoded";

export const NEAR_DUPLICATE_VARIANTS: readonly NearDuplicateVariant[] = [
  "same",
  "capitalised",
  "upper",
  "leading-space",
  "trailing-space",
  "inner-space",
  "trailing-nbsp",
  "trailing-dot",
  "trailing-slash",
  "composed",
  "decomposed",
  "percent-encoded",
];

const ACUTE = "\u0301";

/** The first "e" of the base with an acute accent, composed (é, NFC) or decomposed (NFD). */
function accented(base: string, form: "NFC" | "NFD"): string {
  const at = base.indexOf("e");
  const marked = at < 0 ? `${base}e${ACUTE}` : `${base.slice(0, at)}e${ACUTE}${base.slice(at + 1)}`;
  return marked.normalize(form);
}

/** The first character a URL must encode, or else the first letter, written as %XX. */
function percentEncoded(base: string): string {
  const reserved = [...base].findIndex((character) => encodeURIComponent(character) !== character);
  const at = reserved >= 0 ? reserved : 0;
  const characters = [...base];
  const character = characters[at] ?? "";
  const hex = [...Buffer.from(character, "utf8")].map(
    (byte) => `%${byte.toString(16).toUpperCase()}`,
  );
  characters[at] = hex.join("");
  return characters.join("");
}

/** One member of the family of `base` (a lower-case word, perhaps with a "/" inside). */
export function nearDuplicate(base: string, variant: NearDuplicateVariant): string {
  const middle = Math.max(1, Math.floor(base.length / 2));
  switch (variant) {
    case "same":
      return base;
    case "capitalised":
      return `${base.slice(0, 1).toUpperCase()}${base.slice(1)}`;
    case "upper":
      return base.toUpperCase();
    case "leading-space":
      return ` ${base}`;
    case "trailing-space":
      return `${base} `;
    case "inner-space":
      return `${base.slice(0, middle)} ${base.slice(middle)}`;
    case "trailing-nbsp":
      return `${base}\u00a0`;
    case "trailing-dot":
      return `${base}.`;
    case "trailing-slash":
      return `${base}/`;
    case "composed":
      return accented(base, "NFC");
    case "decomposed":
      return accented(base, "NFD");
    case "percent-encoded":
      return percentEncoded(base);
  }
}

/** Every member of a family, each a different string. */
export function nearDuplicateFamily(base: string): string[] {
  return [...new Set(NEAR_DUPLICATE_VARIANTS.map((variant) => nearDuplicate(base, variant)))];
}

/** Bases: short lower-case words, some with a "/" inside (which travels as %2F in a path). */
export const nearDuplicateBase: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
      minLength: 2,
      maxLength: 5,
    }),
    fc.option(
      fc.string({
        unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
        minLength: 1,
        maxLength: 3,
      }),
      { nil: undefined },
    ),
  )
  .map(([head, tail]) => (tail === undefined ? head : `${head}/${tail}`));

/** A family of near-duplicates of a generated base: two or more members of it. */
export function nearDuplicateFamilyArbitrary(): fc.Arbitrary<readonly string[]> {
  return nearDuplicateBase.chain((base) =>
    fc.subarray(nearDuplicateFamily(base), { minLength: 2 }),
  );
}

/** Some members of the family of `base`, in the order of the variants named. */
export function nearDuplicatesOf(
  base: string,
  variants: readonly NearDuplicateVariant[],
): string[] {
  return [...new Set(variants.map((variant) => nearDuplicate(base, variant)))];
}

/**
 * The fixed families sequences draw from, small so two members meet often: "key" with
 * a near-duplicate of each kind but encoding, and "a/b" with its percent-encoded twin
 * "a%2Fb" and another case. Fixed, so a saved script names its strings.
 */
export const KEY_FAMILIES: readonly (readonly string[])[] = [
  nearDuplicatesOf("key", [
    "same",
    "capitalised",
    "leading-space",
    "trailing-space",
    "inner-space",
    "trailing-dot",
    "trailing-slash",
    "composed",
    "decomposed",
  ]),
  nearDuplicatesOf("a/b", ["same", "percent-encoded", "capitalised"]),
];

/** A member of one of the fixed families. */
export function nearDuplicateArbitrary(
  families: readonly (readonly string[])[] = KEY_FAMILIES,
): fc.Arbitrary<string> {
  return fc.constantFrom(...families.flat());
}
