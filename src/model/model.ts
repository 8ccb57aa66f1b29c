// The pure reference model of one Service as the documents describe it: maps with
// optional unique names, ttl-derived expiry, items ordered by key, permissions, and
// cascade on delete. No I/O and no server values: maps are known by logical refs
// (the order they were created in a sequence), never by SID, so a shrunk sequence
// reads and replays cleanly against any target.

export type Flags = { readonly read: boolean; readonly write: boolean; readonly manage: boolean };

/** When a write happened, as an index into the sequence's request log (the real side maps it to time). */
export type WriteRef = number;

export interface ModelItem {
  readonly key: string;
  data: unknown;
  /** undefined = no expiry; otherwise the write that set the ttl and the ttl. */
  expiry: { readonly write: WriteRef; readonly ttl: number } | undefined;
  /** Counts writes since creation; revisions must differ across them (their values are opaque). */
  writes: number;
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
}

export class SyncModel {
  readonly maps: ModelMap[] = [];

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

  /** A ttl sent with a write re-bases expiry on that write; 0 clears it (facts §3). */
  static setExpiry(target: { expiry: ModelMap["expiry"] }, ttl: number | undefined, write: WriteRef): void {
    if (ttl === undefined) return;
    target.expiry = ttl === 0 ? undefined : { write, ttl };
  }

  /** Deleting a map deletes its items and permissions with it (seed; facts §3). */
  deleteMap(map: ModelMap): void {
    map.deleted = true;
    map.items.clear();
    map.permissions.clear();
  }

  /** Keys in the documented order: code-point order, ascending unless desc (facts C10). */
  static orderedKeys(map: ModelMap, order: "asc" | "desc", from: string | undefined, bounds: "inclusive" | "exclusive"): string[] {
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
