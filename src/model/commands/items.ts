// What item sequences are made of: the item commands' arbitraries and weights, over
// the shared argument arbitraries, and the preambles they start from.
import fc from "fast-check";
import { jsonDataArbitrary } from "../../arbitraries/jsonData.ts";
import {
  collectionTtl,
  ifMatch,
  itemAlias,
  keyChoice,
  mapLifecycleArbitraries,
  order,
  pick,
  pooledData,
  poolKey,
  weighted,
} from "./arbitraries.ts";
import type { SyncCommand } from "./command.ts";
import { CreateItem } from "./items/createItem.ts";
import { DATA_POOL, type DataChoice } from "./items/data.ts";
import { DeleteItem } from "./items/deleteItem.ts";
import { FetchItem } from "./items/fetchItem.ts";
import type { IfMatchChoice } from "./items/ifMatch.ts";
import { VALUE_KEY_POOL, type KeyChoice } from "./items/keys.ts";
import { ListItems } from "./items/listItems.ts";
import { NextItemPage } from "./items/nextItemPage.ts";
import { OpenItemPage } from "./items/openItemPage.ts";
import { UpdateItem } from "./items/updateItem.ts";
import { ttlChoiceArbitrary } from "./ttl.ts";

export { itemPreamble, mapPreamble } from "./preambles.ts";

const stale = fc.nat({ max: 7 });
const bounds = fc.constantFrom<"inclusive" | "exclusive">("inclusive", "exclusive");

export function itemCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const address = { choice: pick, byName: fc.boolean() };
  const ttl = ttlChoiceArbitrary();
  const create = fc
    .record({ ...address, key: poolKey, data: pooledData, ttl, alias: itemAlias, collectionTtl })
    .map((args) => new CreateItem(args));
  const data = fc.option(pooledData, { nil: null, freq: 3 });
  const update = fc
    .record({
      ...address,
      key: keyChoice,
      data,
      ttl,
      alias: itemAlias,
      collectionTtl,
      ifMatch,
      stale,
    })
    // An update with nothing at all in it is not documented either way (see CODE.noParameters).
    .filter(
      (args) => args.data !== null || args.ttl !== undefined || args.collectionTtl !== undefined,
    )
    .map((args) => new UpdateItem(args));
  const list = fc
    .record({
      ...address,
      order,
      from: fc.option(poolKey, { nil: null }),
      bounds,
      pageSize: fc.integer({ min: 1, max: 4 }),
    })
    // From only ascending: where From starts a descending list is inferred, a SHOULD
    // (ITEM-LIST-FROM-DESC).
    .map((args) => new ListItems(args.order === "asc" ? args : { ...args, from: null }));
  const open = fc
    .record({ ...address, order, pageSize: fc.integer({ min: 1, max: 2 }) })
    .map((args) => new OpenItemPage(args));
  // Writes make the histories; NextItemPage only runs while a cursor is open.
  return weighted([
    ...mapLifecycleArbitraries({ reuseName: true }),
    [6, create],
    [2, fc.record({ ...address, key: keyChoice }).map((args) => new FetchItem(args))],
    [4, update],
    [
      3,
      fc.record({ ...address, key: keyChoice, ifMatch, stale }).map((args) => new DeleteItem(args)),
    ],
    [2, list],
    [3, open],
    [4, fc.record({ cursor: fc.nat({ max: 3 }) }).map((args) => new NextItemPage(args))],
  ]);
}

/**
 * The values themselves: reserved-character keys, generated JSON objects up to 2 KiB
 * (spec arbitraries: unicode text, numbers every parser keeps) and now and then data
 * over the limit, which must be refused and change nothing.
 */
export function itemValueCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const valueKey = fc.constantFrom(...VALUE_KEY_POOL);
  const valueKeyChoice: fc.Arbitrary<KeyChoice> = fc.oneof(
    { weight: 2, arbitrary: fc.nat({ max: 3 }) },
    { weight: 1, arbitrary: valueKey },
  );
  const generated: fc.Arbitrary<Exclude<DataChoice, "oversize">> = fc.oneof(
    { weight: 3, arbitrary: jsonDataArbitrary({ maxBytes: 2048 }) },
    { weight: 1, arbitrary: fc.nat({ max: DATA_POOL.length - 1 }) },
  );
  const createData: fc.Arbitrary<DataChoice> = fc.oneof(
    { weight: 6, arbitrary: generated },
    { weight: 1, arbitrary: fc.constant<DataChoice>("oversize") },
  );
  const none = fc.constant(undefined);
  const address = { choice: fc.constant(0), byName: fc.boolean() };
  const create = fc
    .record({
      ...address,
      key: valueKey,
      data: createData,
      ttl: none,
      alias: itemAlias,
      collectionTtl: none,
    })
    .map((args) => new CreateItem(args));
  const update = fc
    .record({
      ...address,
      key: valueKeyChoice,
      data: generated,
      ttl: none,
      alias: itemAlias,
      collectionTtl: none,
      ifMatch,
      stale,
    })
    .map((args) => new UpdateItem(args));
  const remove = fc
    .record({
      ...address,
      key: valueKeyChoice,
      ifMatch: fc.constant<IfMatchChoice>("none"),
      stale: fc.constant(0),
    })
    .map((args) => new DeleteItem(args));
  const inclusive = fc.constant<"inclusive" | "exclusive">("inclusive");
  const list = fc
    .record({
      ...address,
      order,
      from: fc.constant(null),
      bounds: inclusive,
      pageSize: fc.integer({ min: 1, max: 4 }),
    })
    .map((args) => new ListItems(args));
  return weighted([
    [4, create],
    [3, update],
    [3, fc.record({ ...address, key: valueKeyChoice }).map((args) => new FetchItem(args))],
    [2, remove],
    [2, list],
  ]);
}
