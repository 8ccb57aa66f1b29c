// How steady and how sharp the model-based behaviours are, against the embedded server:
//   npx tsx bench/sequences.ts stability [RUNS=200] [REPEATS=5] [SEQ-ID…]
//     (BENCH_TARGETS=clean,quoted-etag,… for some targets only)
//     the clean server and every documented variant, each SEQ behaviour at --runs RUNS,
//     REPEATS times with different seeds: every run must pass.
//   npx tsx bench/sequences.ts catch [SEEDS=20] [FAULT-ID…]
//     for each sequence-only fault and SEEDS seeds, how many sequences ran until one
//     caught it (at --runs 200), the median, and how often a default run catches it.
// Numbers for the README and the changelog live here, never in timed tests.
import { randomBytes } from "node:crypto";
import { allBehaviours } from "../suites/index.ts";
import { mixSeed } from "../src/arbitraries/seeded.ts";
import { checkSequences } from "../src/model/sequence.ts";
import { itemSequences } from "../suites/sequences/items.behaviours.ts";
import { mapSequences } from "../suites/sequences/maps.behaviours.ts";
import { permissionSequences } from "../suites/sequences/permissions.behaviours.ts";
import type { SequenceOptionsById } from "../suites/sequences/support.ts";
import { runBehaviour, type BehaviourOutcome } from "../src/behaviours/run.ts";
import { HttpClient } from "../src/http/client.ts";
import { SyncMapApi } from "../src/http/syncApi.ts";
import { loadSpec } from "../src/spec/index.ts";
import { startReferenceServer } from "../fixtures/reference/index.ts";
import { faultById } from "../fixtures/faults/index.ts";
import { sequenceFaults } from "../fixtures/faults/sequences/index.ts";
import { asServerWrapper, variants } from "../fixtures/variants/index.ts";
import type { Fault } from "../fixtures/reference/types.ts";

const spec = await loadSpec();
/** A behaviour this long ran into the sequences' time budget and stopped generating early. */
const BUDGET_NEAR_MS = 85_000;
const SEQUENCE_IDS = allBehaviours.map((d) => d.id).filter((id) => id.startsWith("SEQ-"));

async function run(
  ids: readonly string[],
  fault: Fault | undefined,
  seed: number,
  runs: number,
): Promise<BehaviourOutcome[]> {
  const server = await startReferenceServer(fault === undefined ? {} : { fault });
  const client = new HttpClient({
    baseUrl: server.url,
    accountSid: server.accountSid,
    authToken: server.authToken,
    timeoutMs: 10_000,
  });
  try {
    const runPrefix = `smc-bench-${randomBytes(3).toString("hex")}-`;
    const { accountSid, serviceSid } = server;
    const config = { accountSid, serviceSid, runPrefix, seed, runs };
    const definitions = allBehaviours.filter((definition) => ids.includes(definition.id));
    return await Promise.all(
      definitions.map((definition) =>
        runBehaviour(
          definition,
          { api: new SyncMapApi(client, serviceSid), spec, config },
          { timeoutMs: 3_600_000 },
        ),
      ),
    );
  } finally {
    await client.close();
    await server.close();
  }
}

function describeFailure(outcome: BehaviourOutcome): string {
  const found = outcome.failures.map((failure) =>
    [`${failure.title}: ${failure.received}`, ...(failure.sequence?.script ?? [])].join("\n    "),
  );
  return `  ${outcome.id} ${outcome.outcome} ${outcome.brokenReason ?? ""}\n    ${found.join("\n")}`;
}

async function stability(args: readonly string[]): Promise<void> {
  const runs = Number(args[0] ?? 200);
  const repeats = Number(args[1] ?? 5);
  const ids = args.length > 2 ? args.slice(2) : SEQUENCE_IDS;
  // BENCH_TARGETS=clean,quoted-etag… measures some targets only (to split the work over
  // processes); default: the clean server and every documented variant.
  const only = process.env.BENCH_TARGETS?.split(",");
  const targets: Array<readonly [string, Fault | undefined]> = [
    ["clean", undefined] as const,
    ...variants.map((variant) => [variant.id, asServerWrapper(variant)] as const),
  ].filter(([name]) => only === undefined || only.includes(name));
  let failures = 0;
  for (const [name, wrapper] of targets) {
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const seed = 1_000 + repeat * 7_919;
      const started = Date.now();
      const outcomes = await run(ids, wrapper, seed, runs);
      const bad = outcomes.filter((outcome) => outcome.outcome !== "passed");
      failures += bad.length;
      const took = ((Date.now() - started) / 1000).toFixed(1);
      const each = outcomes.map((o) => `${o.id} ${(o.durationMs / 1000).toFixed(1)}s`).join(", ");
      console.log(
        `${name} seed ${seed}: ${bad.length === 0 ? "pass" : "FAIL"} in ${took}s (${each})`,
      );
      for (const outcome of bad) console.log(describeFailure(outcome));
      // fast-check stops generating at the 90 s budget (src/model/sequence.ts): say so.
      const cut = outcomes.filter((outcome) => outcome.durationMs >= BUDGET_NEAR_MS);
      if (cut.length > 0)
        console.log(`  budget reached, fewer runs: ${cut.map((o) => o.id).join(", ")}`);
    }
  }
  console.log(`${failures} failing behaviour runs`);
  process.exitCode = failures === 0 ? 0 : 1;
}

const SEQUENCES: SequenceOptionsById = {
  ...mapSequences,
  ...itemSequences,
  ...permissionSequences,
};
const CATCH_RUNS = 200;

/**
 * How many sequences ran until one caught the fault, with the behaviour's own options
 * but one at a time and without shrinking: the failing run's place in fast-check's path.
 * Laned behaviours run their sequences side by side, not in a fixed order; each is drawn
 * the same way, so how many it takes one after another is what a run of that many gets.
 */
async function sequencesToCatch(fault: Fault, seed: number): Promise<number | undefined> {
  const make = SEQUENCES[fault.behaviour];
  if (make === undefined) throw new Error(`${fault.behaviour} is not a sequence behaviour`);
  const options = make();
  const server = await startReferenceServer({ fault });
  const { accountSid, authToken, serviceSid, url: baseUrl } = server;
  const client = new HttpClient({ baseUrl, accountSid, authToken, timeoutMs: 10_000 });
  const prefix = `smc-bench-${randomBytes(3).toString("hex")}-`;
  let namespaces = 0;
  try {
    const result = await checkSequences({
      api: new SyncMapApi(client, serviceSid),
      namespace: () => `${prefix}${(namespaces += 1)}-`,
      arbitraries: options.arbitraries,
      runs: CATCH_RUNS,
      seed: mixSeed(seed, fault.behaviour),
      maxCommands: options.maxCommands,
      ...(options.preamble === undefined ? {} : { preamble: options.preamble }),
      shrink: false,
      timeBudgetMs: 600_000,
    });
    return result.failed ? Number(result.path.split(":")[0]) + 1 : undefined;
  } finally {
    await client.close();
    await server.close();
  }
}

function defaultSequences(behaviour: string): number {
  return SEQUENCES[behaviour]?.().runsFrom?.(25) ?? 25;
}

async function catchRates(args: readonly string[]): Promise<void> {
  const seeds = Number(args[0] ?? 20);
  const named = args.slice(1).map((id) => faultById(id));
  const chosen = named.length > 0 ? named : sequenceFaults;
  console.log("| fault | behaviour | median sequences to catch | caught by a default run |");
  console.log("|---|---|---|---|");
  for (const fault of chosen) {
    if (fault === undefined) throw new Error("unknown fault id");
    const needed: Array<number | undefined> = [];
    for (let index = 0; index < seeds; index += 1)
      needed.push(await sequencesToCatch(fault, 5_000 + index * 104_729));
    const sorted = needed.map((count) => count ?? Infinity).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const budget = defaultSequences(fault.behaviour);
    const within = needed.filter((count) => count !== undefined && count <= budget).length;
    console.log(`| ${fault.id} | ${fault.behaviour} | ${median} | ${within}/${seeds} |`);
    console.error(`${fault.id}: ${needed.map((count) => count ?? "none").join(" ")}`);
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "stability") await stability(rest);
else if (mode === "catch") await catchRates(rest);
else
  console.error(
    "usage: tsx bench/sequences.ts stability [RUNS] [REPEATS] | catch [SEEDS] [FAULT…]",
  );
