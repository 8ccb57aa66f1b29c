// The closing numbers of the concurrency work, measured as a user would meet them:
//   stability: the clean server and every documented variant pass every concurrent behaviour
//              at --runs 200, five times over (BENCH_REPEATS), with no failure;
//   catch:     for each planted race fault, how many runs its CONC behaviour and SEQ-CONCURRENT
//              need before they catch it (one CONC run = one round of N clients at once; one
//              SEQ-CONCURRENT run = one generated program), median over 20 seeds.
// `npm run bench:races [stability|catch]`; results are printed and saved as JSON in .tmp/.
import { mkdirSync, writeFileSync } from "node:fs";
import { concurrencyFaults } from "../fixtures/faults/concurrency/index.ts";
import { asServerWrapper, variants } from "../fixtures/variants/index.ts";
import { behaviour } from "../src/behaviours/define.ts";
import { proveConcurrentHistories } from "../src/concurrency/index.ts";
import {
  concurrentBehaviour,
  concurrentBehaviours,
  runConcurrent,
} from "../test/concurrency/runner.ts";

/** SEQ-CONCURRENT as a run proves it, but without shrinking: only when it is caught matters. */
const unshrunkHistories = behaviour("SEQ-CONCURRENT", (t) =>
  proveConcurrentHistories(t, { shrink: false }),
);

const SEEDS = Number(process.env.BENCH_SEEDS ?? 20);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const MAX_TRIES = 30;

async function stability(): Promise<unknown> {
  const servers = [undefined, ...variants.map(asServerWrapper)];
  const rows = [];
  for (let repeat = 1; repeat <= REPEATS; repeat++) {
    for (const fault of servers) {
      const started = performance.now();
      const outcomes = await runConcurrent(concurrentBehaviours, {
        runs: 200,
        seed: 1_000 + repeat,
        ...(fault === undefined ? {} : { fault }),
      });
      const bad = outcomes.filter((outcome) => outcome.outcome !== "passed");
      const row = {
        repeat,
        server: fault?.id ?? "clean",
        passed: outcomes.length - bad.length,
        notPassed: bad.map(
          (o) => `${o.id}: ${o.outcome} ${o.failures[0]?.title ?? o.brokenReason ?? ""}`,
        ),
        requests: outcomes.reduce((sum, o) => sum + o.requests, 0),
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  return rows;
}

/** Runs until caught, each a fresh seed's single run (CONC: --runs 5 is one round). */
async function runsUntilCaught(
  faultId: string,
  behaviourId: string,
  seed: number,
): Promise<number> {
  const fault = concurrencyFaults.find((f) => f.id === faultId)!;
  if (behaviourId === "SEQ-CONCURRENT") {
    const [outcome] = await runConcurrent([unshrunkHistories], { fault, runs: MAX_TRIES, seed });
    const path = outcome?.failures[0]?.sequence?.path;
    return path === undefined ? Infinity : Number(path) + 1;
  }
  for (let tries = 1; tries <= MAX_TRIES; tries++) {
    const [outcome] = await runConcurrent([concurrentBehaviour(behaviourId)], {
      fault,
      runs: 5,
      seed: seed * 100 + tries,
    });
    if (outcome?.outcome === "failed") return tries;
  }
  return Infinity;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function catchRates(): Promise<unknown> {
  const rows = [];
  const faults = process.env.BENCH_FAULTS?.split(",");
  for (const fault of concurrencyFaults) {
    if (faults !== undefined && !faults.includes(fault.id)) continue;
    const only = process.env.BENCH_ONLY;
    const behaviours = [...new Set([fault.behaviour, "SEQ-CONCURRENT"])].filter(
      (id) => only === undefined || id === only,
    );
    for (const behaviourId of behaviours) {
      const tries: number[] = [];
      for (let seed = 1; seed <= SEEDS; seed++)
        tries.push(await runsUntilCaught(fault.id, behaviourId, seed));
      const row = {
        fault: fault.id,
        behaviour: behaviourId,
        median: median(tries),
        max: Math.max(...tries),
        caught: tries.filter(Number.isFinite).length,
        seeds: SEEDS,
      };
      console.log(JSON.stringify(row));
      rows.push(row);
    }
  }
  return rows;
}

const mode = process.argv[2] ?? "catch";
const result = mode === "stability" ? await stability() : await catchRates();
mkdirSync(".tmp", { recursive: true });
writeFileSync(`.tmp/bench-races-${mode}.json`, `${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
