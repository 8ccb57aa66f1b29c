// report.md and report.html rendered from hand-made summaries: the hooks a browser test
// relies on, grouping, counts that agree with the totals, escaping of whatever a target
// sends, and no secret on the page.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BEHAVIOUR_STATUSES, SUMMARY_SCHEMA_VERSION, countTotals, type BehaviourStatus } from "../../reporters/summary.ts";
import type { RenderableBehaviour, RenderableSummary } from "../../reporters/render-shared.ts";
import { renderHtml, writeReports } from "../../reporters/html.ts";
import { renderMarkdown } from "../../reporters/markdown.ts";
import { expectValidSummary } from "../support/summary-schema.ts";

const STATUSES = BEHAVIOUR_STATUSES;

const CURL = [
  `curl -sS -i -X POST 'http://127.0.0.1:4010/v1/Services/IS00000000000000000000000000000000/Maps' -u "AC00000000000000000000000000000000:$TWILIO_AUTH_TOKEN" \\`,
  `  --data-urlencode 'Ttl=600' --data-urlencode 'CollectionTtl=1200'`,
  `# answered: 201 {"sid":"MP1","note":"<script>alert('repro')</script>","token":"[REDACTED]"}`,
].join("\n");

function behaviour(partial: Partial<RenderableBehaviour> & Pick<RenderableBehaviour, "id" | "status">): RenderableBehaviour {
  return {
    level: "MUST",
    resource: "map",
    statement: `Statement of ${partial.id}.`,
    source: "seed map-resource; https://www.twilio.com/docs/sync/api/map-resource",
    failures: [],
    readings: [],
    requests: 3,
    durationMs: 12,
    ...partial,
  };
}

function summaryOf(behaviours: readonly RenderableBehaviour[], extra: Partial<RenderableSummary> = {}): RenderableSummary {
  const totals = countTotals(behaviours);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: "sync-map-conformance", version: "0.1.0" },
    target: { baseUrl: "http://127.0.0.1:4010", embedded: false },
    profile: "full",
    seed: 42,
    runPrefix: "smc-abc123-def456-",
    spec: {
      hash: "0fdc51f03c9bbdd17232b8fe944f3fab93449e535d5b6ebe0f1e247de8014f1a",
      source: "/ci/vendor/twilio_sync_v1.json",
      gaps: ["declares no TwilioError schema: error bodies are checked against the built-in one (code, message, more_info, status)"],
    },
    startedAt: "2026-11-27T05:25:45.792Z",
    durationMs: 14_989,
    totals,
    behaviours,
    readings: [],
    requests: 955,
    leaks: 0,
    harnessErrors: [],
    interrupted: false,
    ...extra,
  };
}

const failing: readonly RenderableBehaviour[] = [
  behaviour({ id: "MAP-CREATE-SID", status: "passed", readings: [{ topic: "map not-found code", reading: "54200" }] }),
  behaviour({
    id: "MAP-TTL-ALIAS-CREATE",
    status: "failed",
    change: "regressed",
    failures: [
      {
        message: "date_expires is off: received <script>alert(1)</script> | `600 s`; documented 1200 s",
        check: "expiry_derives_from_ttl",
        received: "<script>alert(1)</script> | `600 s`",
        documented: "1200 s",
        reproduction: CURL,
      },
      {
        message: "date_updated is off: received 2026-11-27T05:25:40Z; documented after the write",
        check: "date_updated_after_write",
        received: "2026-11-27T05:25:40Z",
        documented: "after the write",
      },
    ],
  }),
  behaviour({ id: "ITEM-KEY-UNICODE", resource: "item", status: "passed", change: "unchanged" }),
  behaviour({
    id: "ITEM-ETAG-QUOTED",
    resource: "item",
    level: "SHOULD",
    status: "warned",
    change: "still failing",
    failures: [
      {
        message: "ETag is not quoted: received abc; documented \"abc\"",
        check: "etag_quoted",
        received: "abc",
        documented: '"abc"',
        reproduction: "curl -sS -i 'http://127.0.0.1:4010/v1/x'\n# ```\n# a fence inside the answer",
      },
    ],
  }),
  behaviour({ id: "ITEM-TTL-EXPIRY", resource: "item", status: "skipped", skipReason: "not run: the run was interrupted" }),
  behaviour({ id: "PERM-UPSERT", resource: "permission", status: "passed", change: "fixed" }),
  behaviour({
    id: "PERM-FLAG-MISSING",
    resource: "permission",
    status: "waived",
    waiver: { reason: "our mock <b>always</b> fills missing flags", expires: "2027-01-31" },
    failures: [
      {
        message: "missing flag accepted: received 200; documented 400",
        check: "status_is",
        received: "200 with Authorization: Basic QUM6c2VjcmV0dG9rZW4= echoed",
        documented: "400",
        reproduction: "curl -sS -i -X POST 'http://127.0.0.1:4010/v1/p' -u \"AC1:$TWILIO_AUTH_TOKEN\"\n# token [REDACTED]",
      },
    ],
  }),
  behaviour({
    id: "SEQ-MAPS",
    resource: "map",
    status: "failed",
    change: "new",
    durationMs: 170,
    failures: [
      {
        message: "After 2 calls: The target disagrees with the model: received revision \"ttl-0\" again; documented a new revision",
        check: "model_property_holds",
        received: 'revision "ttl-0" again',
        documented: "a new revision",
        reproduction: `fast-check seed 617016125, path "6:3:1"\n1. CreateMap(no name)\n2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)\n${CURL}`,
        sequence: {
          seed: 617016125,
          path: "6:3:1",
          script: ["1. CreateMap(no name)", "2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)"],
          file: "/tmp/reports/counterexamples/SEQ-MAPS-617016125.json",
        },
      },
    ],
  }),
  behaviour({ id: "SEQ-ITEMS", resource: "item", status: "passed" }),
];

const withFailures = summaryOf(failing, {
  readings: [
    { topic: "map not-found code", readings: ["54200"] },
    { topic: "item key maximum length", readings: ["256", "320"] },
  ],
  baseline: { file: "baselines/main.json", regressed: ["MAP-TTL-ALIAS-CREATE"], fixed: ["PERM-UPSERT"] },
  harnessErrors: ["suites/maps/ttl.test.ts: <hook> timed out"],
  leaks: 1,
});

const clean = summaryOf([
  behaviour({ id: "MAP-CREATE-SID", status: "passed" }),
  behaviour({ id: "ITEM-KEY-UNICODE", resource: "item", status: "passed" }),
  behaviour({ id: "PERM-UPSERT", resource: "permission", status: "passed" }),
  behaviour({ id: "SEQ-MAPS", status: "passed" }),
]);

function unescapeHtml(value: string): string {
  return value.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

function rows(html: string): Array<{ id: string; status: string; change?: string }> {
  return [...html.matchAll(/<tr [^>]*data-behaviour-id="([^"]*)" data-status="([^"]*)"[^>]*>/g)].map((match) => {
    const change = /data-change="([^"]*)"/.exec(match[0])?.[1];
    return { id: unescapeHtml(match[1] ?? ""), status: match[2] ?? "", ...(change === undefined ? {} : { change }) };
  });
}

function groupsOf(html: string): Array<{ key: string; ids: string[] }> {
  return html
    .split(/<section class="group" /)
    .slice(1)
    .map((chunk) => ({ key: /data-group="([^"]*)"/.exec(chunk)?.[1] ?? "", ids: rows(chunk.split("</section>")[0] ?? "").map((row) => row.id) }));
}

/** Every non-void element closes, in order: the page is not cut short by what a target sent. */
function unbalancedTags(html: string): string[] {
  const voids = new Set(["meta", "input", "br", "hr", "img", "link"]);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<!DOCTYPE html>/i, "");
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, rawName] = match;
    const name = (rawName ?? "").toLowerCase();
    if (voids.has(name)) continue;
    if (closing === "") stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${match.index}`);
  }
  return [...problems, ...stack.map((name) => `<${name}> never closed`)];
}

describe("renderHtml", () => {
  const html = renderHtml(withFailures);

  it("marks each behaviour row with its id and status, and the row counts match the totals", () => {
    const found = rows(html);
    expect(found.map((row) => row.id).sort()).toEqual(failing.map((entry) => entry.id).sort());
    for (const status of STATUSES) expect(found.filter((row) => row.status === status).length, status).toBe(withFailures.totals[status]);
  });

  it("shows every total under a data-total hook", () => {
    for (const key of ["behaviours", ...STATUSES] as const) {
      expect(html).toContain(`data-total="${key}">${withFailures.totals[key]}<`);
    }
  });

  it("groups behaviours by resource, with SEQ-* behaviours under Sequences and failing ones first", () => {
    const groups = groupsOf(html);
    expect(groups.map((group) => group.key)).toEqual(["maps", "items", "permissions", "sequences"]);
    expect(groups[0]?.ids).toEqual(["MAP-TTL-ALIAS-CREATE", "MAP-CREATE-SID"]);
    expect(groups[1]?.ids).toEqual(["ITEM-ETAG-QUOTED", "ITEM-TTL-EXPIRY", "ITEM-KEY-UNICODE"]);
    expect(groups[2]?.ids).toEqual(["PERM-FLAG-MISSING", "PERM-UPSERT"]);
    expect(groups[3]?.ids).toEqual(["SEQ-MAPS", "SEQ-ITEMS"]);
    expect(html).toMatch(/<h3>Map Items <span class="counts">3 behaviours: 1 warned, 1 skipped, 1 passed<\/span><\/h3>/);
  });

  it("puts each reproduction, multi-line and unchanged, in a pre.reproduction", () => {
    const reproductions = [...html.matchAll(/<pre class="reproduction">([\s\S]*?)<\/pre>/g)].map((match) => unescapeHtml(match[1] ?? ""));
    const expected = failing.flatMap((entry) => entry.failures.flatMap((failure) => (failure.reproduction === undefined ? [] : [failure.reproduction])));
    expect(reproductions).toEqual(expected);
  });

  it("shows received and documented for every failure, and seed, path, file and shrunk script for a sequence", () => {
    expect(html).toContain(`<span class="received">&lt;script&gt;alert(1)&lt;/script&gt; | \`600 s\`</span>`);
    expect(html).toContain(`<span class="documented">1200 s</span>`);
    expect(html).toContain(`<code data-sequence="seed">617016125</code>`);
    expect(html).toContain(`<code data-sequence="path">6:3:1</code>`);
    expect(html).toContain(`<code data-sequence="file">/tmp/reports/counterexamples/SEQ-MAPS-617016125.json</code>`);
    expect(html).toContain(`<pre class="script">1. CreateMap(no name)\n2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)</pre>`);
    // The title drops the received/documented tail it would repeat.
    expect(html).toContain("<h4>date_expires is off</h4>");
  });

  it("escapes every text a target could have sent", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("our mock &lt;b&gt;always&lt;/b&gt; fills missing flags");
    expect(html).toContain("suites/maps/ttl.test.ts: &lt;hook&gt; timed out");
    expect(unbalancedTags(html)).toEqual([]);
  });

  it("keeps attributes closed when a behaviour id or a reading is hostile", () => {
    const hostile = '"><script>alert(2)</script><x a="';
    const page = renderHtml(
      summaryOf([behaviour({ id: `MAP-${hostile}`, status: "failed", readings: [{ topic: hostile, reading: hostile }], failures: [{ message: hostile, check: hostile, received: hostile, documented: hostile, reproduction: hostile, sequence: { seed: 1, path: hostile, script: [hostile], file: hostile } }] })], {
        readings: [{ topic: hostile, readings: [hostile] }],
        baseline: { file: hostile, regressed: [`MAP-${hostile}`], fixed: [] },
        runPrefix: hostile,
        profile: hostile,
        target: { baseUrl: hostile, embedded: false },
      }),
    );
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<x /);
    expect(unbalancedTags(page)).toEqual([]);
    expect(rows(page)).toEqual([{ id: `MAP-${hostile}`, status: "failed" }]);
  });

  it("shows the baseline first, with change badges and the waiver column", () => {
    const baseline = html.indexOf('id="baseline"');
    expect(baseline).toBeGreaterThan(0);
    expect(baseline).toBeLessThan(html.indexOf('id="totals"'));
    expect(html).toMatch(/data-baseline="regressed"><h3[^>]*>Regressed \(1\)<\/h3><ul><li><a href="#b-MAP-TTL-ALIAS-CREATE">/);
    expect(html).toMatch(/data-baseline="fixed"><h3[^>]*>Fixed \(1\)<\/h3><ul><li><a href="#b-PERM-UPSERT">/);
    const changes = Object.fromEntries(rows(html).map((row) => [row.id, row.change]));
    expect(changes).toMatchObject({ "MAP-TTL-ALIAS-CREATE": "regressed", "ITEM-ETAG-QUOTED": "still failing", "PERM-UPSERT": "fixed", "ITEM-KEY-UNICODE": "unchanged", "SEQ-MAPS": "new" });
    expect(html).toContain('<th scope="col">Change</th>');
    expect(html).toContain('<th scope="col">Waiver</th>');
    expect(html).toContain('<span class="badge change change-still-failing">still failing</span>');
    expect(html).toContain("(expires 2027-01-31)");
  });

  it("lists the reading the target follows for each disputed topic, and flags a target that follows two", () => {
    expect(html).toMatch(/<tr data-topic="map not-found code"><td>map not-found code<\/td><td><code>54200<\/code><\/td><td><a href="#b-MAP-CREATE-SID">/);
    expect(html).toMatch(/<tr data-topic="item key maximum length">.*<code>256<\/code>, <code>320<\/code> <span[^>]*>more than one/);
  });

  it("is one self-contained page: nothing to fetch, no script", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|\bsrc=|@import|url\(/i);
    expect(html).toContain(`default-src 'none'`);
  });

  it("shows run metadata and the verdict", () => {
    for (const [key, value] of [
      ["tool", "sync-map-conformance 0.1.0"],
      ["target", "http://127.0.0.1:4010"],
      ["profile", "full"],
      ["seed", "42"],
      ["spec-hash", withFailures.spec.hash],
      ["spec", "/ci/vendor/twilio_sync_v1.json"],
      ["spec-gap", withFailures.spec.gaps[0] ?? "a gap"],
      ["duration", "15.0 s"],
      ["requests", "955"],
      ["leaks", "1"],
    ]) {
      expect(html).toContain(`<div data-meta="${key}"><dt>`);
      expect(html).toMatch(new RegExp(`data-meta="${key}"><dt>[^<]*</dt><dd>${value?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</dd>`));
    }
    expect(html).toContain('data-verdict="failed"');
    expect(html).toContain("Failed: 2 MUST behaviours failed (1 SHOULD behaviour warned; 1 waived; 1 resource left behind; 1 harness error)");
  });

  it("renders a clean run without baseline, change or waiver and with no failures", () => {
    const page = renderHtml(clean);
    expect(page).toContain('data-verdict="passed"');
    expect(page).not.toContain('id="baseline"');
    expect(page).not.toContain(">Change</th>");
    expect(page).not.toContain(">Waiver</th>");
    expect(page).toMatch(/<section id="failures"><h2>Failures<\/h2>\s*<p class="none">None\.<\/p>/);
    expect(page).not.toContain('class="reproduction"');
    expect(groupsOf(page).map((group) => group.key)).toEqual(["maps", "items", "permissions", "sequences"]);
    expect(rows(page).every((row) => row.status === "passed")).toBe(true);
    expect(unbalancedTags(page)).toEqual([]);
  });

  it("says so when the run was interrupted", () => {
    const page = renderHtml({ ...clean, interrupted: true });
    expect(page).toContain('data-verdict="interrupted"');
  });
});

describe("renderMarkdown", () => {
  const markdown = renderMarkdown(withFailures);
  const tableRows = (section: string): string[] => section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Status |"));
  const section = (heading: string): string => {
    const start = markdown.indexOf(`\n${heading}\n`);
    const next = markdown.slice(start + heading.length + 2).search(/\n## /);
    return next === -1 ? markdown.slice(start) : markdown.slice(start, start + heading.length + 2 + next);
  };

  it("has the metadata, a totals table that matches the totals, and the sections in order", () => {
    expect(markdown).toMatch(/^# Sync Map conformance report\n\n\*\*Failed: 2 MUST behaviours failed/);
    expect(markdown).toContain("| Behaviours | Passed | Failed | Broken | Warned | Skipped | Waived |\n|---|---|---|---|---|---|---|\n| 9 | 4 | 2 | 0 | 1 | 1 | 1 |");
    for (const line of ["| Tool | sync-map-conformance 0.1.0 |", "| Seed | `42` |", `| Spec hash | \`${withFailures.spec.hash}\` |`, "| Requests made | 955 |", "| Duration | 15.0 s |", "| Profile | full |", "| Spec | `/ci/vendor/twilio_sync_v1.json` |", "| Spec gap | declares no TwilioError schema: error bodies are checked against the built-in one (code, message, more_info, status) |"]) {
      expect(markdown).toContain(line);
    }
    const order = ["## Compared with the baseline", "## Totals", "## Harness errors", "## Failures", "## Behaviours", "## Readings"].map((heading) => markdown.indexOf(`\n${heading}\n`));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("has a table per resource whose rows match the totals", () => {
    const behaviours = section("## Behaviours");
    const headings = [...behaviours.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(["Maps", "Map Items", "Map Permissions", "Sequences"]);
    const all = tableRows(behaviours);
    expect(all).toHaveLength(withFailures.totals.behaviours);
    const labels: Record<BehaviourStatus, string> = { failed: "❌ **failed**", broken: "🚧 **broken**", warned: "⚠️ **warned**", waived: "🔕 waived", skipped: "⏭️ skipped", passed: "✅ passed" };
    for (const status of STATUSES) expect(all.filter((row) => row.startsWith(`| ${labels[status]} |`)).length, status).toBe(withFailures.totals[status]);
    const sequences = behaviours.slice(behaviours.indexOf("### Sequences"));
    expect(tableRows(sequences).map((row) => /`([^`]+)`/.exec(row)?.[1])).toEqual(["SEQ-MAPS", "SEQ-ITEMS"]);
  });

  it("keeps every table row to its columns, whatever the cells hold", () => {
    for (const table of markdown.split(/\n\n/).filter((block) => block.startsWith("| "))) {
      const widths = table.trimEnd().split("\n").map((line) => line.replace(/\\\|/g, "").split("|").length);
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
    expect(failures).toContain("````sh\ncurl -sS -i 'http://127.0.0.1:4010/v1/x'\n# ```\n# a fence inside the answer\n````");
    expect(failures).toContain("### `ITEM-ETAG-QUOTED`: warned (SHOULD, Map Items)");
    expect(failures).toContain("Waived: our mock \\<b\\>always\\</b\\> fills missing flags (expires 2027-01-31)");
    expect(failures).not.toContain("ITEM-TTL-EXPIRY");
  });

  it("gives a sequence failure its seed, path, counterexample and shrunk script", () => {
    const failures = section("## Failures");
    expect(failures).toContain("### `SEQ-MAPS`: failed (MUST, Sequences)");
    expect(failures).toContain("- Seed: `617016125`, path: `6:3:1`");
    expect(failures).toContain("- Counterexample: `/tmp/reports/counterexamples/SEQ-MAPS-617016125.json`");
    expect(failures).toContain("Shrunk script:\n\n```text\n1. CreateMap(no name)\n2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)\n```");
  });

  it("escapes HTML outside code, so a target cannot inject markup", () => {
    const outsideCode = markdown.replace(/(`{3,})[a-z]*\n[\s\S]*?\n\1/g, "").replace(/(`+)[\s\S]*?\1/g, "");
    expect(outsideCode).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(markdown).toContain("suites/maps/ttl.test.ts: <hook> timed out"); // inside the fenced harness-errors block
  });

  it("shows the baseline, change and waiver when present", () => {
    expect(section("## Compared with the baseline")).toContain("- **Regressed** (1): `MAP-TTL-ALIAS-CREATE`\n- **Fixed** (1): `PERM-UPSERT`");
    expect(markdown).toContain("| Status | ID | Level | Statement | Source | Requests | Time | Change | Waiver |");
    expect(markdown).toMatch(/\| `ITEM-ETAG-QUOTED` \|.*\| still failing \|\s+\|$/m);
    expect(markdown).toMatch(/\| `PERM-FLAG-MISSING` \|.*\| our mock \\<b\\>always\\<\/b\\> fills missing flags \(expires 2027-01-31\) \|$/m);
  });

  it("has a Readings section naming the reading the target follows", () => {
    const readings = section("## Readings");
    expect(readings).toContain("| map not-found code | `54200` | `MAP-CREATE-SID` |");
    expect(readings).toContain("| item key maximum length | `256`, `320` *(more than one: the target is not consistent)* |  |");
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
    failures: [{ message: "ETag: received abc; documented \"abc\"", check: "etag_quoted", received: "abc", documented: '"abc"' }],
  });
  const extended = summaryOf([...failing.filter((entry) => entry.id !== "ITEM-ETAG-QUOTED"), expired], {
    baseline: {
      file: "base.json",
      regressed: [],
      fixed: ["PERM-UPSERT"],
      stillFailing: ["MAP-TTL-ALIAS-CREATE"],
      new: ["SEQ-MAPS"],
      removed: ["MAP-<gone>"],
      notRun: [],
    },
    waivers: { applied: ["PERM-FLAG-MISSING"], expired: ["ITEM-ETAG-QUOTED"], stale: [], unknown: ["NO-SUCH-ID"], notRun: [] },
  });

  it("are summaries as written: valid against the published schema", () => {
    expectValidSummary(extended);
    expectValidSummary(clean);
  });

  it("lists every non-empty baseline list, linking only ids that are rows of this run", () => {
    const html = renderHtml(extended);
    expect([...html.matchAll(/data-baseline="([^"]+)"/g)].map((match) => match[1])).toEqual(["regressed", "fixed", "still-failing", "new", "removed"]);
    expect(html).toMatch(/data-baseline="regressed"><h3[^>]*>Regressed \(0\)<\/h3><span class="none">none<\/span>/);
    expect(html).toContain('<div data-baseline="removed"><h3 class="change-removed">Removed (1)</h3><ul><li><code>MAP-&lt;gone&gt;</code></li></ul></div>');
    const markdown = renderMarkdown(extended);
    expect(markdown).toContain("- **Regressed** (0): none\n- **Fixed** (1): `PERM-UPSERT`\n- **Still failing** (1): `MAP-TTL-ALIAS-CREATE`\n- **New** (1): `SEQ-MAPS`\n- **Removed** (1): `MAP-<gone>`");
  });

  it("shows where each waiver went, and marks an expired one on its failing behaviour", () => {
    const html = renderHtml(extended);
    expect([...html.matchAll(/data-waivers="([^"]+)"/g)].map((match) => match[1])).toEqual(["applied", "expired", "unknown"]);
    expect(html).toContain('<span class="waiver-reason" data-waiver-expired="true">vendor fix due</span> <span class="expires expired">(expired 2026-01-31)</span>');
    expect(html).toContain("Waiver expired, no longer applied: ");
    expect(rows(html).find((row) => row.id === "ITEM-ETAG-QUOTED")).toEqual({ id: "ITEM-ETAG-QUOTED", status: "failed", change: "not run" });
    const markdown = renderMarkdown(extended);
    expect(markdown).toContain("## Waivers\n\n- **Applied (the behaviour fails; reported as waived)** (1): `PERM-FLAG-MISSING`");
    expect(markdown).toContain("- **Unknown (no behaviour has this id)** (1): `NO-SUCH-ID`");
    expect(markdown).toContain("Waiver expired, no longer applied: vendor fix due (**expired** 2026-01-31)");
  });
});

describe("secrets", () => {
  for (const [name, render] of [
    ["report.html", renderHtml],
    ["report.md", renderMarkdown],
  ] as const) {
    it(`${name} keeps [REDACTED] as it is and never shows a credential header`, () => {
      const page = render(withFailures);
      expect(page).toContain("[REDACTED]");
      expect(page).toContain("$TWILIO_AUTH_TOKEN");
      expect(page).not.toMatch(/Authorization:\s*Basic/i);
      expect(page).not.toContain("QUM6c2VjcmV0dG9rZW4=");
    });
  }
});

describe("writeReports", () => {
  const dir = mkdtempSync(join(tmpdir(), "smc-reports-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes report.md and report.html into the report directory, creating it", () => {
    const target = join(dir, "nested", "reports");
    const written = writeReports(target, withFailures);
    expect(written).toEqual({ markdown: join(target, "report.md"), html: join(target, "report.html") });
    expect(readFileSync(written.markdown, "utf8")).toBe(renderMarkdown(withFailures));
    expect(readFileSync(written.html, "utf8")).toBe(renderHtml(withFailures));
  });
});
