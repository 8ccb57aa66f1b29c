// Generated inputs are reproducible: the run's --seed and the behaviour's id pick them.
import fc from "fast-check";

export function sampleSeeded<T>(
  arbitrary: fc.Arbitrary<T>,
  seed: number,
  label: string,
  count: number,
): T[] {
  return fc.sample(arbitrary, { seed: mixSeed(seed, label), numRuns: count });
}

/** A 31-bit seed from the run seed and a label (FNV-1a over the label). */
export function mixSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const character of label) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & 0x7fffffff;
}
