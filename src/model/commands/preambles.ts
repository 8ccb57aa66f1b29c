// The fixed commands sequences start with: part of every script and counterexample,
// so each must stay short and say why it is there.
import type { SyncCommand } from "./command.ts";
import { CreateItem } from "./items/createItem.ts";
import { CreateMap } from "./maps/createMap.ts";
import { UpdateMap } from "./maps/updateMap.ts";
import { PutPermission } from "./permissions/putPermission.ts";

/** Every item and permission sequence starts with a map named n0: their commands need one. */
export function mapPreamble(): SyncCommand[] {
  return [new CreateMap({ name: 0, ttl: undefined, alias: "CollectionTtl" })];
}

/**
 * Item sequences start from map n0 holding "b" and "d": a cursor can open at once, and
 * a new key can land before, between or after them. Three lines of every script.
 */
export function itemPreamble(): SyncCommand[] {
  const item = {
    choice: 0,
    byName: false,
    ttl: undefined,
    alias: "ItemTtl",
    collectionTtl: undefined,
  } as const;
  return [
    ...mapPreamble(),
    new CreateItem({ ...item, key: "b", data: 0 }),
    new CreateItem({ ...item, key: "d", data: 1 }),
  ];
}

/** Permission sequences start from map n0 where "alice" may read: two lines of every script. */
export function permissionPreamble(): SyncCommand[] {
  const alice = {
    choice: 0,
    byName: false,
    identity: "alice",
    read: true,
    write: false,
    manage: false,
  };
  return [...mapPreamble(), new PutPermission(alice)];
}

/**
 * Expiry across several updates over time: every sequence starts from a map with a ttl
 * that was updated once, so any later pause and update is a second update seconds apart.
 */
export const MAP_EXPIRY_PREAMBLE: readonly SyncCommand[] = [
  new CreateMap({ name: null, ttl: 3_600, alias: "CollectionTtl" }),
  new UpdateMap({ choice: 0, byName: false, ttl: 3_600, alias: "CollectionTtl" }),
];
