// Which key an item command addresses. Keys come from tiny ASCII pools (collation
// beyond code points is not specified: docs/behaviour-reference.md#c10-item-order),
// so collisions and reuse after a delete happen often.
import { SyncModel } from "../../model.ts";
import type { CommandJson } from "../../real.ts";
import { SyncCommand, targetOf, type MapArgs } from "../command.ts";

export const KEY_POOL = ["a", "b", "c", "d", "e"] as const;

/**
 * Keys with a space and the characters that mean something in a URL (ASCII, so their
 * order is documented): they travel percent-encoded in every item path.
 */
export const VALUE_KEY_POOL = ["a b", "a/b", "a?b#c", "100%", "a+b&c=d", "x"] as const;

/** A key from the pool as given, or (a number n) the n-th key the addressed map holds now. */
export type KeyChoice = string | number;

export type KeyedArgs = MapArgs & { readonly key: KeyChoice };

interface ResolvedKey {
  readonly key: string;
  readonly held: boolean;
}

/**
 * The key a command addresses. Held keys make reads and writes land on items that
 * exist (pool keys alone mostly miss); a map holding none falls back to the pool.
 * Deterministic in the model, so a replay addresses the same key.
 */
function resolveKey(model: Readonly<SyncModel>, args: KeyedArgs): ResolvedKey {
  if (typeof args.key === "string") return { key: args.key, held: false };
  const reached =
    model.maps.length === 0 ? undefined : model.reach(targetOf(model, args.choice), args.byName);
  const held =
    reached === undefined ? [] : SyncModel.orderedKeys(reached, "asc", undefined, "inclusive");
  const from = held.length > 0 ? held : KEY_POOL;
  return { key: from[args.key % from.length] as string, held: held.length > 0 };
}

/** Commands that address an existing key remember it at check time, so the script names it. */
export abstract class KeyedCommand<Args extends KeyedArgs> extends SyncCommand {
  abstract override readonly args: Args;
  private shown: ResolvedKey | undefined;

  protected keyIn(model: Readonly<SyncModel>): string {
    this.shown = resolveKey(model, this.args);
    return this.shown.key;
  }

  override frozenJSON(): CommandJson {
    if (typeof this.args.key === "string" || this.shown === undefined) return this.toJSON();
    return { op: this.op, args: { ...this.args, key: this.shown.key } };
  }

  protected describeKey(): string {
    const { key } = this.args;
    if (typeof key === "string") return `key=${JSON.stringify(key)}`;
    if (this.shown === undefined) return `key=held #${key}`;
    const from = this.shown.held ? `held #${key}` : `pool #${key}: the map holds none`;
    return `key=${JSON.stringify(this.shown.key)} (${from})`;
  }
}
