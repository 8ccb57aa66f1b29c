// The pure reference model of one Service as the documents describe it: maps with
// optional unique names, ttl-derived expiry, items ordered by key, permissions, and
// cascade on delete. No I/O and no server values: maps are known by logical refs
// (the order they were created in a sequence), never by SID, so a shrunk sequence
// reads and replays cleanly against any target.

export type Flags = { readonly read: boolean; readonly write: boolean; readonly manage: boolean };

/** When a write happened: an index into the sequence's request log (real.ts maps it to time). */
export type WriteRef = number;

export interface ModelItem {
  readonly key: string;
  data: unknown;
  /** undefined = no expiry; otherwise the write that set the ttl and the ttl. */
  expiry: { readonly write: WriteRef; readonly ttl: number } | undefined;
  /** Counts writes since creation; revisions must differ across them (their values are opaque). */
  writes: number;
}

/**
 * A page of items that was read and not yet followed: the keys after `after` (in
 * `order`) that exist when the next page is asked for, at most `pageSize` of them.
 * Tokens "carry the last key" (docs/behaviour-reference.md#paging), so records deleted
 * or added in between neither shift nor repeat what comes next.
 */
export interface ModelCursor {
  readonly order: "asc" | "desc";
  readonly pageSize: number;
  /** The last key the page before showed. */
  readonly after: string;
}

export interface ModelMap {
  /** Logical ref: 0 for the first map the sequence created, 1 for the second… */
  readonly ref: number;
  readonly uniqueName: string | null;
  expiry: { readonly write: WriteRef; readonly ttl: number } | undefined;
  writes: number;
  deleted: boolean;
  readonly items: Map<string, ModelItem>;
  readonly permissions: Map<string, Flags>;
  /** The open item-list cursor of this map, if a page was read with more to come. */
  cursor?: ModelCursor | undefined;
}

export class SyncModel {
  readonly maps: ModelMap[] = [];
  /** Calls since time last passed: a pause only matters between calls. */
  callsSincePause = 0;
  /** Pauses so far: each costs seconds, so a sequence has few. */
  pauses = 0;

  /** Maps that exist now, in creation order. */
  live(): ModelMap[] {
    return this.maps.filter((map) => !map.deleted);
  }

  /** The live map a logical choice lands on, or undefined when there is none. */
  pick(choice: number): ModelMap | undefined {
    const live = this.live();
    return live.length === 0 ? undefined : live[choice % live.length];
  }

  /** Any map ever created (also deleted ones), for commands that address the dead. */
  pickAny(choice: number): ModelMap | undefined {
    return this.maps.length === 0 ? undefined : this.maps[choice % this.maps.length];
  }

  byName(uniqueName: string): ModelMap | undefined {
    return this.live().find((map) => map.uniqueName === uniqueName);
  }

  createMap(uniqueName: string | null, ttl: number | undefined, write: WriteRef): ModelMap {
    const map: ModelMap = {
      ref: this.maps.length,
      uniqueName,
      expiry: ttl === undefined || ttl === 0 ? undefined : { write, ttl },
      writes: 0,
      deleted: false,
      items: new Map(),
      permissions: new Map(),
    };
    this.maps.push(map);
    return map;
  }

  /**
   * A ttl sent with a write re-bases expiry on that write; 0 clears it
   * (docs/behaviour-reference.md#ttl-and-expiry).
   */
  static setExpiry(
    target: { expiry: ModelMap["expiry"] },
    ttl: number | undefined,
    write: WriteRef,
  ): void {
    if (ttl === undefined) return;
    target.expiry = ttl === 0 ? undefined : { write, ttl };
  }

  /**
   * Which live map an address reaches now: a unique name follows whoever holds it
   * today, a sid only the map it was given to (docs/behaviour-reference.md#addressing).
   */
  reach(target: ModelMap, byName: boolean): ModelMap | undefined {
    if (byName && target.uniqueName !== null) return this.byName(target.uniqueName);
    return target.deleted ? undefined : target;
  }

  /**
   * Deleting a map deletes its items and permissions with it
   * (docs/behaviour-reference.md#cascade-on-delete).
   */
  deleteMap(map: ModelMap): void {
    map.deleted = true;
    map.items.clear();
    map.permissions.clear();
    map.cursor = undefined;
  }

  /** A new item: its ttl (0 or none = no expiry) counts from the creating write. */
  static createItem(
    map: ModelMap,
    key: string,
    data: unknown,
    ttl: number | undefined,
    write: WriteRef,
  ): ModelItem {
    const item: ModelItem = {
      key,
      data,
      expiry: ttl === undefined || ttl === 0 ? undefined : { write, ttl },
      writes: 0,
    };
    map.items.set(key, item);
    return item;
  }

  /** An item update: new data when sent, a ttl sent re-bases expiry; either way a new revision. */
  static updateItem(
    item: ModelItem,
    data: unknown,
    ttl: number | undefined,
    write: WriteRef,
  ): void {
    if (data !== undefined) item.data = data;
    SyncModel.setExpiry(item, ttl, write);
    item.writes += 1;
  }

  /** The keys a cursor's next page holds: those after it that exist now, at most a page of them. */
  static nextPageKeys(
    map: ModelMap,
    cursor: ModelCursor,
  ): { readonly keys: string[]; readonly more: boolean } {
    const after = SyncModel.orderedKeys(map, cursor.order, cursor.after, "exclusive");
    return { keys: after.slice(0, cursor.pageSize), more: after.length > cursor.pageSize };
  }

  /** Identities with a permission record on the map, in code-point order, with their flags. */
  static permissionsOf(map: ModelMap): Array<{ readonly identity: string; readonly flags: Flags }> {
    return [...map.permissions.entries()]
      .sort(([a], [b]) => compareCodePoints(a, b))
      .map(([identity, flags]) => ({ identity, flags }));
  }

  /** Keys in code-point order, ascending unless desc (docs/behaviour-reference.md#item-order). */
  static orderedKeys(
    map: ModelMap,
    order: "asc" | "desc",
    from: string | undefined,
    bounds: "inclusive" | "exclusive",
  ): string[] {
    const keys = [...map.items.keys()].sort(compareCodePoints);
    if (order === "desc") keys.reverse();
    if (from === undefined) return keys;
    return keys.filter((key) => {
      const comparison = compareCodePoints(key, from);
      if (comparison === 0) return bounds === "inclusive";
      return order === "asc" ? comparison > 0 : comparison < 0;
    });
  }
}

export function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
