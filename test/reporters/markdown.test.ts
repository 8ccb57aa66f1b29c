// report.md rendered from hand-made summaries, and what both pages show of a baseline and
// waivers. Fixtures: report-fixtures.ts.
import { describe, expect, it } from "vitest";
import type { BehaviourStatus } from "../../reporters/summary.ts";
import { renderHtml } from "../../reporters/html.ts";
import { renderMarkdown } from "../../reporters/markdown.ts";
import { expectValidSummary } from "../support/summary-schema.ts";
import {
  CURL,
  STATUSES,
  behaviour,
  clean,
  failing,
  summaryOf,
  withFailures,
} from "./report-fixtures.ts";
import { rows } from "./html-parse.ts";

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(withFailures);
  const tableRows = (section: string): string[] =>
    section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Status |"));
  const section = (heading: string): string => {
    const start = markdown.indexOf(`\n${heading}\n`);
    const next = markdown.slice(start + heading.length + 2).search(/\n## /);
    return next === -1
      ? markdown.slice(start)
      : markdown.slice(start, start + heading.length + 2 + next);
  };

  it("has the metadata, a totals table that matches the totals, and the sections in order", () => {
    expect(markdown).toMatch(
      /^# Sync Map conformance report\n\n\*\*Failed: 2 MUST behaviours failed/,
    );
    expect(markdown).toContain(
      "| Behaviours | Passed | Failed | Broken | Warned | Skipped | Waived |\n|---|---|---|---|---|---|---|\n| 9 | 4 | 2 | 0 | 1 | 1 | 1 |",
    );
    for (const line of [
      "| Tool | sync-map-conformance 0.1.0 |",
      "| Seed | `42` |",
      `| Spec hash | \`${withFailures.spec.hash}\` |`,
      "| Requests made | 955 |",
      "| Duration | 15.0 s |",
      "| Profile | full |",
      "| Spec | `/ci/vendor/twilio_sync_v1.json` |",
      "| Spec gap | declares no TwilioError schema: error bodies are checked against the built-in one (code, message, more_info, status) |",
    ]) {
      expect(markdown).toContain(line);
    }
    const order = [
      "## Compared with the baseline",
      "## Totals",
      "## Harness errors",
      "## Failures",
      "## Behaviours",
      "## Readings",
    ].map((heading) => markdown.indexOf(`\n${heading}\n`));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("has a table per resource whose rows match the totals", () => {
    const behaviours = section("## Behaviours");
    const headings = [...behaviours.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(["Maps", "Map Items", "Map Permissions", "Sequences"]);
    const all = tableRows(behaviours);
    expect(all).toHaveLength(withFailures.totals.behaviours);
    const labels: Record<BehaviourStatus, string> = {
      failed: "❌ **failed**",
      broken: "🚧 **broken**",
      warned: "⚠️ **warned**",
      waived: "🔕 waived",
      skipped: "⏭️ skipped",
      passed: "✅ passed",
    };
    for (const status of STATUSES)
      expect(all.filter((row) => row.startsWith(`| ${labels[status]} |`)).length, status).toBe(
        withFailures.totals[status],
      );
    const sequences = behaviours.slice(behaviours.indexOf("### Sequences"));
    expect(tableRows(sequences).map((row) => /`([^`]+)`/.exec(row)?.[1])).toEqual([
      "SEQ-MAPS",
      "SEQ-ITEMS",
    ]);
  });

  it("keeps every table row to its columns, whatever the cells hold", () => {
    for (const table of markdown.split(/\n\n/).filter((block) => block.startsWith("| "))) {
      const widths = table
        .trimEnd()
        .split("\n")
        .map((line) => line.replace(/\\\|/g, "").split("|").length);
      expect(new Set(widths).size, table).toBe(1);
    }
  });

  it("lists each failure with received, documented and a fenced reproduction", () => {
    const failures = section("## Failures");
    expect(failures).toContain("### `MAP-TTL-ALIAS-CREATE`: failed (MUST, Maps)");
    expect(failures).toContain("#### 1. date_expires is off");
    expect(failures).toContain("- Received: `` <script>alert(1)</script> | `600 s` ``");
    expect(failures).toContain("- Documented: `1200 s`");
    expect(failures).toContain("```sh\n" + CURL + "\n```");
    // A fence inside the reproduction gets a longer fence around it.
    expect(failures).toContain(
      "````sh\ncurl -sS -i 'http://127.0.0.1:4010/v1/x'\n# ```\n# a fence inside the answer\n````",
    );
    expect(failures).toContain("### `ITEM-ETAG-QUOTED`: warned (SHOULD, Map Items)");
    expect(failures).toContain(
      "Waived: our mock \\<b\\>always\\</b\\> fills missing flags (expires 2027-01-31)",
    );
    expect(failures).not.toContain("ITEM-TTL-EXPIRY");
  });

  it("gives a sequence failure its seed, path, counterexample and shrunk script", () => {
    const failures = section("## Failures");
    expect(failures).toContain("### `SEQ-MAPS`: failed (MUST, Sequences)");
    expect(failures).toContain("- Seed: `617016125`, path: `6:3:1`");
    expect(failures).toContain(
      "- Counterexample: `/tmp/reports/counterexamples/SEQ-MAPS-617016125.json`",
    );
    expect(failures).toContain(
      "Shrunk script:\n\n```text\n1. CreateMap(no name)\n2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)\n```",
    );
  });

  it("escapes HTML outside code, so a target cannot inject markup", () => {
    const outsideCode = markdown
      .replace(/(`{3,})[a-z]*\n[\s\S]*?\n\1/g, "")
      .replace(/(`+)[\s\S]*?\1/g, "");
    expect(outsideCode).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(markdown).toContain("suites/maps/ttl.test.ts: <hook> timed out"); // inside the fenced harness-errors block
  });

  it("shows the baseline, change and waiver when present", () => {
    expect(section("## Compared with the baseline")).toContain(
      "- **Regressed** (1): `MAP-TTL-ALIAS-CREATE`\n- **Fixed** (1): `PERM-UPSERT`",
    );
    expect(markdown).toContain(
      "| Status | ID | Level | Statement | Source | Requests | Time | Change | Waiver |",
    );
    expect(markdown).toMatch(/\| `ITEM-ETAG-QUOTED` \|.*\| still failing \|\s+\|$/m);
    expect(markdown).toMatch(
      /\| `PERM-FLAG-MISSING` \|.*\| our mock \\<b\\>always\\<\/b\\> fills missing flags \(expires 2027-01-31\) \|$/m,
    );
  });

  it("has a Readings section naming the reading the target follows", () => {
    const readings = section("## Readings");
    expect(readings).toContain("| map not-found code | `54200` | `MAP-CREATE-SID` |");
    expect(readings).toContain(
      "| item key maximum length | `256`, `320` *(more than one: the target is not consistent)* |  |",
    );
  });

  it("renders a clean run without baseline, change or waiver", () => {
    const page = renderMarkdown(clean);
    expect(page).toContain("**Passed: every MUST behaviour passed**");
    expect(page).toContain("## Failures\n\nNone.");
    expect(page).not.toContain("## Compared with the baseline");
    expect(page).toContain("| Status | ID | Level | Statement | Source | Requests | Time |\n");
    expect(page).toContain("## Readings\n\nWhere the documents disagree");
  });
});

describe("baselines and waivers from the later reporters", () => {
  const expired = behaviour({
    id: "ITEM-ETAG-QUOTED",
    resource: "item",
    status: "failed",
    change: "not run",
    waiver: { reason: "vendor fix due", expires: "2026-01-31", expired: true },
    failures: [
      {
        message: 'ETag: received abc; documented "abc"',
        check: "etag_quoted",
        received: "abc",
        documented: '"abc"',
      },
    ],
  });
  const extended = summaryOf(
    [...failing.filter((entry) => entry.id !== "ITEM-ETAG-QUOTED"), expired],
    {
      baseline: {
        file: "base.json",
        regressed: [],
        fixed: ["PERM-UPSERT"],
        stillFailing: ["MAP-TTL-ALIAS-CREATE"],
        new: ["SEQ-MAPS"],
        removed: ["MAP-<gone>"],
        notRun: [],
      },
      waivers: {
        applied: ["PERM-FLAG-MISSING"],
        expired: ["ITEM-ETAG-QUOTED"],
        stale: [],
        unknown: ["NO-SUCH-ID"],
        notRun: [],
      },
    },
  );

  it("are summaries as written: valid against the published schema", () => {
    expectValidSummary(extended);
    expectValidSummary(clean);
  });

  it("lists every non-empty baseline list, linking only ids that are rows of this run", () => {
    const html = renderHtml(extended);
    expect([...html.matchAll(/data-baseline="([^"]+)"/g)].map((match) => match[1])).toEqual([
      "regressed",
      "fixed",
      "still-failing",
      "new",
      "removed",
    ]);
    expect(html).toMatch(
      /data-baseline="regressed"><h3[^>]*>Regressed \(0\)<\/h3><span class="none">none<\/span>/,
    );
    expect(html).toContain(
      '<div data-baseline="removed"><h3 class="change-removed">Removed (1)</h3><ul><li><code>MAP-&lt;gone&gt;</code></li></ul></div>',
    );
    const markdown = renderMarkdown(extended);
    expect(markdown).toContain(
      "- **Regressed** (0): none\n- **Fixed** (1): `PERM-UPSERT`\n- **Still failing** (1): `MAP-TTL-ALIAS-CREATE`\n- **New** (1): `SEQ-MAPS`\n- **Removed** (1): `MAP-<gone>`",
    );
  });

  it("shows where each waiver went, and marks an expired one on its failing behaviour", () => {
    const html = renderHtml(extended);
    expect([...html.matchAll(/data-waivers="([^"]+)"/g)].map((match) => match[1])).toEqual([
      "applied",
      "expired",
      "unknown",
    ]);
    expect(html).toContain(
      '<span class="waiver-reason" data-waiver-expired="true">vendor fix due</span> <span class="expires expired">(expired 2026-01-31)</span>',
    );
    expect(html).toContain("Waiver expired, no longer applied: ");
    expect(rows(html).find((row) => row.id === "ITEM-ETAG-QUOTED")).toEqual({
      id: "ITEM-ETAG-QUOTED",
      status: "failed",
      change: "not run",
    });
    const markdown = renderMarkdown(extended);
    expect(markdown).toContain(
      "## Waivers\n\n- **Applied (the behaviour fails; reported as waived)** (1): `PERM-FLAG-MISSING`",
    );
    expect(markdown).toContain("- **Unknown (no behaviour has this id)** (1): `NO-SUCH-ID`");
    expect(markdown).toContain(
      "Waiver expired, no longer applied: vendor fix due (**expired** 2026-01-31)",
    );
  });
});
