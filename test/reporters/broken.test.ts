// A behaviour the harness could not judge is "broken": its own status in summary.json,
// counted, printed, shown on both pages and as a JUnit <error>, and the run exits 2.
import { describe, expect, it } from "vitest";
import type { BehaviourEntry } from "../../src/catalogue/catalogue.ts";
import type { CollectedTest } from "../../reporters/collector.ts";
import { renderHtml } from "../../reporters/html.ts";
import { junitWithBrokenAsErrors } from "../../reporters/junit.ts";
import { renderMarkdown } from "../../reporters/markdown.ts";
import {
  SUMMARY_SCHEMA_VERSION,
  buildSummary,
  exitCodeOf,
  type Summary,
} from "../../reporters/summary.ts";
import { formatTotals, formatVerdict } from "../../reporters/verdict.ts";
import type { BehaviourMeta } from "../../src/vitest/target.ts";
import { expectValidSummary } from "../support/summary-schema.ts";

function entry(id: string, level: "MUST" | "SHOULD" = "MUST"): BehaviourEntry {
  const base = { id, level, resource: "map" as const, operations: ["CreateSyncMap"] };
  return { ...base, statement: `${id} holds.`, source: "seed", profiles: ["full", "mock"] };
}

function meta(
  id: string,
  outcome: BehaviourMeta["outcome"],
  extra: Partial<BehaviourMeta> = {},
): BehaviourMeta {
  const failures =
    outcome === "failed"
      ? [{ check: "status_is", title: "status is off", received: "500", documented: "201" }]
      : [];
  return {
    id,
    outcome,
    failures,
    readings: [],
    requests: 2,
    leakedSids: [],
    durationMs: 5,
    ...extra,
  };
}

const catalogue = [
  entry("MAP-PASS"),
  entry("MAP-FAIL"),
  entry("MAP-WARN", "SHOULD"),
  entry("MAP-BROKEN"),
  entry("MAP-HOOK"),
  entry("MAP-ABSENT"),
];

const tests: CollectedTest[] = [
  { id: "MAP-PASS", state: "passed", meta: meta("MAP-PASS", "passed"), errors: [] },
  { id: "MAP-FAIL", state: "failed", meta: meta("MAP-FAIL", "failed"), errors: [] },
  { id: "MAP-WARN", state: "passed", meta: meta("MAP-WARN", "failed"), errors: [] },
  {
    id: "MAP-BROKEN",
    state: "failed",
    meta: meta("MAP-BROKEN", "broken", { brokenReason: "TypeError: planted harness bug" }),
    errors: [],
  },
  // A hook threw or the test timed out before a result existed.
  { id: "MAP-HOOK", state: "failed", errors: ["Hook timed out in 60000ms."] },
];

function summaryFrom(collected: readonly CollectedTest[], entries = catalogue): Summary {
  return buildSummary({
    version: "0.1.0",
    baseUrl: "http://127.0.0.1:4010",
    embedded: false,
    profile: "full",
    seed: 3,
    runPrefix: "smc-broken-",
    specHash: "h",
    specSource: "spec/sync-map.openapi.yaml",
    specGaps: [],
    startedAt: new Date("2026-03-15T12:00:00Z"),
    durationMs: 1234,
    catalogue: entries,
    tests: collected,
    extraRequests: 0,
    leaks: 0,
    harnessErrors: [],
    interrupted: false,
  });
}

const summary = summaryFrom(tests);
const statusOf = (id: string): string | undefined =>
  summary.behaviours.find((behaviour) => behaviour.id === id)?.status;

describe("buildSummary", () => {
  it("tells the target's failures from what the harness could not judge", () => {
    expect(statusOf("MAP-PASS")).toBe("passed");
    expect(statusOf("MAP-FAIL")).toBe("failed");
    expect(statusOf("MAP-WARN")).toBe("warned");
    expect(statusOf("MAP-BROKEN")).toBe("broken");
    expect(statusOf("MAP-HOOK")).toBe("broken");
    expect(statusOf("MAP-ABSENT")).toBe("broken");
    expect(summary.totals).toEqual({
      behaviours: 6,
      passed: 1,
      failed: 1,
      warned: 1,
      skipped: 0,
      waived: 0,
      broken: 3,
    });
  });

  it("gives each broken behaviour its reason and no pseudo-failure", () => {
    const reasons = Object.fromEntries(
      summary.behaviours.filter((b) => b.status === "broken").map((b) => [b.id, b.brokenReason]),
    );
    expect(reasons).toEqual({
      "MAP-BROKEN": "TypeError: planted harness bug",
      "MAP-HOOK": "Hook timed out in 60000ms.",
      "MAP-ABSENT": "the behaviour did not run",
    });
    for (const behaviour of summary.behaviours) {
      expect(behaviour.failures.map((found) => found.check)).not.toContain("harness");
    }
  });

  it("writes a summary valid against the published schema, with its version", () => {
    expect(summary.schemaVersion).toBe(SUMMARY_SCHEMA_VERSION);
    expectValidSummary(summary);
  });
});

describe("exitCodeOf", () => {
  it("is 2 when a behaviour is broken, even beside a failed MUST", () => {
    expect(exitCodeOf(summary, false)).toBe(2);
    expect(exitCodeOf(summary, true)).toBe(2);
  });

  it("is 1 for a failed MUST with nothing broken, and 0 for a warned SHOULD alone", () => {
    const judged = tests.filter((test) => test.id === "MAP-FAIL" || test.id === "MAP-PASS");
    const ids = new Set(judged.map((test) => test.id));
    expect(
      exitCodeOf(
        summaryFrom(
          judged,
          catalogue.filter((e) => ids.has(e.id)),
        ),
        false,
      ),
    ).toBe(1);
    const warned = tests.filter((test) => test.id === "MAP-WARN");
    expect(
      exitCodeOf(
        summaryFrom(
          warned,
          catalogue.filter((e) => e.id === "MAP-WARN"),
        ),
        false,
      ),
    ).toBe(0);
  });
});

describe("the pages and the terminal", () => {
  const html = renderHtml(summary);
  const markdown = renderMarkdown(summary);

  it("report.html marks broken rows and totals, shows the reason, and says the run is broken", () => {
    expect(html).toContain('data-behaviour-id="MAP-BROKEN" data-status="broken"');
    expect(html).toContain('data-total="broken">3<');
    expect(html).toContain('data-verdict="broken"');
    expect(html).toContain(
      "Broken: the harness could not judge 3 behaviours; 1 MUST behaviour failed",
    );
    expect(html).toContain('<pre class="broken-reason">TypeError: planted harness bug</pre>');
    expect(html).toMatch(/\.badge\.status-broken\{color:#c2410c/);
    expect(html).toContain('<label for="filter-broken">broken</label>');
  });

  it("report.md labels broken rows, counts them, and gives the reason", () => {
    expect(markdown).toMatch(/^\*\*Broken: the harness could not judge 3 behaviours/m);
    expect(markdown).toContain("| 6 | 1 | 1 | 3 | 1 | 0 | 0 |");
    expect(markdown).toContain("| 🚧 **broken** | `MAP-BROKEN` |");
    expect(markdown).toContain("### `MAP-BROKEN`: broken (MUST, Maps)");
    expect(markdown).toContain("`TypeError: planted harness bug`");
  });

  it("the terminal verdict counts broken behaviours and names each with its reason", () => {
    expect(formatTotals(summary)).toBe(
      "6 behaviours: 1 passed, 1 failed, 3 broken, 1 warned, 0 skipped, 0 waived; 8 requests, 0 leaks, 1.2 s",
    );
    const printed = formatVerdict(summary, "reports/summary.json");
    expect(printed).toContain("BROKEN MAP-BROKEN (MUST): MAP-BROKEN holds.");
    expect(printed).toContain("  - the harness could not judge it: TypeError: planted harness bug");
    expect(printed).toContain("FAILED MAP-FAIL (MUST)");
    expect(printed).toContain("WARNED MAP-WARN (SHOULD)");
    expect(printed.endsWith("report: reports/summary.json\n")).toBe(true);
  });
});

describe("junitWithBrokenAsErrors", () => {
  const testcase = (name: string, body: string): string =>
    `<testcase classname="suites/maps.test.ts" name="${name}" time="0.1">\n${body}\n</testcase>`;
  const failure = (type: string): string =>
    `<failure message="m" type="${type}">\n${type}: m\n</failure>`;
  const xml = [
    `<testsuites name="sync-map-conformance" tests="3" failures="2" errors="0" time="1">`,
    `<testsuite name="suites/maps.test.ts" tests="3" failures="2" errors="0" skipped="0" time="1">`,
    testcase("Maps &gt; MAP-FAIL: MAP-FAIL holds.", failure("AssertionError")),
    testcase("Maps &gt; MAP-BROKEN: MAP-BROKEN holds.", failure("HarnessError")),
    testcase("Maps &gt; MAP-PASS: MAP-PASS holds.", ""),
    `</testsuite>`,
    `</testsuites>`,
  ].join("\n");

  it("turns the broken behaviour's failure into an error and recounts suite and root", () => {
    const rewritten = junitWithBrokenAsErrors(xml, new Set(["MAP-BROKEN"]));
    const error = `<error message="m" type="HarnessError">\nHarnessError: m\n</error>`;
    expect(rewritten).toContain(testcase("Maps &gt; MAP-BROKEN: MAP-BROKEN holds.", error));
    expect(rewritten).toContain(
      testcase("Maps &gt; MAP-FAIL: MAP-FAIL holds.", failure("AssertionError")),
    );
    expect(rewritten).toContain(
      `<testsuites name="sync-map-conformance" tests="3" failures="1" errors="1" time="1">`,
    );
    expect(rewritten).toContain(
      `<testsuite name="suites/maps.test.ts" tests="3" failures="1" errors="1" skipped="0"`,
    );
    expect(junitWithBrokenAsErrors(rewritten, new Set(["MAP-BROKEN"]))).toBe(rewritten);
  });

  it("leaves the file alone when nothing is broken", () => {
    expect(junitWithBrokenAsErrors(xml, new Set())).toBe(xml);
  });
});
