// The shape every command shares: fast-check's AsyncCommand, a readable toString for
// the shrunk script, and toJSON so a counterexample can be saved and replayed.
import type fc from "fast-check";
import type { SyncModel } from "../model.ts";
import type { CommandJson, RealSystem } from "../real.ts";

export abstract class SyncCommand implements fc.AsyncCommand<SyncModel, RealSystem> {
  abstract readonly op: string;
  abstract readonly args: Readonly<Record<string, unknown>>;
  abstract check(model: Readonly<SyncModel>): boolean;
  abstract run(model: SyncModel, real: RealSystem): Promise<void>;
  /** The script line people read, e.g. CreateMap(name=n0, ttl=600). */
  abstract describe(): string;

  toString(): string {
    return this.describe();
  }

  toJSON(): CommandJson {
    return { op: this.op, args: this.args };
  }
}

/** How a command addresses a map: by its unique name when asked and it has one, else by SID. */
export function addressOf(real: RealSystem, map: { ref: number; uniqueName: string | null }, byName: boolean): string {
  return byName && map.uniqueName !== null ? map.uniqueName : real.sidOf(map.ref);
}

export function mapLabel(map: { ref: number; uniqueName: string | null }, byName: boolean, namespace: string): string {
  return byName && map.uniqueName !== null ? `"${map.uniqueName.slice(namespace.length)}"` : `map#${map.ref}`;
}
