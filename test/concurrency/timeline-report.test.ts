import { describe, expect, it } from "vitest";
import { renderHtml } from "../../reporters/html.ts";
import { renderMarkdown } from "../../reporters/markdown.ts";
import { isInlineSafeSvg, timelineLines } from "../../reporters/timeline.ts";
import { timelineOf, type ServiceOperation } from "../../src/concurrency/index.ts";
import { behaviour, summaryOf } from "../reporters/report-fixtures.ts";

const item = { resource: "item", map: "MP1", key: "k" } as const;
/** Two If-Match updates on one revision, both applied: a lost update. */
const lostUpdate: ServiceOperation[] = [
  {
    clientId: "before",
    call: 0n,
    return: 1n,
    input: { ...item, kind: "create", data: 0 },
    output: { status: 201, revision: "0" },
  },
  {
    clientId: "c1",
    call: 2n,
    return: 9n,
    input: { ...item, kind: "update", data: 1, ifMatch: "0" },
    output: { status: 200, revision: "1" },
  },
  {
    clientId: "c2",
    call: 3n,
    return: 8n,
    input: { ...item, kind: "update", data: 2, ifMatch: "0" },
    output: { status: 200, revision: "2" },
  },
];

describe("a concurrent failure's timeline", () => {
  const timeline = timelineOf(lostUpdate);

  it("draws one lane per client and marks what no order explains", () => {
    expect(timeline.text).toMatch(/client c1 +\|/);
    expect(timeline.text).toMatch(/client c2 +\|/);
    expect(timeline.text).toMatch(/^! #\d update k 1 if-match 0 → 200 @1/m);
    expect(timeline.text).toContain("not linearizable");
    expect(isInlineSafeSvg(timeline.svg)).toBe(true);
    expect(
      timelineLines(timeline, "  ").every((line) => line === "" || line.startsWith("  ")),
    ).toBe(true);
  });

  const failure = {
    message: "No order explains it",
    check: "concurrent_history_is_linearizable",
    received: "unexplained: #1; #2",
    documented: "one order explains every answer",
    timeline,
  };

  it("shows in report.html as an inline SVG and in report.md as text", () => {
    const summary = summaryOf([
      behaviour({ id: "SEQ-CONCURRENT", status: "failed", failures: [failure] }),
    ]);
    const html = renderHtml(summary);
    expect(html).toContain('<figure class="timeline" data-timeline="svg"><svg');
    expect(renderMarkdown(summary)).toContain("client c1");
  });

  it("never inlines an SVG a tampered summary carries, but still shows the text", () => {
    const hostile = { ...timeline, svg: '<svg onload="alert(1)"></svg>' };
    const summary = summaryOf([
      behaviour({
        id: "SEQ-CONCURRENT",
        status: "failed",
        failures: [{ ...failure, timeline: hostile }],
      }),
    ]);
    const html = renderHtml(summary);
    expect(html).not.toContain("onload");
    expect(html).toContain('<pre class="timeline">');
    expect(isInlineSafeSvg("<svg><script>x</script></svg>")).toBe(false);
  });
});
