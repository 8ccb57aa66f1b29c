// The shape every command shares: fast-check's AsyncCommand, a readable toString for
// the shrunk script, and toJSON so a counterexample can be saved and replayed. Each
// command class names itself once, in its static `op`, which saved scripts carry.
import type fc from "fast-check";
import type { ModelMap, SyncModel } from "../model.ts";
import type { CommandJson, RealSystem } from "../real.ts";

export abstract class SyncCommand implements fc.AsyncCommand<SyncModel, RealSystem> {
  /** The command's name in scripts and saved counterexamples; every class sets its own. */
  static readonly op: string;
  abstract readonly args: Readonly<Record<string, unknown>>;
  abstract check(model: Readonly<SyncModel>): boolean;
  abstract run(model: SyncModel, real: RealSystem): Promise<void>;
  /** The script line people read, e.g. CreateMap(name=n0, ttl=600). */
  abstract describe(): string;

  get op(): string {
    return (this.constructor as typeof SyncCommand).op;
  }

  toString(): string {
    return this.describe();
  }

  toJSON(): CommandJson {
    return { op: this.op, args: this.args };
  }

  /**
   * The command as it ran, with choices that depend on the history (the n-th key a map
   * held) replaced by what they chose: so it stays the same command when the commands
   * before it are taken out of a script.
   */
  frozenJSON(): CommandJson {
    return this.toJSON();
  }
}

/** How a command addresses a map: by its unique name when asked and it has one, else by SID. */
export function addressOf(
  real: RealSystem,
  map: { ref: number; uniqueName: string | null },
  byName: boolean,
): string {
  return byName && map.uniqueName !== null ? map.uniqueName : real.sidOf(map.ref);
}

export function mapLabel(
  map: { ref: number; uniqueName: string | null },
  byName: boolean,
  namespace: string,
): string {
  return byName && map.uniqueName !== null
    ? JSON.stringify(map.uniqueName.slice(namespace.length))
    : `map#${map.ref}`;
}

/** The arguments that address a map: which one (a logical choice), and by name or by sid. */
export type MapArgs = {
  readonly choice: number;
  readonly byName: boolean;
};

/** Choices below this pick a live map; the rest any map ever created, dead ones included. */
const LIVE_CHOICES = 6;

/**
 * The map an item or permission command addresses: mostly a live one, so histories
 * build up on few maps; now and then any map ever created, so deleted maps are
 * addressed too (and answer 404).
 */
export function targetOf(model: Readonly<SyncModel>, choice: number): ModelMap {
  const live = choice < LIVE_CHOICES ? model.pick(choice) : undefined;
  return (live ?? model.pickAny(choice)) as ModelMap;
}

export function describeMap(args: MapArgs): string {
  return `${args.byName ? "by name" : "by sid"}, pick ${args.choice}`;
}
