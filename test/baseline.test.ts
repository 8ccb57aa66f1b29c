import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config.ts";
import {
  applyBaseline,
  compareSummaries,
  exitCodeOnlyRegressions,
  formatDiff,
  readSummaryFile,
} from "../reporters/baseline.ts";
import type { Change } from "../reporters/baseline.ts";
import { exitCodeOf } from "../reporters/summary.ts";
import type { BehaviourStatus, Summary } from "../reporters/summary.ts";
import { applyWaivers } from "../reporters/waive.ts";
import { behaviour, summaryOf } from "./support/summaries.ts";
import { expectValidSummary } from "./support/summary-schema.ts";

const dir = mkdtempSync(join(tmpdir(), "smc-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Level = "MUST" | "SHOULD";
type Side = BehaviourStatus | "absent";

function changeOf(before: Side, after: Side, level: Level = "MUST"): Change {
  const side = (status: Side): Summary =>
    summaryOf(...(status === "absent" ? [] : [behaviour("MAP-X", status, level)]));
  const entry = compareSummaries(side(before), side(after)).entries[0];
  if (entry === undefined) throw new Error("no entry");
  return entry.change;
}

describe("compareSummaries classifies each behaviour", () => {
  it.each<[Side, Side, Level, Change]>([
    ["passed", "passed", "MUST", "unchanged"],
    ["passed", "failed", "MUST", "regressed"],
    ["passed", "warned", "SHOULD", "regressed"],
    ["warned", "failed", "SHOULD", "regressed"],
    ["passed", "waived", "MUST", "regressed"],
    ["failed", "passed", "MUST", "fixed"],
    ["warned", "passed", "SHOULD", "fixed"],
    ["waived", "passed", "MUST", "fixed"],
    ["failed", "failed", "MUST", "still failing"],
    ["warned", "warned", "SHOULD", "still failing"],
    ["failed", "warned", "SHOULD", "still failing"],
    ["failed", "waived", "MUST", "still failing"],
    ["waived", "failed", "MUST", "still failing"],
    ["waived", "warned", "SHOULD", "still failing"],
    ["absent", "passed", "MUST", "new"],
    ["absent", "failed", "MUST", "new"],
    ["skipped", "failed", "MUST", "new"],
    ["skipped", "passed", "MUST", "new"],
    ["passed", "absent", "MUST", "removed"],
    ["failed", "absent", "MUST", "removed"],
    ["passed", "skipped", "MUST", "not run"],
    ["failed", "skipped", "MUST", "not run"],
    ["skipped", "skipped", "MUST", "unchanged"],
    // Broken, like skipped, says nothing about the target: no rank.
    ["passed", "broken", "MUST", "not run"],
    ["failed", "broken", "MUST", "not run"],
    ["broken", "failed", "MUST", "new"],
    ["broken", "passed", "MUST", "new"],
    ["broken", "broken", "MUST", "unchanged"],
    ["skipped", "broken", "MUST", "unchanged"],
  ])("%s → %s (%s) is %s", (before, after, level, change) => {
    expect(changeOf(before, after, level)).toBe(change);
  });

  it("lists the later run's behaviours in order, then the removed ones, and counts every change", () => {
    const before = summaryOf(
      behaviour("MAP-A", "passed"),
      behaviour("MAP-GONE", "passed"),
      behaviour("MAP-B", "failed"),
    );
    const after = summaryOf(
      behaviour("MAP-B", "passed"),
      behaviour("MAP-A", "failed"),
      behaviour("MAP-NEW", "passed"),
    );
    const diff = compareSummaries(before, after);
    expect(diff.entries.map((e) => [e.id, e.before, e.after, e.change])).toEqual([
      ["MAP-B", "failed", "passed", "fixed"],
      ["MAP-A", "passed", "failed", "regressed"],
      ["MAP-NEW", undefined, "passed", "new"],
      ["MAP-GONE", "passed", undefined, "removed"],
    ]);
    expect(diff.counts).toEqual({
      regressed: 1,
      fixed: 1,
      "still failing": 0,
      new: 1,
      removed: 1,
      "not run": 0,
      unchanged: 0,
    });
    expect(diff.entries[1]?.failure).toBe("MAP-A: received 500; documented 200");
  });
});

describe("applyBaseline", () => {
  it("marks each behaviour with its change and lists them under baseline", () => {
    const before = summaryOf(
      behaviour("MAP-A", "passed"),
      behaviour("MAP-B", "failed"),
      behaviour("MAP-C", "failed"),
      behaviour("MAP-GONE", "passed"),
    );
    const after = summaryOf(
      behaviour("MAP-A", "failed"),
      behaviour("MAP-B", "passed"),
      behaviour("MAP-C", "failed"),
      behaviour("MAP-D", "skipped"),
    );
    const marked = applyBaseline(after, compareSummaries(before, after), "old/summary.json");
    expectValidSummary(marked);
    expect(marked.behaviours.map((b) => [b.id, b.change])).toEqual([
      ["MAP-A", "regressed"],
      ["MAP-B", "fixed"],
      ["MAP-C", "still failing"],
      ["MAP-D", "new"],
    ]);
    expect(marked.baseline).toEqual({
      file: "old/summary.json",
      regressed: ["MAP-A"],
      fixed: ["MAP-B"],
      stillFailing: ["MAP-C"],
      new: ["MAP-D"],
      removed: ["MAP-GONE"],
      notRun: [],
    });
    expect(marked.totals).toEqual(after.totals);
    // The baseline changes what is reported, not the plain exit status.
    expect(exitCodeOf(marked, false)).toBe(exitCodeOf(after, false));
  });

  it("keeps what waivers added", () => {
    const before = summaryOf(behaviour("MAP-A", "failed"));
    const waived = applyWaivers(
      summaryOf(behaviour("MAP-A", "failed")),
      [{ id: "MAP-A", reason: "r", expires: "2099-01-01" }],
      new Date(),
    );
    const marked = applyBaseline(waived, compareSummaries(before, waived), "b.json");
    expectValidSummary(marked);
    expect(marked.behaviours[0]).toMatchObject({
      status: "waived",
      change: "still failing",
      waiver: { reason: "r" },
    });
    expect(marked.waivers.applied).toEqual(["MAP-A"]);
  });

  it("refuses a diff computed from another summary", () => {
    const diff = compareSummaries(summaryOf(), summaryOf(behaviour("MAP-A", "passed")));
    expect(() => applyBaseline(summaryOf(behaviour("MAP-Z", "passed")), diff, "b.json")).toThrow(
      /no entry for MAP-Z/,
    );
  });
});

describe("formatDiff", () => {
  it("prints one line per moved verdict, attention first, then the counts", () => {
    const before = summaryOf(
      behaviour("MAP-FIXED", "failed"),
      behaviour("MAP-REGRESSED", "passed"),
      behaviour("MAP-SAME", "passed"),
      behaviour("MAP-KNOWN", "failed"),
      behaviour("MAP-GONE", "passed"),
      behaviour("MAP-SKIP", "passed"),
    );
    const after = summaryOf(
      behaviour("MAP-FIXED", "passed"),
      behaviour("MAP-REGRESSED", "failed"),
      behaviour("MAP-SAME", "passed"),
      behaviour("MAP-KNOWN", "failed"),
      behaviour("MAP-SKIP", "skipped"),
      behaviour("MAP-SHOULD", "warned", "SHOULD"),
    );
    expect(formatDiff(compareSummaries(before, after))).toBe(
      [
        "regressed  MAP-REGRESSED  MUST    passed → failed  MAP-REGRESSED: received 500; documented 200",
        "fixed      MAP-FIXED      MUST    failed → passed",
        "new        MAP-SHOULD     SHOULD  absent → warned  MAP-SHOULD: received 500; documented 200",
        "removed    MAP-GONE       MUST    passed → absent",
        "not run    MAP-SKIP       MUST    passed → skipped",
        "",
        "1 regressed, 1 fixed, 1 still failing, 1 new, 1 removed, 1 not run, 1 unchanged",
        "",
      ].join("\n"),
    );
  });

  it("says so when no verdict moved", () => {
    const same = summaryOf(behaviour("MAP-A", "passed"), behaviour("MAP-B", "failed"));
    expect(formatDiff(compareSummaries(same, same))).toBe(
      "no behaviour changed its verdict\n\n0 regressed, 0 fixed, 1 still failing, 0 new, 0 removed, 0 not run, 1 unchanged\n",
    );
  });

  it("keeps a long or multi-line failure on its behaviour's line", () => {
    const after = summaryOf({
      ...behaviour("MAP-A", "failed"),
      failures: [
        { message: `first\nsecond ${"x".repeat(300)}`, check: "c", received: "r", documented: "d" },
      ],
    });
    const text = formatDiff(compareSummaries(summaryOf(behaviour("MAP-A", "passed")), after));
    const line = text.split("\n")[0] ?? "";
    expect(line).toMatch(/^regressed {2}MAP-A {2}MUST {4}passed → failed {2}first second x+…$/);
    expect(line.length).toBeLessThan(220);
  });
});

describe("exitCodeOnlyRegressions", () => {
  it.each<[Side, Side, Level, boolean, 0 | 1 | 2]>([
    ["passed", "failed", "MUST", false, 1],
    ["absent", "failed", "MUST", false, 1],
    ["skipped", "failed", "MUST", false, 1],
    ["failed", "failed", "MUST", false, 0],
    ["waived", "failed", "MUST", false, 0],
    ["passed", "waived", "MUST", false, 0],
    ["passed", "warned", "SHOULD", false, 0],
    ["passed", "warned", "SHOULD", true, 1],
    ["warned", "warned", "SHOULD", true, 0],
    ["passed", "skipped", "MUST", false, 0],
    ["failed", "absent", "MUST", false, 0],
    // The later run could not be judged whole: exit 2, as a run with a broken behaviour.
    ["passed", "broken", "MUST", false, 2],
    ["broken", "broken", "SHOULD", false, 2],
    ["broken", "passed", "MUST", false, 0],
  ])("%s → %s (%s, strict %s) exits %i", (before, after, level, strict, code) => {
    const side = (status: Side): Summary =>
      summaryOf(...(status === "absent" ? [] : [behaviour("MAP-X", status, level)]));
    expect(exitCodeOnlyRegressions(compareSummaries(side(before), side(after)), strict)).toBe(code);
  });

  it("passes a target whose known failures stay the same, even though plain exit status fails it", () => {
    const known = summaryOf(behaviour("MAP-A", "failed"), behaviour("MAP-B", "passed"));
    expect(exitCodeOnlyRegressions(compareSummaries(known, known))).toBe(0);
  });
});

describe("readSummaryFile", () => {
  const write = (name: string, content: unknown): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  };

  it("reads a summary.json back, broken behaviours too", () => {
    const summary = summaryOf(
      behaviour("MAP-A", "failed"),
      behaviour("MAP-B", "passed"),
      behaviour("MAP-C", "broken"),
    );
    expectValidSummary(summary);
    expect(readSummaryFile(write("summary.json", summary))).toEqual(summary);
  });

  const good = summaryOf(behaviour("MAP-A", "passed"));
  it.each<[string, string, unknown, RegExp]>([
    ["not JSON", "broken.json", "{ nope", /not valid JSON/],
    [
      "another tool's JSON",
      "other.json",
      { tool: { name: "schemathesis" }, behaviours: [] },
      /not a sync-map-conformance summary/,
    ],
    ["JSON null", "null.json", "null", /not a sync-map-conformance summary/],
    [
      "no behaviours list",
      "nobeh.json",
      { ...good, behaviours: undefined },
      /has no behaviours list/,
    ],
    [
      "a behaviour without id",
      "noid.json",
      { ...good, behaviours: [{ status: "passed" }] },
      /behaviour 1: has no id/,
    ],
    [
      "an unknown status",
      "status.json",
      { ...good, behaviours: [{ ...behaviour("MAP-A", "passed"), status: "green" }] },
      /behaviour 1 \(MAP-A\): unknown status "green"/,
    ],
    [
      "an unknown level",
      "level.json",
      { ...good, behaviours: [{ ...behaviour("MAP-A", "passed"), level: "MAY" }] },
      /level must be MUST or SHOULD/,
    ],
    [
      "a repeated id",
      "twice.json",
      { ...good, behaviours: [behaviour("MAP-A", "passed"), behaviour("MAP-A", "failed")] },
      /behaviour 2 \(MAP-A\): the id appears twice/,
    ],
  ])("refuses %s with a one-line ConfigError naming the file", (_what, name, content, message) => {
    const file = write(name, content);
    expect(() => readSummaryFile(file)).toThrow(ConfigError);
    expect(() => readSummaryFile(file)).toThrow(message);
    expect(() => readSummaryFile(file)).toThrow(`summary ${file}: `);
    try {
      readSummaryFile(file);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("refuses a missing file", () => {
    const file = join(dir, "absent.json");
    expect(() => readSummaryFile(file)).toThrow(`summary ${file}: cannot read it (ENOENT)`);
  });
});
