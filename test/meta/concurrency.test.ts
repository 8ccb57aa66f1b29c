// The concurrency meta-suite: SEQ-CONCURRENT, which knows none of the planted race faults,
// catches every one of them; the clean server passes every concurrent behaviour at --runs 200
// (flakiness is a defect; `npm run bench:races stability` repeats it over every documented
// variant); and a saved concurrent counterexample replays against any target.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseRunArgs, withTarget } from "../../src/config/config.ts";
import { readCounterexample, replayCounterexample } from "../../src/run/replay.ts";
import { concurrencyFaults } from "../../fixtures/faults/concurrency/index.ts";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import type { Fault } from "../../fixtures/reference/types.ts";
import type { BehaviourOutcome } from "../../src/behaviours/run.ts";
import { concurrentBehaviour, concurrentBehaviours, runConcurrent } from "../concurrency/runner.ts";
import { describeOutcome } from "./support.ts";

const SEED = 20_261_127;
const histories = concurrentBehaviour("SEQ-CONCURRENT");
/** The fault whose saved counterexample the replay test replays. */
const REPLAYED_FAULT = "item-key-checked-before-wait";
const artefactDir = mkdtempSync(join(tmpdir(), "smc-conc-"));
afterAll(() => rmSync(artefactDir, { recursive: true, force: true }));

const catchingRuns = new Map<string, Promise<BehaviourOutcome[]>>();
/**
 * SEQ-CONCURRENT against the fault, once per file: the replay test replays the counterexample
 * that the catching run of REPLAYED_FAULT saved, instead of catching the race a second time.
 */
function catchingRun(fault: Fault): Promise<BehaviourOutcome[]> {
  let run = catchingRuns.get(fault.id);
  if (run === undefined) {
    const saving = fault.id === REPLAYED_FAULT ? { artefactDir } : {};
    run = runConcurrent([histories], { fault, runs: 25, seed: SEED, ...saving });
    catchingRuns.set(fault.id, run);
  }
  return run;
}

// Every test has a server of its own, so the three groups run side by side: the catching runs
// mostly wait on their faults' held requests, while the clean run at --runs 200 (started
// first) keeps the core busy.
describe.concurrent("the clean reference server", () => {
  it.concurrent("passes every concurrent behaviour at --runs 200", async () => {
    const outcomes = await runConcurrent(concurrentBehaviours, { runs: 200, seed: SEED });
    const notPassed = outcomes.filter((outcome) => outcome.outcome !== "passed");
    expect(notPassed.map(describeOutcome).join("\n")).toBe("");
  });
});

/**
 * The slowest catch (its fault holds every item request 80 ms), started first: five tests run
 * at once, and started last it would run alone for half a minute after the others.
 */
const SLOWEST_FAULT = "stale-read-from-cache";
const slowestFirst = [...concurrencyFaults].sort(
  (a, b) => Number(b.id === SLOWEST_FAULT) - Number(a.id === SLOWEST_FAULT),
);

/**
 * A concurrent program is read on its timeline, a lane per client; some races need three
 * clients and a few calls each before no order explains them, and a race that shows on some
 * runs only shrinks less far within the shrinker's budget of runs. Held to this where
 * SEQ-CONCURRENT is the fault's own behaviour (sequences.test.ts leaves those faults to this
 * file, which already runs the catch).
 */
const CONCURRENT_SCRIPT_LINES = 16;

describe.concurrent("SEQ-CONCURRENT", () => {
  for (const fault of slowestFirst) {
    const ownBehaviour = fault.behaviour === "SEQ-CONCURRENT";
    const title = ownBehaviour
      ? `catches ${fault.id} with a timeline of what no order explains and a script of at most ${CONCURRENT_SCRIPT_LINES} calls, a seed and a path`
      : `catches ${fault.id} with a timeline of what no order explains`;
    it.concurrent(title, async () => {
      const [outcome] = await catchingRun(fault);
      expect(outcome?.outcome, outcome && describeOutcome(outcome)).toBe("failed");
      const [found] = outcome!.failures;
      expect(found?.check).toBe("concurrent_history_is_linearizable");
      expect(found?.timeline?.text).toMatch(/^! #\d+ /m);
      expect(found?.timeline?.svg).toMatch(/^<svg/);
      if (!ownBehaviour) return;
      const sequence = outcome!.failures.find(
        (failure) => failure.sequence !== undefined,
      )?.sequence;
      const script = sequence?.script ?? [];
      expect(script.length, script.join("\n")).toBeGreaterThan(0);
      expect(script.length, script.join("\n")).toBeLessThanOrEqual(CONCURRENT_SCRIPT_LINES);
      expect(Number.isInteger(sequence?.seed)).toBe(true);
      expect(sequence?.path).toMatch(/^\d+(:\d+)*$/);
    });
  }
});

describe.concurrent("a saved concurrent counterexample", () => {
  it.concurrent(
    "replays: reproduced where the race is, not reproduced on the clean server",
    async () => {
      const fault = concurrencyFaults.find((f) => f.id === REPLAYED_FAULT)!;
      const [outcome] = await catchingRun(fault);
      expect(outcome?.outcome).toBe("failed");
      const [file] = readdirSync(join(artefactDir, "counterexamples"));
      const saved = readCounterexample(join(artefactDir, "counterexamples", file!));
      expect("kind" in saved && saved.kind).toBe("concurrent-history");
      expect(await replayOn(saved, fault)).toMatchObject({ verdict: "reproduced", leaks: 0 });
      const clean = await replayOn(saved, undefined);
      expect(clean).toMatchObject({ verdict: "not-reproduced", leaks: 0 });
      expect(clean.text).toContain("NOT REPRODUCED");
    },
  );
});

async function replayOn(saved: ReturnType<typeof readCounterexample>, fault: Fault | undefined) {
  const server = await startReferenceServer(fault === undefined ? {} : { fault });
  try {
    const args = ["--base-url", server.url, "--account-sid", server.accountSid];
    const { config } = parseRunArgs(
      [...args, "--auth-token", server.authToken, "--service-sid", server.serviceSid],
      {},
    );
    return await replayCounterexample(
      withTarget({ ...config, runPrefix: "smc-replay-test-" }, server.url, server),
      saved,
    );
  } finally {
    await server.close();
  }
}
