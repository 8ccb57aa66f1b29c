// What item expiry sequences are made of: after writes that set ttls, time passes (the
// preamble's pause), then item writes and reads, fetches and lists of the map and its
// permissions. A ttl is fixed when it is written: reads, data-only updates and
// permission calls must not move it, a new ttl restarts it from its update, CollectionTtl
// moves only the map's; date_updated moves with each change of data.
import fc from "fast-check";
import { DISTINGUISHABLE_DELAY_MS } from "../../spec/documented.ts";
import { itemAlias, mapAlias, order, pooledData, poolKey, weighted } from "./arbitraries.ts";
import type { SyncCommand } from "./command.ts";
import { CreateItem } from "./items/createItem.ts";
import { FetchItem } from "./items/fetchItem.ts";
import type { IfMatchChoice } from "./items/ifMatch.ts";
import { ListItems } from "./items/listItems.ts";
import { UpdateItem } from "./items/updateItem.ts";
import { CreateMap } from "./maps/createMap.ts";
import { FetchMap } from "./maps/fetchMap.ts";
import { UpdateMap } from "./maps/updateMap.ts";
import { Pause } from "./pause.ts";
import { FetchPermission } from "./permissions/fetchPermission.ts";
import { ListPermissions } from "./permissions/listPermissions.ts";
import { IDENTITY_POOL } from "./permissions/permissionAnswers.ts";
import { PutPermission } from "./permissions/putPermission.ts";

/** Ttls long enough that nothing expires within a sequence, apart enough to tell apart. */
const ttl = fc.constantFrom(600, 3_600);

/**
 * Every sequence starts from map n0 with a ttl holding item "b" with a ttl, and seconds
 * later: whatever comes next reads or writes them after time has passed, so each ttl
 * and date has something to stay fixed or move against. Three lines of every script.
 */
export function itemExpiryPreamble(): SyncCommand[] {
  return [
    new CreateMap({ name: 0, ttl: 3_600, alias: "CollectionTtl" }),
    new CreateItem({
      choice: 0,
      byName: false,
      key: "b",
      data: 0,
      ttl: 3_600,
      alias: "ItemTtl",
      collectionTtl: undefined,
    }),
    new Pause({ ms: DISTINGUISHABLE_DELAY_MS }),
  ];
}

export function itemExpiryCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const address = { choice: fc.constant(0), byName: fc.boolean() };
  const held = fc.nat({ max: 3 });
  const plain = { ifMatch: fc.constant<IfMatchChoice>("none"), stale: fc.constant(0) };
  const none = fc.constant(undefined);
  const update = (fields: {
    data: fc.Arbitrary<number | null>;
    ttl: fc.Arbitrary<number | undefined>;
    collectionTtl: fc.Arbitrary<number | undefined>;
  }) =>
    fc
      .record({ ...address, key: held, alias: itemAlias, ...plain, ...fields })
      .map((args) => new UpdateItem(args));
  const create = fc
    .record({
      ...address,
      key: poolKey,
      data: pooledData,
      ttl: fc.option(ttl, { nil: undefined }),
      alias: itemAlias,
      collectionTtl: fc.option(ttl, { nil: undefined, freq: 3 }),
    })
    .map((args) => new CreateItem(args));
  const identity = fc.constantFrom(...IDENTITY_POOL);
  const flags = { read: fc.boolean(), write: fc.boolean(), manage: fc.boolean() };
  return weighted([
    [3, fc.record({ ...address, key: held }).map((args) => new FetchItem(args))],
    // Data alone: the ttl stays where it was.
    [3, update({ data: pooledData, ttl: none, collectionTtl: none })],
    // A new ttl (0 clears it): expiry restarts from this update.
    [
      2,
      update({
        data: fc.option(pooledData, { nil: null }),
        ttl: fc.constantFrom(0, 600, 3_600),
        collectionTtl: none,
      }),
    ],
    // CollectionTtl with the data: the map's expiry moves, the item's stays.
    [1, update({ data: pooledData, ttl: none, collectionTtl: ttl })],
    [1, create],
    [
      3,
      fc
        .record({
          ...address,
          order,
          from: fc.constant(null),
          bounds: fc.constant("inclusive" as const),
          pageSize: fc.integer({ min: 1, max: 3 }),
        })
        .map((args) => new ListItems(args)),
    ],
    [2, fc.record(address).map((args) => new FetchMap(args))],
    [1, fc.record({ ...address, ttl, alias: mapAlias }).map((args) => new UpdateMap(args))],
    [1, fc.record({ ...address, identity, ...flags }).map((args) => new PutPermission(args))],
    [1, fc.record({ ...address, identity }).map((args) => new FetchPermission(args))],
    [
      1,
      fc
        .record({ ...address, pageSize: fc.integer({ min: 1, max: 3 }) })
        .map((args) => new ListPermissions(args)),
    ],
  ]);
}
