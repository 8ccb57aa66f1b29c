// Ttls as commands carry them: a valid number of seconds (0 and the one-year maximum
// included), an invalid raw value, or nothing. Valid ttls stay at a minute or more so
// nothing expires mid-sequence (expiry is approximate, facts §3).
import fc from "fast-check";

export type TtlChoice = number | string | undefined;

export const TTL_MAX = 31_536_000;
const INVALID_TTLS = ["-1", String(TTL_MAX + 1), "1.5", "soon"] as const;

export function ttlChoiceArbitrary(): fc.Arbitrary<TtlChoice> {
  // Clients reuse a few settings: common values repeat, so histories that come back to
  // an earlier state (and any revision or expiry derived from it) happen often.
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.constantFrom(60, 3_600) },
    { weight: 1, arbitrary: fc.integer({ min: 60, max: 86_400 }) },
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
