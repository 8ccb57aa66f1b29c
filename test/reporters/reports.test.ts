// report.html rendered from hand-made summaries: the hooks a browser test relies on,
// grouping, counts that agree with the totals, escaping of whatever a target sends, and
// no secret on the page. report.md: markdown.test.ts.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderHtml, writeReports } from "../../reporters/html.ts";
import { renderMarkdown } from "../../reporters/markdown.ts";
import { STATUSES, behaviour, clean, failing, summaryOf, withFailures } from "./report-fixtures.ts";
import { groupsOf, rows, unbalancedTags, unescapeHtml } from "./html-parse.ts";

describe("renderHtml", () => {
  const html = renderHtml(withFailures);

  it("marks each behaviour row with its id and status, and the row counts match the totals", () => {
    const found = rows(html);
    expect(found.map((row) => row.id).sort()).toEqual(failing.map((entry) => entry.id).sort());
    for (const status of STATUSES)
      expect(found.filter((row) => row.status === status).length, status).toBe(
        withFailures.totals[status],
      );
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
    expect(html).toMatch(
      /<h3>Map Items <span class="counts">3 behaviours: 1 warned, 1 skipped, 1 passed<\/span><\/h3>/,
    );
  });

  it("puts each reproduction, multi-line and unchanged, in a pre.reproduction", () => {
    const reproductions = [...html.matchAll(/<pre class="reproduction">([\s\S]*?)<\/pre>/g)].map(
      (match) => unescapeHtml(match[1] ?? ""),
    );
    const expected = failing.flatMap((entry) =>
      entry.failures.flatMap((failure) =>
        failure.reproduction === undefined ? [] : [failure.reproduction],
      ),
    );
    expect(reproductions).toEqual(expected);
  });

  it("shows received and documented for every failure, and seed, path, file and shrunk script for a sequence", () => {
    expect(html).toContain(
      `<span class="received">&lt;script&gt;alert(1)&lt;/script&gt; | \`600 s\`</span>`,
    );
    expect(html).toContain(`<span class="documented">1200 s</span>`);
    expect(html).toContain(`<code data-sequence="seed">617016125</code>`);
    expect(html).toContain(`<code data-sequence="path">6:3:1</code>`);
    expect(html).toContain(
      `<code data-sequence="file">/tmp/reports/counterexamples/SEQ-MAPS-617016125.json</code>`,
    );
    expect(html).toContain(
      `<pre class="script">1. CreateMap(no name)\n2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)</pre>`,
    );
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
      summaryOf(
        [
          behaviour({
            id: `MAP-${hostile}`,
            status: "failed",
            readings: [{ topic: hostile, reading: hostile }],
            failures: [
              {
                message: hostile,
                check: hostile,
                received: hostile,
                documented: hostile,
                reproduction: hostile,
                sequence: { seed: 1, path: hostile, script: [hostile], file: hostile },
              },
            ],
          }),
        ],
        {
          readings: [{ topic: hostile, readings: [hostile] }],
          baseline: { file: hostile, regressed: [`MAP-${hostile}`], fixed: [] },
          runPrefix: hostile,
          profile: hostile,
          target: { baseUrl: hostile, embedded: false },
        },
      ),
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
    expect(html).toMatch(
      /data-baseline="regressed"><h3[^>]*>Regressed \(1\)<\/h3><ul><li><a href="#b-MAP-TTL-ALIAS-CREATE">/,
    );
    expect(html).toMatch(
      /data-baseline="fixed"><h3[^>]*>Fixed \(1\)<\/h3><ul><li><a href="#b-PERM-UPSERT">/,
    );
    const changes = Object.fromEntries(rows(html).map((row) => [row.id, row.change]));
    expect(changes).toMatchObject({
      "MAP-TTL-ALIAS-CREATE": "regressed",
      "ITEM-ETAG-QUOTED": "still failing",
      "PERM-UPSERT": "fixed",
      "ITEM-KEY-UNICODE": "unchanged",
      "SEQ-MAPS": "new",
    });
    expect(html).toContain('<th scope="col">Change</th>');
    expect(html).toContain('<th scope="col">Waiver</th>');
    expect(html).toContain('<span class="badge change change-still-failing">still failing</span>');
    expect(html).toContain("(expires 2027-01-31)");
  });

  it("lists the reading the target follows for each disputed topic, and flags a target that follows two", () => {
    expect(html).toMatch(
      /<tr data-topic="map not-found code"><td>map not-found code<\/td><td><code>54200<\/code><\/td><td><a href="#b-MAP-CREATE-SID">/,
    );
    expect(html).toMatch(
      /<tr data-topic="item key maximum length">.*<code>256<\/code>, <code>320<\/code> <span[^>]*>more than one/,
    );
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
      expect(html).toMatch(
        new RegExp(
          `data-meta="${key}"><dt>[^<]*</dt><dd>${value?.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</dd>`,
        ),
      );
    }
    expect(html).toContain('data-verdict="failed"');
    expect(html).toContain(
      "Failed: 2 MUST behaviours failed (1 SHOULD behaviour warned; 1 waived; 1 resource left behind; 1 harness error)",
    );
  });

  it("renders a clean run without baseline, change or waiver and with no failures", () => {
    const page = renderHtml(clean);
    expect(page).toContain('data-verdict="passed"');
    expect(page).not.toContain('id="baseline"');
    expect(page).not.toContain(">Change</th>");
    expect(page).not.toContain(">Waiver</th>");
    expect(page).toMatch(/<section id="failures"><h2>Failures<\/h2>\s*<p class="none">None\.<\/p>/);
    expect(page).not.toContain('class="reproduction"');
    expect(groupsOf(page).map((group) => group.key)).toEqual([
      "maps",
      "items",
      "permissions",
      "sequences",
    ]);
    expect(rows(page).every((row) => row.status === "passed")).toBe(true);
    expect(unbalancedTags(page)).toEqual([]);
  });

  it("says so when the run was interrupted", () => {
    const page = renderHtml({ ...clean, interrupted: true });
    expect(page).toContain('data-verdict="interrupted"');
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
    expect(written).toEqual({
      markdown: join(target, "report.md"),
      html: join(target, "report.html"),
    });
    expect(readFileSync(written.markdown, "utf8")).toBe(renderMarkdown(withFailures));
    expect(readFileSync(written.html, "utf8")).toBe(renderHtml(withFailures));
  });
});
