// Baselines and waivers as a CI job uses them: a regression is named, a live waiver
// keeps the run green but the behaviour reads "waived", an expired one fails it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSummary, reportDir, runCli, serve, targetArgs, type ServedTarget } from "./cli.ts";

// A fault only MAP-CREATE-CREATED-BY sees: no other behaviour looks at created_by.
const FAULT = "map-created-by-account-sid";
const BEHAVIOUR = "MAP-CREATE-CREATED-BY";
/**
 * One seed, and short generated phases: these runs are about what a baseline and a waiver do
 * to the verdict, and the fault shows on a single call (full runs are proven in run.test.ts).
 */
const SEED_AND_BUDGET = ["--seed", "3", "--runs", "5", "--fuzz-runs", "1"] as const;

describe("--baseline, --waivers and compare", () => {
  let clean: ServedTarget;
  let faulty: ServedTarget;
  let baselineDir: string;
  beforeAll(async () => {
    [clean, faulty] = await Promise.all([serve(), serve(["--fault", FAULT])]);
    baselineDir = reportDir();
    const first = await runCli(
      [...targetArgs(clean), "--report-dir", baselineDir, ...SEED_AND_BUDGET],
      {
        TWILIO_AUTH_TOKEN: clean.authToken,
      },
    );
    expect(first.code, first.stdout).toBe(0);
  });
  afterAll(async () => {
    await clean?.stop();
    await faulty?.stop();
  });

  function waivers(expires: string): string {
    const file = join(reportDir(), "waivers.yaml");
    writeFileSync(
      file,
      `waivers:\n  - id: ${BEHAVIOUR}\n    reason: known vendor deviation, ticket 42\n    expires: ${expires}\n  - id: MAP-DELETE-204\n    reason: fixed upstream\n    expires: 2099-01-01\n`,
    );
    return file;
  }

  it("names the regression against the baseline and fails the run", async () => {
    const dir = reportDir();
    const result = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        dir,
        ...SEED_AND_BUDGET,
        "--baseline",
        join(baselineDir, "summary.json"),
      ],
      { TWILIO_AUTH_TOKEN: faulty.authToken },
    );
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
        ...SEED_AND_BUDGET,
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
    expect(summary.waivers.stale).toEqual(["MAP-DELETE-204"]);
  });

  it("fails the run once the waiver has expired", async () => {
    const result = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        reportDir(),
        ...SEED_AND_BUDGET,
        "--waivers",
        waivers("2020-01-01"),
      ],
      { TWILIO_AUTH_TOKEN: faulty.authToken },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/expired/);
  });

  it("exits 1 only for regressions with --exit-on-regressions, and compare prints the same diff", async () => {
    const failingDir = reportDir();
    const failing = await runCli(
      [...targetArgs(faulty), "--report-dir", failingDir, ...SEED_AND_BUDGET],
      { TWILIO_AUTH_TOKEN: faulty.authToken },
    );
    expect(failing.code).toBe(1);
    // Against a baseline that already failed the same way, nothing regressed: exit 0.
    const again = await runCli(
      [
        ...targetArgs(faulty),
        "--report-dir",
        reportDir(),
        ...SEED_AND_BUDGET,
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
