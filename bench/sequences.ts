// How steady and how sharp the model-based behaviours are, against the embedded server:
//   npx tsx bench/sequences.ts stability [RUNS=200] [REPEATS=5] [SEQ-ID…]
//     the clean server and every documented variant, each SEQ behaviour at --runs RUNS,
//     REPEATS times with different seeds: every run must pass.
//   npx tsx bench/sequences.ts catch [SEEDS=20] [FAULT-ID…]
//     for each sequence-only fault, the smallest --runs (on a ladder up to 200) that
//     catches it, for SEEDS seeds, and the median.
// Numbers for the README and the changelog live here, never in timed tests.
import { randomBytes } from "node:crypto";
import { allBehaviours } from "../suites/index.ts";
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
const SEQUENCE_IDS = allBehaviours.map((d) => d.id).filter((id) => id.startsWith("SEQ-"));
const RUNS_LADDER = [1, 2, 3, 4, 6, 8, 12, 16, 25, 50, 100, 200];

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
  const targets: Array<readonly [string, Fault | undefined]> = [
    ["clean", undefined],
    ...variants.map((variant) => [variant.id, asServerWrapper(variant)] as const),
  ];
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
    }
  }
  console.log(`${failures} failing behaviour runs`);
  process.exitCode = failures === 0 ? 0 : 1;
}

async function runsToCatch(fault: Fault, seed: number): Promise<number | undefined> {
  for (const runs of RUNS_LADDER) {
    const [outcome] = await run([fault.behaviour], fault, seed, runs);
    if (outcome?.outcome === "failed") return runs;
  }
  return undefined;
}

async function catchRates(args: readonly string[]): Promise<void> {
  const seeds = Number(args[0] ?? 20);
  const named = args.slice(1).map((id) => faultById(id));
  const chosen = named.length > 0 ? named : sequenceFaults;
  console.log("| fault | behaviour | median --runs to catch | caught within 25 | per seed |");
  console.log("|---|---|---|---|---|");
  for (const fault of chosen) {
    if (fault === undefined) throw new Error("unknown fault id");
    const needed: Array<number | undefined> = [];
    for (let index = 0; index < seeds; index += 1)
      needed.push(await runsToCatch(fault, 5_000 + index * 104_729));
    const sorted = needed.map((runs) => runs ?? Infinity).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    const within = needed.filter((runs) => runs !== undefined && runs <= 25).length;
    const shown = needed.map((runs) => runs ?? ">200").join(" ");
    console.log(`| ${fault.id} | ${fault.behaviour} | ${median} | ${within}/${seeds} | ${shown} |`);
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "stability") await stability(rest);
else if (mode === "catch") await catchRates(rest);
else
  console.error(
    "usage: tsx bench/sequences.ts stability [RUNS] [REPEATS] | catch [SEEDS] [FAULT…]",
  );
