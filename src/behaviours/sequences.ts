// A model-based behaviour: generate command sequences, run each against the target
// and the model, shrink a divergence to a short script, save it for replay, and
// report it as a failure with seed, path, script and the curl of the diverging call.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type fc from "fast-check";
import { mixSeed } from "../arbitraries/seeded.ts";
import { toCurl } from "../http/curl.ts";
import { describeAnswer } from "../http/exchange.ts";
import type { SyncCommand } from "../model/commands/command.ts";
import { checkSequences } from "../model/sequence.ts";
import type { BehaviourContext } from "./context.ts";

export interface SequenceBehaviourOptions {
  readonly arbitraries: ReadonlyArray<fc.Arbitrary<SyncCommand>>;
  readonly maxCommands: number;
  /** Sequences that wait cost seconds each: such a behaviour runs a share of --runs. */
  readonly runsFrom?: (runs: number) => number;
  readonly preamble?: readonly SyncCommand[];
  /** Sequences run this many at a time, so the pauses of sequences that wait overlap. */
  readonly lanes?: number;
  /** Wall-clock budget for generating and shrinking (default: the model's, 90 s). */
  readonly timeBudgetMs?: number;
}

/** The reading a run gets when a slow target left time for fewer histories than asked. */
export const HISTORIES_CHECKED_TOPIC = "histories checked before the time budget ran out";

/** The saved form of a counterexample: enough to replay it against any target. */
export interface CounterexampleFile {
  readonly behaviour: string;
  readonly seed: number;
  readonly path: string;
  readonly commands: ReadonlyArray<{
    readonly op: string;
    readonly args: Readonly<Record<string, unknown>>;
  }>;
  readonly script: readonly string[];
  readonly diverged: { readonly received: string; readonly documented: string } | null;
}

/**
 * Sequences run in this many lanes side by side, each a fast-check run of its own with a seed
 * derived from the behaviour's: a sequence's requests go one after another, so against a
 * distant target (or one whose sequences pause for expiry) lanes are what overlaps the waits.
 * A failure names its lane's seed and path, which replay as before.
 */
export const SEQUENCE_LANES = 6;

export async function proveBySequences(
  t: BehaviourContext,
  options: SequenceBehaviourOptions,
): Promise<void> {
  const seed = mixSeed(t.seed, t.behaviourId);
  const runs = options.runsFrom === undefined ? t.runs : options.runsFrom(t.runs);
  const result = await checkSequences({
    api: t.api,
    namespace: () => `${t.uniqueName("s")}-`,
    arbitraries: options.arbitraries,
    runs,
    seed,
    maxCommands: options.maxCommands,
    ...(options.preamble === undefined ? {} : { preamble: options.preamble }),
    lanes: options.lanes ?? SEQUENCE_LANES,
    ...(options.timeBudgetMs === undefined ? {} : { timeBudgetMs: options.timeBudgetMs }),
  });
  t.noteLeaked(result.leaked);
  if (!result.failed) {
    // A slow target: generation stopped at the time budget. What was checked passed, but
    // the run must say it is less than it asked for.
    if (result.runs < runs) t.reading(HISTORIES_CHECKED_TOPIC, `${result.runs} of ${runs}`);
    return;
  }

  const { confirmed } = result;
  const script = confirmed.executed.map((command, index) => `${index + 1}. ${command.text}`);
  const file = saveCounterexample(t, {
    behaviour: t.behaviourId,
    seed: result.seed,
    path: result.path,
    commands: result.commands,
    script,
    diverged:
      confirmed.mismatch === undefined
        ? null
        : {
            received: confirmed.mismatch.found.received,
            documented: confirmed.mismatch.found.documented,
          },
  });
  const exchange = confirmed.mismatch?.exchange;
  const reproduction = [
    `fast-check seed ${result.seed}, path "${result.path}" (shrunk ${result.shrinks} times)`,
    ...(file === undefined
      ? []
      : [`replay: npx sync-map-conformance replay ${file} --base-url URL`]),
    ...script,
    ...(exchange === undefined
      ? []
      : [
          `# the diverging request (step ${script.length}):`,
          toCurl(exchange, { accountSid: t.accountSid }),
          `# answered: ${describeAnswer(exchange)}`,
        ]),
  ].join("\n");
  const sequence = {
    seed: result.seed,
    path: result.path,
    script,
    ...(file === undefined ? {} : { file }),
  };
  if (confirmed.mismatch !== undefined) {
    const found = confirmed.mismatch.found;
    t.failWith(
      {
        check: found.check,
        title: `After ${script.length} ${script.length === 1 ? "call" : "calls"}: ${found.title}`,
        received: found.received,
        documented: found.documented,
        sequence,
      },
      reproduction,
      exchange,
    );
    return;
  }
  // The shrunk sequence passed when run again: the target is not deterministic here.
  const first = result.firstSeen?.found;
  const seenFirst =
    first === undefined
      ? ""
      : `; first seen: ${first.title}: received ${first.received}; documented ${first.documented}`;
  const why =
    confirmed.error === undefined
      ? `it passed when run again${seenFirst}`
      : `it broke the harness: ${String(confirmed.error)}${seenFirst}`;
  t.failWith(
    {
      check: "model_sequence_reproduces",
      title: "A failing sequence did not fail again",
      received: `${why} (seed ${result.seed})`,
      documented: "the same calls give the same answers",
      sequence,
    },
    reproduction,
  );
}

function saveCounterexample(
  t: BehaviourContext,
  counterexample: CounterexampleFile,
): string | undefined {
  if (t.artefactDir === undefined) return undefined;
  const directory = join(t.artefactDir, "counterexamples");
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${counterexample.behaviour}-${counterexample.seed}.json`);
  writeFileSync(file, `${JSON.stringify(counterexample, null, 2)}\n`);
  return file;
}
