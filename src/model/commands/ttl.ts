// Ttls as commands carry them: a valid number of seconds (0 and the one-year maximum
// included), an invalid raw value, or nothing; and the form fields that send them.
// Valid ttls stay longer than a behaviour may run, so nothing expires mid-sequence (expiry
// is approximate: docs/behaviour-reference.md#ttl-and-expiry).
import fc from "fast-check";
import { TTL_MAX, TTL_MIN } from "../../spec/documented.ts";

export type TtlChoice = number | string | undefined;

/**
 * The shortest ttl a sequence sends, in seconds: over a behaviour's 120 s limit
 * (runBehaviour), so however slowly a throttled target lets a sequence go, none of its
 * objects expires before the sequence ends. (A minute was not: behind a limit of 100
 * requests a second a SEQ-MAPS sequence outlived its map's 60 s ttl and saw it gone.)
 */
export const SHORTEST_SEQUENCE_TTL = 600;

const INVALID_TTLS = [String(TTL_MIN - 1), String(TTL_MAX + 1), "1.5", "soon"] as const;

export function ttlChoiceArbitrary(): fc.Arbitrary<TtlChoice> {
  // Clients reuse a few settings: common values repeat, so histories that come back to
  // an earlier state (and any revision or expiry derived from it) happen often.
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(TTL_MIN) },
    { weight: 3, arbitrary: fc.constantFrom(SHORTEST_SEQUENCE_TTL, 3_600) },
    { weight: 1, arbitrary: fc.integer({ min: SHORTEST_SEQUENCE_TTL, max: 86_400 }) },
    { weight: 1, arbitrary: fc.constant(TTL_MAX) },
    { weight: 1, arbitrary: fc.constantFrom(...INVALID_TTLS) },
  );
}

export function isValidTtl(ttl: TtlChoice): ttl is number | undefined {
  return ttl === undefined || typeof ttl === "number";
}

export function describeTtl(ttl: TtlChoice): string {
  return ttl === undefined ? "" : `, ttl=${JSON.stringify(ttl)}`;
}

/** Which map field carries a map's ttl: both sends CollectionTtl and a decoy Ttl it must beat. */
export type TtlAlias = "CollectionTtl" | "Ttl" | "both";
/** Which item field carries an item's ttl: both sends ItemTtl and a decoy Ttl it must beat. */
export type ItemTtlAlias = "ItemTtl" | "Ttl" | "both";

/** Ttl form fields: with both, the long name carries the ttl and the short one a decoy. */
export function ttlForm(
  ttl: TtlChoice,
  alias: TtlAlias,
  long = "CollectionTtl",
  short = "Ttl",
): Record<string, string> {
  if (ttl === undefined) return {};
  if (alias === "both") return { [long]: String(ttl), [short]: "4242" };
  return { [alias === "Ttl" ? short : long]: String(ttl) };
}

/** Item ttl fields (docs/behaviour-reference.md#ttl-and-expiry): ItemTtl wins over Ttl. */
export function itemTtlForm(ttl: TtlChoice, alias: ItemTtlAlias): Record<string, string> {
  return ttlForm(ttl, alias === "ItemTtl" ? "CollectionTtl" : alias, "ItemTtl", "Ttl");
}

/** CollectionTtl on an item write: the parent map's ttl. */
export function collectionTtlForm(ttl: TtlChoice): Record<string, string> {
  return ttl === undefined ? {} : { CollectionTtl: String(ttl) };
}
