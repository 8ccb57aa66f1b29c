// Over 350 lines on purpose: each refusal of `merge` is one short case over the same shard
// fixtures; the cases read best side by side.
// `merge` joins shard summaries into the one a single run would write, or refuses.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config.ts";
import {
  exitCodeOfMerge,
  mergeJunit,
  mergeSummaries,
  parseMergeArgs,
  readShards,
  writeMerged,
  type ShardSummary,
} from "../reporters/merge.ts";
import { renderMarkdown } from "../reporters/markdown.ts";
import {
  SUMMARY_SCHEMA_VERSION,
  type Summary,
  type SummaryBehaviour,
} from "../reporters/summary.ts";
import { behaviour, summaryOf } from "./support/summaries.ts";
import { expectValidSummary, readValidSummary } from "./support/summary-schema.ts";

const catalogue = ["AUTH-A", "MAP-B", "MAP-C", "ITEM-D", "SEQ-E"].map((id) => ({
  id,
  level: "MUST" as const,
  resource: "map" as const,
  statement: `${id} holds`,
  source: "seed",
}));

function shard(
  index: number,
  count: number,
  behaviours: SummaryBehaviour[],
  overrides: Partial<Summary> = {},
): ShardSummary {
  return {
    source: `reports-${index}`,
    summary: { ...summaryOf(...behaviours), shard: { index, count }, ...overrides },
  };
}

const reading = (b: SummaryBehaviour, topic: string, value: string): SummaryBehaviour => ({
  ...b,
  readings: [{ topic, reading: value }],
});

describe("mergeSummaries", () => {
  it("lists the union in catalogue order with totals recounted and requests and leaks summed", () => {
    const first = shard(1, 2, [behaviour("SEQ-E", "passed"), behaviour("MAP-B", "failed")], {
      requests: 10,
      leaks: 1,
      durationMs: 9_000,
      startedAt: "2026-03-15T12:00:05.000Z",
      harnessErrors: ["worker died"],
    });
    const second = shard(
      2,
      2,
      [
        behaviour("ITEM-D", "warned", "SHOULD"),
        behaviour("AUTH-A", "passed"),
        behaviour("MAP-C", "skipped"),
      ],
      { requests: 32, leaks: 2, durationMs: 4_000, startedAt: "2026-03-15T12:00:01.000Z" },
    );
    const merged = mergeSummaries([first, second], catalogue);
    expect(merged.behaviours.map((b) => b.id)).toEqual([
      "AUTH-A",
      "MAP-B",
      "MAP-C",
      "ITEM-D",
      "SEQ-E",
    ]);
    expect(merged.totals).toEqual({
      behaviours: 5,
      passed: 2,
      failed: 1,
      warned: 1,
      skipped: 1,
      waived: 0,
      broken: 0,
    });
    expectValidSummary(merged);
    expect(merged.requests).toBe(42);
    expect(merged.leaks).toBe(3);
    expect(merged.durationMs).toBe(9_000);
    expect(merged.startedAt).toBe("2026-03-15T12:00:01.000Z");
    expect(merged.harnessErrors).toEqual(["shard 1/2 (reports-1): worker died"]);
    expect(merged.merged.gaps).toEqual([]);
    expect(merged.shard).toBeUndefined();
  });

  it("gathers the readings of every shard's behaviours", () => {
    const first = shard(1, 2, [
      reading(behaviour("MAP-B", "passed"), "map not-found code", "54200"),
    ]);
    const second = shard(2, 2, [
      reading(behaviour("ITEM-D", "passed"), "map not-found code", "20404"),
      reading(behaviour("AUTH-A", "passed"), "key length", "320"),
    ]);
    expect(mergeSummaries([first, second], catalogue).readings).toEqual([
      { topic: "key length", readings: ["320"] },
      { topic: "map not-found code", readings: ["20404", "54200"] },
    ]);
  });

  it("refuses a behaviour that two shards both list", () => {
    const first = shard(1, 2, [behaviour("AUTH-A", "passed"), behaviour("MAP-B", "passed")]);
    const second = shard(2, 2, [behaviour("MAP-B", "failed")]);
    expect(() => mergeSummaries([first, second], catalogue)).toThrow(ConfigError);
    expect(() => mergeSummaries([first, second], catalogue)).toThrow(
      /MAP-B is in both shard 1\/2 \(reports-1\) and shard 2\/2 \(reports-2\)/,
    );
  });

  it("refuses two whole runs, which list every behaviour twice", () => {
    const whole = { source: "a", summary: summaryOf(behaviour("AUTH-A", "passed")) };
    expect(() => mergeSummaries([whole, { ...whole, source: "b" }], catalogue)).toThrow(
      /AUTH-A is in both a and b/,
    );
  });

  it.each([
    [
      "spec hash",
      { spec: { hash: "other", source: "spec/sync-map.openapi.yaml", gaps: [] } },
      /spec hash other but shard 1\/2 \(reports-1\) has h/,
    ],
    ["seed", { seed: 2 }, /seed 2 but .* has 1/],
    ["profile", { profile: "mock" }, /profile mock/],
    [
      "tool version",
      { tool: { name: "sync-map-conformance" as const, version: "0.2.0" } },
      /tool version 0\.2\.0/,
    ],
  ])("refuses shards that differ in %s", (_name, overrides, message) => {
    const first = shard(1, 2, [behaviour("AUTH-A", "passed")]);
    const second = shard(2, 2, [behaviour("MAP-B", "passed")], overrides);
    expect(() => mergeSummaries([first, second], catalogue)).toThrow(ConfigError);
    expect(() => mergeSummaries([first, second], catalogue)).toThrow(message);
  });

  it("refuses the same shard number twice, and shards cut into different counts", () => {
    expect(() =>
      mergeSummaries(
        [shard(1, 2, [behaviour("AUTH-A", "passed")]), shard(1, 2, [behaviour("MAP-B", "passed")])],
        catalogue,
      ),
    ).toThrow(/shard 1\/2 appears twice/);
    expect(() =>
      mergeSummaries(
        [shard(1, 2, [behaviour("AUTH-A", "passed")]), shard(2, 3, [behaviour("MAP-B", "passed")])],
        catalogue,
      ),
    ).toThrow(/one of 3 shards but .* one of 2/);
  });

  it("refuses a behaviour its catalogue does not know, instead of placing it anywhere", () => {
    expect(() =>
      mergeSummaries([shard(1, 1, [behaviour("MAP-GONE", "passed")])], catalogue),
    ).toThrow(/MAP-GONE .* not in this tool's catalogue/);
  });

  it("lists what no shard ran as skipped, naming the missing shard, and does not exit 0 for a MUST gap", () => {
    const merged = mergeSummaries(
      [
        shard(1, 3, [behaviour("AUTH-A", "passed"), behaviour("MAP-B", "passed")]),
        shard(3, 3, [behaviour("SEQ-E", "passed")]),
      ],
      catalogue,
    );
    const gaps = merged.behaviours.filter((b) => b.status === "skipped");
    expect(gaps.map((b) => b.id)).toEqual(["MAP-C", "ITEM-D"]);
    expect(merged.merged.gaps).toEqual(["MAP-C", "ITEM-D"]);
    for (const gap of gaps) expect(gap.skipReason).toMatch(/not run: .*not merged: 2\/3/);
    expect(merged.totals).toMatchObject({ behaviours: 5, passed: 3, skipped: 2, failed: 0 });
    expect(exitCodeOfMerge(merged, false)).toBe(1);
    // The reports must not call a run with missing MUST behaviours a pass.
    expect(renderMarkdown(merged)).toContain("Incomplete: 2 MUST behaviours no merged shard ran");
    expectValidSummary(merged);
  });

  it("counts a shard's broken behaviour and exits 2, whatever else failed", () => {
    const first = shard(1, 2, [behaviour("AUTH-A", "passed"), behaviour("MAP-B", "broken")]);
    const second = shard(2, 2, [
      behaviour("MAP-C", "failed"),
      behaviour("ITEM-D", "passed"),
      behaviour("SEQ-E", "passed"),
    ]);
    const merged = mergeSummaries([first, second], catalogue);
    expect(merged.totals).toMatchObject({ broken: 1, failed: 1, passed: 3 });
    expect(merged.behaviours.find((b) => b.id === "MAP-B")?.brokenReason).toBe(
      "TypeError: planted harness bug",
    );
    expect(exitCodeOfMerge(merged, false)).toBe(2);
    expect(merged.schemaVersion).toBe(SUMMARY_SCHEMA_VERSION);
    expectValidSummary(merged);
  });

  it("lets a SHOULD gap pass unless --strict, as a warned SHOULD would", () => {
    const levels = catalogue.map((entry) =>
      entry.id === "ITEM-D" ? { ...entry, level: "SHOULD" as const } : entry,
    );
    const merged = mergeSummaries(
      [
        shard(1, 2, [
          behaviour("AUTH-A", "passed"),
          behaviour("MAP-B", "passed"),
          behaviour("MAP-C", "passed"),
        ]),
        shard(2, 2, [behaviour("SEQ-E", "passed")]),
      ],
      levels,
    );
    expect(merged.merged.gaps).toEqual(["ITEM-D"]);
    expect(exitCodeOfMerge(merged, false)).toBe(0);
    expect(exitCodeOfMerge(merged, true)).toBe(1);
  });

  it("exits 0 for complete passing shards and 1 when a shard failed a MUST behaviour", () => {
    const passing = [
      shard(1, 2, [behaviour("AUTH-A", "passed"), behaviour("MAP-B", "passed")]),
      shard(2, 2, [
        behaviour("MAP-C", "passed"),
        behaviour("ITEM-D", "passed"),
        behaviour("SEQ-E", "passed"),
      ]),
    ];
    expect(exitCodeOfMerge(mergeSummaries(passing, catalogue), false)).toBe(0);
    const failing = [
      passing[0]!,
      shard(2, 2, [
        behaviour("MAP-C", "failed"),
        behaviour("ITEM-D", "passed"),
        behaviour("SEQ-E", "passed"),
      ]),
    ];
    expect(exitCodeOfMerge(mergeSummaries(failing, catalogue), false)).toBe(1);
  });

  it("counts what an interrupted shard skipped as not run", () => {
    const interrupted = shard(
      2,
      2,
      [behaviour("MAP-C", "passed"), behaviour("ITEM-D", "skipped"), behaviour("SEQ-E", "skipped")],
      { interrupted: true },
    );
    const merged = mergeSummaries(
      [shard(1, 2, [behaviour("AUTH-A", "passed"), behaviour("MAP-B", "passed")]), interrupted],
      catalogue,
    );
    expect(merged.interrupted).toBe(true);
    expect(merged.merged.notRun).toEqual(["ITEM-D", "SEQ-E"]);
    expect(exitCodeOfMerge(merged, false)).toBe(1);
  });
});

describe("mergeJunit", () => {
  const report = (suites: string, time: string): string =>
    `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="sync-map-conformance" tests="9" failures="9" errors="0" time="${time}">\n${suites}\n</testsuites>\n`;
  const suite = (name: string, tests: number, failures: number): string =>
    `    <testsuite name="${name}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0.1">\n${Array.from({ length: tests }, (_, i) => `        <testcase classname="${name}" name="T${i}" time="0">\n        </testcase>`).join("\n")}\n    </testsuite>`;

  it("puts every shard's testsuite elements under one root with the counts summed", () => {
    const merged = mergeJunit([
      {
        source: "a",
        xml: report(
          `${suite("suites/a.test.ts", 2, 1)}\n${suite("suites/b.test.ts", 3, 0)}`,
          "12.5",
        ),
      },
      { source: "b", xml: report(suite("suites/c.test.ts", 4, 0), "20.25") },
    ]);
    expect(merged.match(/<testsuites\b/g)).toHaveLength(1);
    expect([...merged.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "suites/a.test.ts",
      "suites/b.test.ts",
      "suites/c.test.ts",
    ]);
    expect(merged.match(/<testcase\b/g)).toHaveLength(9);
    expect(merged).toMatch(
      /<testsuites name="sync-map-conformance" tests="9" failures="1" errors="0" time="20.25">/,
    );
  });

  it("refuses a file that is not a JUnit report", () => {
    expect(() => mergeJunit([{ source: "x/junit.xml", xml: "<html></html>" }])).toThrow(
      /x\/junit.xml: not a JUnit report/,
    );
  });
});

describe("parseMergeArgs", () => {
  it("takes directories, --report-dir and --strict", () => {
    expect(parseMergeArgs(["s1", "s2", "--report-dir", "out", "--strict"])).toEqual({
      dirs: ["s1", "s2"],
      reportDir: "out",
      strict: true,
      help: false,
    });
    expect(parseMergeArgs(["s1"])).toMatchObject({ reportDir: "reports", strict: false });
  });

  it.each([[[]], [["--report-dir", "out"]], [["s1", "--seed", "1"]]])("refuses %j", (argv) => {
    expect(() => parseMergeArgs(argv)).toThrow(ConfigError);
  });
});

describe("writeMerged", () => {
  function shardDir(root: string, name: string, summary: Summary, results: string[]): string {
    const dir = join(root, name);
    mkdirSync(join(dir, "allure-results"), { recursive: true });
    writeFileSync(join(dir, "summary.json"), JSON.stringify(summary));
    for (const file of results) writeFileSync(join(dir, "allure-results", file), "{}");
    return dir;
  }

  it("copies every shard's Allure files, notes a missing junit.xml, and refuses to write into a shard directory", () => {
    const root = mkdtempSync(join(tmpdir(), "smc-merge-"));
    const one = shardDir(root, "one", shard(1, 2, [behaviour("AUTH-A", "passed")]).summary, [
      "u1-result.json",
      "u1-attachment.txt",
    ]);
    const two = shardDir(root, "two", shard(2, 2, [behaviour("MAP-B", "passed")]).summary, [
      "u2-result.json",
    ]);
    const merged = mergeSummaries(readShards([one, two]), catalogue);
    const out = join(root, "out");
    const { file, notes } = writeMerged(out, merged, [one, two]);
    expect(readdirSync(join(out, "allure-results")).sort()).toEqual([
      "u1-attachment.txt",
      "u1-result.json",
      "u2-result.json",
    ]);
    expect(notes).toEqual([
      `${one} has no junit.xml: the merged junit.xml lacks its test cases`,
      `${two} has no junit.xml: the merged junit.xml lacks its test cases`,
    ]);
    expect((readValidSummary(out) as Summary).behaviours.map((b) => b.id)).toEqual(
      catalogue.map((entry) => entry.id),
    );
    expect(file).toBe(join(out, "summary.json"));
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(["summary.json", "report.md", "report.html", "junit.xml"]),
    );
    expect(() => writeMerged(one, merged, [one, two])).toThrow(/also a shard directory/);
  });

  it("copies each shard's saved counterexamples and points the merged failures at the copies", () => {
    const root = mkdtempSync(join(tmpdir(), "smc-merge-"));
    const failing: SummaryBehaviour = {
      ...behaviour("SEQ-E", "failed"),
      failures: [
        {
          message: "diverged",
          check: "model",
          received: "1",
          documented: "2",
          sequence: {
            seed: 9,
            path: "0:1",
            script: ["1. CreateSyncMap"],
            file: "/elsewhere/shard-2/counterexamples/SEQ-E-9.json",
          },
        },
      ],
    };
    const one = shardDir(root, "one", shard(1, 2, [behaviour("AUTH-A", "passed")]).summary, []);
    const two = shardDir(root, "two", shard(2, 2, [failing]).summary, []);
    mkdirSync(join(two, "counterexamples"));
    writeFileSync(join(two, "counterexamples", "SEQ-E-9.json"), '{"behaviour":"SEQ-E"}');
    const out = join(root, "out");
    const { file } = writeMerged(out, mergeSummaries(readShards([one, two]), catalogue), [
      one,
      two,
    ]);
    const copy = join(out, "counterexamples", "SEQ-E-9.json");
    expect(readFileSync(copy, "utf8")).toBe('{"behaviour":"SEQ-E"}');
    expect(file).toBe(join(out, "summary.json"));
    const merged = readValidSummary(out) as Summary;
    expect(merged.behaviours.find((b) => b.id === "SEQ-E")?.failures[0]?.sequence?.file).toBe(copy);
  });
});
