// A long run spread over machines: two --shard runs side by side against one target,
// merged, must say what one unsharded run with the same seed says about the same target.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readSummary,
  reportDir,
  runCli,
  serve,
  targetArgs,
  type CliResult,
  type ServedTarget,
  type SummaryFile,
} from "./cli.ts";

type ShardSummaryFile = SummaryFile & { shard?: { index: number; count: number } };

const ids = (summary: SummaryFile): string[] => summary.behaviours.map((behaviour) => behaviour.id);

describe("--shard 1/2 and 2/2, then merge", () => {
  const dirs = { one: reportDir(), two: reportDir(), merged: reportDir(), single: reportDir() };
  let target: ServedTarget;
  let runs: { one: CliResult; two: CliResult; single: CliResult; merge: CliResult };

  beforeAll(async () => {
    target = await serve();
    const common = [...targetArgs(target), "--seed", "1717", "--runs", "3"];
    const env = { TWILIO_AUTH_TOKEN: target.authToken };
    // Side by side, as CI machines run a matrix; the target is shared like a real one.
    const [one, two, single] = await Promise.all([
      runCli([...common, "--shard", "1/2", "--report-dir", dirs.one], env),
      runCli([...common, "--shard", "2/2", "--report-dir", dirs.two], env),
      runCli([...common, "--report-dir", dirs.single], env),
    ]);
    const merge = await runCli(["merge", dirs.one, dirs.two, "--report-dir", dirs.merged]);
    runs = { one, two, single, merge };
  }, 240_000);
  afterAll(async () => {
    await target?.stop();
  });

  it("runs each shard to exit 0 with a non-empty slice, the two slices disjoint", () => {
    expect(runs.one.code, runs.one.stdout + runs.one.stderr).toBe(0);
    expect(runs.two.code, runs.two.stdout + runs.two.stderr).toBe(0);
    const one = readSummary(dirs.one) as ShardSummaryFile;
    const two = readSummary(dirs.two) as ShardSummaryFile;
    expect(one.shard).toEqual({ index: 1, count: 2 });
    expect(two.shard).toEqual({ index: 2, count: 2 });
    expect(ids(one).length).toBeGreaterThan(0);
    expect(ids(two).length).toBeGreaterThan(0);
    expect(ids(one).filter((id) => ids(two).includes(id))).toEqual([]);
    // A slice leaves the other slice's behaviours out; it does not fail them as "did not run".
    expect([one.totals.failed, two.totals.failed]).toEqual([0, 0]);
  });

  it("merges into exactly the behaviours of the unsharded run, in the same order, once each", () => {
    expect(runs.single.code, runs.single.stdout + runs.single.stderr).toBe(0);
    expect(runs.merge.code, runs.merge.stdout + runs.merge.stderr).toBe(0);
    expect(runs.merge.stdout).not.toContain("GAP");
    const merged = ids(readSummary(dirs.merged));
    expect(merged).toEqual(ids(readSummary(dirs.single)));
    expect(new Set(merged).size).toBe(merged.length);
  });

  it("adds the shards' totals, requests and leaks up, and agrees with the unsharded verdict", () => {
    const one = readSummary(dirs.one);
    const two = readSummary(dirs.two);
    const merged = readSummary(dirs.merged);
    for (const key of ["behaviours", "passed", "failed", "warned", "skipped", "waived"]) {
      expect(merged.totals[key], key).toBe((one.totals[key] ?? 0) + (two.totals[key] ?? 0));
    }
    expect(merged.requests).toBe(one.requests + two.requests);
    expect(merged.leaks).toBe(one.leaks + two.leaks);
    expect(merged.totals).toEqual(readSummary(dirs.single).totals);
  });

  it("holds one Allure result per behaviour, each for a different behaviour", () => {
    const results = join(dirs.merged, "allure-results");
    const files = readdirSync(results).filter((name) => name.endsWith("-result.json"));
    const stories = files.map((name) => {
      const result = JSON.parse(readFileSync(join(results, name), "utf8")) as {
        labels: Array<{ name: string; value: string }>;
      };
      return result.labels.find((label) => label.name === "story")?.value;
    });
    expect(stories.sort()).toEqual(ids(readSummary(dirs.merged)).sort());
  });

  it("writes one junit.xml with one test case per behaviour", () => {
    const xml = readFileSync(join(dirs.merged, "junit.xml"), "utf8");
    expect(xml.match(/<testsuites\b/g)).toHaveLength(1);
    const cases = [...xml.matchAll(/<testcase\b[^>]*\bname="[^"]*?&gt; ([A-Z][A-Z0-9-]+):/g)].map(
      (match) => match[1],
    );
    expect(xml.match(/<testcase\b/g)).toHaveLength(cases.length);
    expect(cases.sort()).toEqual(ids(readSummary(dirs.merged)).sort());
  });

  it("refuses two copies of one shard with exit 2 and one line, writing nothing", async () => {
    const out = reportDir();
    const result = await runCli(["merge", dirs.one, dirs.one, "--report-dir", out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("shard 1/2 appears twice");
    expect(existsSync(join(out, "summary.json"))).toBe(false);
  });

  it("lists a missing shard's behaviours as skipped, names the gap and exits 1", async () => {
    const out = reportDir();
    const result = await runCli(["merge", dirs.one, "--report-dir", out]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/GAP: \d+ behaviours not run: .*not merged: 2\/2/);
    const merged = readSummary(out);
    const skipped = merged.behaviours
      .filter((behaviour) => behaviour.status === "skipped")
      .map((behaviour) => behaviour.id);
    expect(skipped.sort()).toEqual(ids(readSummary(dirs.two)).sort());
  });
});

describe("what a shard's membership is read from", () => {
  it("finds a *.behaviours.ts beside every suites test file", () => {
    const suites = fileURLToPath(new URL("../../suites", import.meta.url));
    const tests = readdirSync(suites, { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".test.ts"),
    );
    expect(tests.length).toBeGreaterThan(0);
    expect(
      tests.filter(
        (name) => !existsSync(join(suites, name.replace(/\.test\.ts$/, ".behaviours.ts"))),
      ),
    ).toEqual([]);
  });
});
