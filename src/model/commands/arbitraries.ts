// Arbitraries of command arguments that several sequences share. Pools stay tiny so
// collisions, reuse after a delete and coming back to an earlier state happen often.
import fc from "fast-check";
import type { SyncCommand } from "./command.ts";
import { DATA_POOL } from "./items/data.ts";
import type { IfMatchChoice } from "./items/ifMatch.ts";
import { KEY_POOL, type KeyChoice } from "./items/keys.ts";
import { CreateMap } from "./maps/createMap.ts";
import { DeleteMap } from "./maps/deleteMap.ts";
import { FetchMap } from "./maps/fetchMap.ts";
import { ttlChoiceArbitrary, type ItemTtlAlias, type TtlAlias, type TtlChoice } from "./ttl.ts";

/** A logical map choice: the first few pick live maps, the rest any map ever created. */
export const pick = fc.nat({ max: 7 });
export const mapAlias = fc.constantFrom<TtlAlias>("CollectionTtl", "Ttl", "both");
export const itemAlias = fc.constantFrom<ItemTtlAlias>("ItemTtl", "Ttl", "both");
export const poolKey = fc.constantFrom(...KEY_POOL);
/** Mostly a key the map holds (reads and writes land), else any pool key (404s, and creates). */
export const keyChoice: fc.Arbitrary<KeyChoice> = fc.oneof(
  { weight: 2, arbitrary: fc.nat({ max: 3 }) },
  { weight: 1, arbitrary: poolKey },
);
/**
 * Mostly the first three values of the pool, sometimes any: data written earlier comes back
 * often (and any revision or ETag derived from it), the edge values still show up.
 */
export const pooledData = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 2 }) },
  { weight: 1, arbitrary: fc.nat({ max: DATA_POOL.length - 1 }) },
);
export const order = fc.constantFrom<"asc" | "desc">("asc", "desc");
/** CollectionTtl on item writes: now and then, so the map's expiry moves under item writes. */
export const collectionTtl: fc.Arbitrary<TtlChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: ttlChoiceArbitrary() },
);
/** Mostly none, so writes land; current and stale often enough to matter. */
export const ifMatch = fc.oneof(
  { weight: 3, arbitrary: fc.constant<IfMatchChoice>("none") },
  { weight: 2, arbitrary: fc.constant<IfMatchChoice>("current") },
  { weight: 2, arbitrary: fc.constant<IfMatchChoice>("stale") },
);

/** Each arbitrary as many times as its weight: fast-check picks among the list evenly. */
export function weighted(
  entries: ReadonlyArray<readonly [number, fc.Arbitrary<SyncCommand>]>,
): Array<fc.Arbitrary<SyncCommand>> {
  return entries.flatMap(([weight, arbitrary]) => Array.from({ length: weight }, () => arbitrary));
}

/**
 * The map commands item and permission sequences need: create, fetch (holds what
 * CollectionTtl did to the map), delete. Sequences start from map n0 (the preamble);
 * with reuseName, new maps take the name n0 or none, so a deleted map's name is often
 * taken again (map sequences cover more names). Creates and deletes stay rare, or most
 * of a history would address dead maps; with reuseName they come twice as often, so that
 * most default runs reach a name taken again after a cascade delete (measured with
 * bench/sequences.ts: 19 of 20 seeds at weight 1).
 */
export function mapLifecycleArbitraries(options: {
  readonly reuseName: boolean;
}): Array<readonly [number, fc.Arbitrary<SyncCommand>]> {
  const name = options.reuseName
    ? fc.option(fc.constant(0), { nil: null, freq: 4 })
    : fc.constant(null);
  const address = { choice: pick, byName: fc.boolean() };
  const lifecycle = options.reuseName ? 2 : 1;
  return [
    [
      lifecycle,
      fc
        .record({ name, ttl: ttlChoiceArbitrary(), alias: mapAlias })
        .map((args) => new CreateMap(args)),
    ],
    [1, fc.record(address).map((args) => new FetchMap(args))],
    [lifecycle, fc.record(address).map((args) => new DeleteMap(args))],
  ];
}
