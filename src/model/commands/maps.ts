// What map sequences are made of: the map commands' arbitraries and weights.
import fc from "fast-check";
import { DISTINGUISHABLE_DELAY_MS } from "../../spec/documented.ts";
import { mapAlias, pick } from "./arbitraries.ts";
import type { SyncCommand } from "./command.ts";
import { CreateMap } from "./maps/createMap.ts";
import { DeleteMap } from "./maps/deleteMap.ts";
import { FetchMap } from "./maps/fetchMap.ts";
import { Pause } from "./pause.ts";
import { UpdateMap } from "./maps/updateMap.ts";
import { WalkMaps } from "./maps/walkMaps.ts";
import { ttlChoiceArbitrary } from "./ttl.ts";

export { MAP_EXPIRY_PREAMBLE } from "./preambles.ts";

/** Three names: enough for duplicates and for reuse after a delete to happen often. */
export const NAME_POOL_SIZE = 3;
/** Long enough that two writes' whole-second dates surely differ. */
export const PAUSE_MS = DISTINGUISHABLE_DELAY_MS;

export function mapCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const name = fc.option(fc.integer({ min: 0, max: NAME_POOL_SIZE - 1 }), { nil: null, freq: 4 });
  const create = fc
    .record({ name, ttl: ttlChoiceArbitrary(), alias: mapAlias })
    .map((args) => new CreateMap(args));
  const address = { choice: pick, byName: fc.boolean() };
  const ttl = ttlChoiceArbitrary().filter((choice) => choice !== undefined);
  // Listed twice: every other command needs a map, so creates come early and often.
  return [
    create,
    create,
    fc.record(address).map((args) => new FetchMap(args)),
    fc.record({ ...address, ttl, alias: mapAlias }).map((args) => new UpdateMap(args)),
    fc.record(address).map((args) => new DeleteMap(args)),
    fc.record({ pageSize: fc.integer({ min: 1, max: 5 }) }).map((args) => new WalkMaps(args)),
  ];
}

/** Updates of map 0 and pauses between them: expiry must move with each update. */
export function mapExpiryCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const ttl = fc.constantFrom(600, 3_600);
  const address = { choice: fc.constant(0), byName: fc.constant(false) };
  const update = fc.record({ ...address, ttl, alias: mapAlias }).map((args) => new UpdateMap(args));
  return [update, update, fc.constant(new Pause({ ms: PAUSE_MS }))];
}
