// Runs command sequences against a target: under fast-check (generate, run, shrink)
// and on their own (confirming a counterexample, or replaying a saved one). Every
// sequence gets a fresh namespace and a fresh model, and deletes what it made.
import fc from "fast-check";
import { mixSeed } from "../arbitraries/seeded.ts";
import type { SyncMapApi } from "../http/syncApi.ts";
import { SyncModel } from "./model.ts";
import { ModelMismatch, RealSystem, type CommandJson, type ExecutedCommand } from "./real.ts";
import type { SyncCommand } from "./commands/command.ts";
import { Pause } from "./commands/pause.ts";
import { commandFromJson } from "./commands/registry.ts";
import { simplifyFailure } from "./simplify.ts";

export interface SequenceOutcome {
  readonly executed: readonly ExecutedCommand[];
  readonly mismatch?: ModelMismatch;
  /** A harness error (a bug of ours) rather than a verdict about the target. */
  readonly error?: unknown;
  readonly leaked: readonly string[];
}

/** fast-check hands commands wrapped; the wrapper keeps the shrinker's bookkeeping. */
type Runnable = Pick<SyncCommand, "check" | "run" | "toString"> & { readonly cmd?: SyncCommand };

export async function runSequence(
  api: SyncMapApi,
  namespace: string,
  commands: Iterable<Runnable>,
): Promise<SequenceOutcome> {
  const model = new SyncModel();
  const real = new RealSystem(api, namespace);
  let mismatch: ModelMismatch | undefined;
  let error: unknown;
  try {
    for (const command of commands) {
      if (!command.check(model)) continue;
      const inner = command.cmd ?? (command as SyncCommand);
      real.executed.push({
        text: inner.describe(),
        json: inner.toJSON(),
        frozen: inner.frozenJSON(),
      });
      await command.run(model, real);
      if (!(inner instanceof Pause)) model.callsSincePause += 1;
    }
  } catch (caught) {
    if (caught instanceof ModelMismatch) mismatch = caught;
    else error = caught;
  }
  const leaked = await real.cleanUp();
  return {
    executed: real.executed,
    ...(mismatch === undefined ? {} : { mismatch }),
    ...(error === undefined ? {} : { error }),
    leaked,
  };
}

export interface SequenceCheckOptions {
  readonly api: SyncMapApi;
  /** A fresh namespace for every sequence and every shrink step. */
  readonly namespace: () => string;
  readonly arbitraries: ReadonlyArray<fc.Arbitrary<SyncCommand>>;
  readonly runs: number;
  readonly seed: number;
  readonly maxCommands: number;
  /** Wall-clock budget for generating and shrinking (default 90 s). */
  readonly timeBudgetMs?: number;
  /** Fixed commands every sequence starts with (part of its script and its counterexample). */
  readonly preamble?: readonly SyncCommand[];
  /**
   * Sequences run this many at a time (default 1): for sequences that mostly wait, so
   * their pauses overlap instead of adding up.
   */
  readonly lanes?: number;
  /** false: report the first failing sequence as generated (for measuring, not for people). */
  readonly shrink?: boolean;
}

export type SequenceCheck =
  | { readonly failed: false; readonly runs: number; readonly leaked: readonly string[] }
  | {
      readonly failed: true;
      readonly seed: number;
      readonly path: string;
      readonly shrinks: number;
      /** The shrunk sequence as data, for the counterexample file and replay. */
      readonly commands: readonly CommandJson[];
      /** The shrunk sequence run once more: the script and where it diverged. */
      readonly confirmed: SequenceOutcome;
      /** The divergence as first seen, before shrinking (for a failure that does not repeat). */
      readonly firstSeen?: ModelMismatch;
      readonly leaked: readonly string[];
    };

export async function checkSequences(options: SequenceCheckOptions): Promise<SequenceCheck> {
  const lanes = Math.max(1, Math.min(options.lanes ?? 1, options.runs));
  if (lanes === 1)
    return checkLane(options, options.seed, options.runs, 0, { failedLane: undefined });
  // Sequences that mostly wait run side by side: lane i checks its share of the runs from
  // its own seed (reported, so its counterexample replays), and once one lane has found a
  // divergence the others stop generating.
  const stop: LaneStop = { failedLane: undefined };
  const shares = Array.from(
    { length: lanes },
    (_, lane) => Math.floor(options.runs / lanes) + (lane < options.runs % lanes ? 1 : 0),
  );
  const results = await Promise.all(
    shares.map((runs, lane) =>
      checkLane(options, mixSeed(options.seed, `lane${lane}`), runs, lane, stop),
    ),
  );
  const leaked = results.flatMap((result) => result.leaked);
  const failures = results.filter((result) => result.failed);
  const shortest = failures.sort((a, b) => a.commands.length - b.commands.length)[0];
  if (shortest !== undefined) return { ...shortest, leaked };
  const runs = results.reduce((sum, result) => sum + (result.failed ? 0 : result.runs), 0);
  return { failed: false, runs, leaked };
}

/** Which lane found a divergence first: the others stop, it goes on shrinking. */
interface LaneStop {
  failedLane: number | undefined;
}

async function checkLane(
  options: SequenceCheckOptions,
  seed: number,
  runs: number,
  lane: number,
  stop: LaneStop,
): Promise<SequenceCheck> {
  const leaked: string[] = [];
  const preamble = options.preamble ?? [];
  const property = fc.asyncProperty(
    fc.commands([...options.arbitraries], { maxCommands: options.maxCommands, size: "max" }),
    async (commands) => {
      // Another lane already failed: this one passes the rest at once.
      if (stop.failedLane !== undefined && stop.failedLane !== lane) return;
      const outcome = await runSequence(options.api, options.namespace(), [
        ...preamble,
        ...(commands as Iterable<Runnable>),
      ]);
      leaked.push(...outcome.leaked);
      if (outcome.mismatch !== undefined || outcome.error !== undefined) stop.failedLane ??= lane;
      if (outcome.mismatch !== undefined) throw outcome.mismatch;
      if (outcome.error !== undefined) throw outcome.error;
    },
  );
  // Unbiased: fast-check starts small by default, but a budget of a few dozen sequences
  // (or a handful that wait) is better spent on histories of full length from the start.
  // A target that hangs must not hang the suite: generation and shrinking stop at the
  // budget, and a failure found by then is reported with the shortest script so far.
  const details = await fc.check(property, {
    seed,
    numRuns: runs,
    unbiased: true,
    endOnFailure: options.shrink === false,
    plugins: [fc.interruptAfterTimeLimit(options.timeBudgetMs ?? 90_000)],
  });
  if (!details.failed || details.counterexample === null)
    return { failed: false, runs: details.numRuns, leaked };
  const [shrunk] = details.counterexample as unknown as [Iterable<Runnable>];
  // Only the commands that ran in the shrunk failure are its script.
  const executed = [...(shrunk as Iterable<Runnable & { hasRan?: boolean }>)].filter(
    (command) => command.hasRan !== false,
  );
  const commands = [
    ...preamble,
    ...executed.map((command) => command.cmd ?? (command as SyncCommand)),
  ].map((command) => command.toJSON());
  const rerun = await runSequence(options.api, options.namespace(), commands.map(commandFromJson));
  leaked.push(...rerun.leaked);
  const simplified =
    rerun.mismatch === undefined || options.shrink === false
      ? { commands, outcome: rerun }
      : await simplifyFailure(options.api, options.namespace, rerun, preamble.length, leaked);
  const firstSeen =
    details.errorInstance instanceof ModelMismatch ? details.errorInstance : undefined;
  return {
    failed: true,
    ...(firstSeen === undefined ? {} : { firstSeen }),
    seed: details.seed,
    path: details.counterexamplePath ?? "",
    shrinks: details.numShrinks,
    commands: simplified.commands,
    confirmed: simplified.outcome,
    leaked,
  };
}

/** Replays saved commands once, e.g. from a counterexample file against another target. */
export function replayCommands(
  api: SyncMapApi,
  namespace: string,
  commands: readonly CommandJson[],
): Promise<SequenceOutcome> {
  return runSequence(api, namespace, commands.map(commandFromJson));
}
