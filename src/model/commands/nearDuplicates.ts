// What near-duplicate sequences are made of: maps named, items keyed and permissions
// granted from small families of strings that differ only in case, whitespace, Unicode
// normalisation, percent-encoding or a trailing dot or slash, so two members of a
// family meet in one history. The model holds them as the distinct strings they are.
import fc from "fast-check";
import { jsonDataArbitrary } from "../../arbitraries/jsonData.ts";
import {
  KEY_FAMILIES,
  nearDuplicate,
  nearDuplicateArbitrary,
  nearDuplicatesOf,
} from "../../arbitraries/nearDuplicates.ts";
import { pick, pooledData, weighted } from "./arbitraries.ts";
import type { SyncCommand } from "./command.ts";
import { CreateItem } from "./items/createItem.ts";
import { DeleteItem } from "./items/deleteItem.ts";
import { FetchItem } from "./items/fetchItem.ts";
import type { IfMatchChoice } from "./items/ifMatch.ts";
import { ListItems } from "./items/listItems.ts";
import { UpdateItem } from "./items/updateItem.ts";
import { CreateMap } from "./maps/createMap.ts";
import { DeleteMap } from "./maps/deleteMap.ts";
import { FetchMap } from "./maps/fetchMap.ts";
import { DeletePermission } from "./permissions/deletePermission.ts";
import { FetchPermission } from "./permissions/fetchPermission.ts";
import { ListPermissions } from "./permissions/listPermissions.ts";
import { PutPermission } from "./permissions/putPermission.ts";

/** Unique names after the namespace: "name", "Name", "name ", " name", "namé"… */
export const NAME_FAMILY = nearDuplicatesOf("name", [
  "same",
  "capitalised",
  "upper",
  "leading-space",
  "trailing-space",
  "trailing-slash",
  "composed",
  "decomposed",
]);
/** Identities: "alice", "Alice", " alice", "alice ", "alicé", "%61lice"… */
export const IDENTITY_FAMILY = nearDuplicatesOf("alice", [
  "same",
  "capitalised",
  "leading-space",
  "trailing-space",
  "trailing-nbsp",
  "trailing-dot",
  "composed",
  "decomposed",
  "percent-encoded",
]);

/**
 * Every sequence starts from a map named "name" (after the namespace) holding items
 * "key" and "kéy" (composed) and a permission for "alice": whatever member of a family
 * comes next meets one already there. Four lines of every script.
 */
export function nearDuplicatePreamble(): SyncCommand[] {
  const item = {
    choice: 0,
    byName: false,
    ttl: undefined,
    alias: "ItemTtl",
    collectionTtl: undefined,
  } as const;
  const [key, composed] = [nearDuplicate("key", "same"), nearDuplicate("key", "composed")];
  return [
    new CreateMap({ name: "name", ttl: undefined, alias: "CollectionTtl" }),
    new CreateItem({ ...item, key, data: 0 }),
    new CreateItem({ ...item, key: composed, data: 1 }),
    new PutPermission({
      choice: 0,
      byName: false,
      identity: "alice",
      read: true,
      write: false,
      manage: false,
    }),
  ];
}

export function nearDuplicateCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const address = { choice: pick, byName: fc.boolean() };
  const key = nearDuplicateArbitrary(KEY_FAMILIES);
  const identity = nearDuplicateArbitrary([IDENTITY_FAMILY]);
  const data = fc.oneof(
    { weight: 2, arbitrary: pooledData },
    { weight: 1, arbitrary: jsonDataArbitrary({ maxBytes: 1024 }) },
  );
  const none = fc.constant(undefined);
  const plain = { ifMatch: fc.constant<IfMatchChoice>("none"), stale: fc.constant(0) };
  const flags = { read: fc.boolean(), write: fc.boolean(), manage: fc.boolean() };
  const name = fc.constantFrom(...NAME_FAMILY);
  const alias = fc.constant("ItemTtl" as const);
  return weighted([
    [
      3,
      fc
        .record({ name, ttl: none, alias: fc.constant("CollectionTtl" as const) })
        .map((args) => new CreateMap(args)),
    ],
    [2, fc.record(address).map((args) => new FetchMap(args))],
    [1, fc.record(address).map((args) => new DeleteMap(args))],
    [
      4,
      fc
        .record({ ...address, key, data, ttl: none, alias, collectionTtl: none })
        .map((args) => new CreateItem(args)),
    ],
    [3, fc.record({ ...address, key }).map((args) => new FetchItem(args))],
    [
      2,
      fc
        .record({ ...address, key, data, ttl: none, alias, collectionTtl: none, ...plain })
        .map((args) => new UpdateItem(args)),
    ],
    [2, fc.record({ ...address, key, ...plain }).map((args) => new DeleteItem(args))],
    [
      2,
      fc
        .record({
          ...address,
          order: fc.constantFrom<"asc" | "desc">("asc", "desc"),
          from: fc.constant(null),
          bounds: fc.constant("inclusive" as const),
          pageSize: fc.integer({ min: 1, max: 4 }),
        })
        .map((args) => new ListItems(args)),
    ],
    [3, fc.record({ ...address, identity, ...flags }).map((args) => new PutPermission(args))],
    [2, fc.record({ ...address, identity }).map((args) => new FetchPermission(args))],
    [1, fc.record({ ...address, identity }).map((args) => new DeletePermission(args))],
    [
      1,
      fc
        .record({ ...address, pageSize: fc.integer({ min: 1, max: 4 }) })
        .map((args) => new ListPermissions(args)),
    ],
  ]);
}
