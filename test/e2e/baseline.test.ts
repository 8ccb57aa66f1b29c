// Baselines and waivers as a CI job uses them: a regression is named, a live waiver
// keeps the run green but the behaviour reads "waived", an expired one fails it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readSummary,
  reportDir,
  runCli,
  serve,
  shardHolding,
  targetArgs,
  type CliResult,
  type ServedTarget,
} from "./cli.ts";

// A fault only MAP-CREATE-CREATED-BY sees: no other behaviour looks at created_by.
const FAULT = "map-created-by-account-sid";
const BEHAVIOUR = "MAP-CREATE-CREATED-BY";
/** Passes against the faulty server too (it proves in the same file as BEHAVIOUR). */
const PASSING = "MAP-CREATE-SID";
/**
 * One seed, and only the slice of the suite that proves BEHAVIOUR and PASSING: these runs are
 * about what a baseline and a waiver do to the verdict, and the fault shows on a single call
 * (whole runs are proven in run.test.ts, whole sharded runs in shard.test.ts).
 */
const SEED_AND_SLICE = ["--seed", "3", "--shard", shardHolding("maps/create.test.ts")] as const;

describe("--baseline, --waivers and compare", () => {
  let clean: ServedTarget;
  let faulty: ServedTarget;
  let baselineDir: string;
  // The faulty server against the clean baseline: read by the regression test, and the
  // baseline that already failed the same way for --exit-on-regressions.
  let regressedDir: string;
  let regressed: CliResult;
  beforeAll(async () => {
    [clean, faulty] = await Promise.all([serve(), serve(["--fault", FAULT])]);
    baselineDir = reportDir();
    const first = await runCli(
      [...targetArgs(clean), "--report-dir", baselineDir, ...SEED_AND_SLICE],
      { TWILIO_AUTH_TOKEN: clean.authToken },
    );
    expect(first.code, first.stdout).toBe(0);
    const slice = readSummary(baselineDir).behaviours.map((behaviour) => behaviour.id);
    expect(slice, `${SEED_AND_SLICE.join(" ")} lost its behaviours`).toEqual(
      expect.arrayContaining([BEHAVIOUR, PASSING]),
    );
    regressedDir = reportDir();
    regressed = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        regressedDir,
        ...SEED_AND_SLICE,
        "--baseline",
        join(baselineDir, "summary.json"),
      ],
      { TWILIO_AUTH_TOKEN: faulty.authToken },
    );
  }, 120_000);
  afterAll(async () => {
    await clean?.stop();
    await faulty?.stop();
  });

  function waivers(expires: string): string {
    const file = join(reportDir(), "waivers.yaml");
    writeFileSync(
      file,
      `waivers:\n  - id: ${BEHAVIOUR}\n    reason: known vendor deviation, ticket 42\n    expires: ${expires}\n  - id: ${PASSING}\n    reason: fixed upstream\n    expires: 2099-01-01\n`,
    );
    return file;
  }

  it("names the regression against the baseline and fails the run", () => {
    const result = regressed;
    const dir = regressedDir;
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`regressed\\s+${BEHAVIOUR}`));
    const summary = readSummary(dir) as unknown as {
      baseline: { regressed: string[]; fixed: string[] };
    };
    expect(summary.baseline.regressed).toEqual([BEHAVIOUR]);
    expect(summary.baseline.fixed).toEqual([]);
  });

  it("keeps the run green under a live waiver, reports it waived, and calls a waiver for a passing behaviour stale", async () => {
    const dir = reportDir();
    const result = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        dir,
        ...SEED_AND_SLICE,
        "--waivers",
        waivers("2099-12-31"),
      ],
      { TWILIO_AUTH_TOKEN: faulty.authToken },
    );
    expect(result.code, result.stdout).toBe(0);
    const summary = readSummary(dir) as unknown as {
      totals: Record<string, number>;
      behaviours: Array<{ id: string; status: string; failures: unknown[] }>;
      waivers: { stale: string[] };
    };
    const waived = summary.behaviours.find((behaviour) => behaviour.id === BEHAVIOUR);
    expect(waived?.status).toBe("waived");
    expect(waived?.failures.length).toBeGreaterThan(0);
    expect(summary.totals.waived).toBe(1);
    expect(summary.waivers.stale).toEqual([PASSING]);
  });

  it("fails the run once the waiver has expired", async () => {
    const result = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        reportDir(),
        ...SEED_AND_SLICE,
        "--waivers",
        waivers("2020-01-01"),
      ],
      { TWILIO_AUTH_TOKEN: faulty.authToken },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/expired/);
  });

  it("exits 1 only for regressions with --exit-on-regressions, and compare prints the same diff", async () => {
    // The faulty server's run, which failed BEHAVIOUR and exited 1 (its regression).
    const failingDir = regressedDir;
    expect(regressed.code).toBe(1);
    // Against a baseline that already failed the same way, nothing regressed: exit 0.
    const again = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        reportDir(),
        ...SEED_AND_SLICE,
        "--baseline",
        join(failingDir, "summary.json"),
        "--exit-on-regressions",
      ],
      {
        TWILIO_AUTH_TOKEN: faulty.authToken,
      },
    );
    expect(again.code, again.stdout).toBe(0);
    const compared = await runCli([
      "compare",
      join(baselineDir, "summary.json"),
      join(failingDir, "summary.json"),
    ]);
    expect(compared.code).toBe(1);
    expect(compared.stdout).toMatch(new RegExp(`regressed\\s+${BEHAVIOUR}`));
    const bad = await runCli(["--waivers", "/no/such/waivers.yaml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
