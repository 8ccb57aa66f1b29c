import { describe, expect, it } from "vitest";
import {
  checkHistory,
  formatNanosecondsAsMs,
  registerModel,
  renderSvgTimeline,
  renderTextTimeline,
  type Operation,
  type RegisterInput,
  type RegisterOutput,
} from "../../src/linearizability/index.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;
const staleRead: RegisterOp[] = [
  { clientId: "a", call: 0, return: 10, input: { kind: "write", value: 1 }, output: "ok" },
  { clientId: "b", call: 20, return: 30, input: { kind: "write", value: 2 }, output: "ok" },
  { clientId: "c", call: 40, return: 50, input: { kind: "read" }, output: 1 },
  { clientId: "a", call: 35, input: { kind: "write", value: 3 } },
];
const result = checkHistory(registerModel, staleRead);
const violation = result.violations[0]!;

describe("timelines", () => {
  it("draws one text lane per client, marks the unexplained and the unknown outcome", () => {
    const text = renderTextTimeline(registerModel, result, violation, { width: 60 });
    const lanes = text.split("\n").filter((line) => line.startsWith("client "));
    expect(lanes.map((line) => line.slice(0, 8))).toEqual(["client a", "client b", "client c"]);
    expect(lanes[1]).toContain("[#1!");
    expect(lanes[2]).toContain("[#2!");
    expect(lanes[0]).toMatch(/\[#0-*\].*\[#3-*>$/);
    expect(text).toContain("no order explains #1, #2");
    expect(text).toContain("! #2 read → 1  [40 … 50]");
    expect(text).toContain("  #3 write 3 → ?  [35 … unknown]");
  });

  it("keeps lanes within the width asked for", () => {
    const text = renderTextTimeline(registerModel, result, violation, { width: 40 });
    const lanes = text.split("\n").filter((line) => line.startsWith("client "));
    for (const lane of lanes) expect(lane.length).toBeLessThanOrEqual("client a |".length + 41);
  });

  it("draws an SVG with a bar per operation, escaped labels and nothing external", () => {
    const svg = renderSvgTimeline(registerModel, result, violation, { width: 800 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg.match(/<g>/g)).toHaveLength(staleRead.length);
    expect(svg.match(/stroke="#b02a37"/g)).toHaveLength(2);
    expect(svg).toContain("stroke-dasharray");
    expect(svg).not.toMatch(/<script|href=|url\(/);
    expect(svg).toContain("#2 read → 1");
  });

  it("escapes what a model describes", () => {
    const model = { ...registerModel, describe: () => `<b>&"quoted"</b>` };
    const svg = renderSvgTimeline(model, result, violation);
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&#60;b&#62;&#38;&#34;quoted&#34;&#60;/b&#62;");
  });

  it("draws at most the operations asked for, the unexplained ones always among them", () => {
    const many: RegisterOp[] = Array.from({ length: 100 }, (_, i) => ({
      clientId: i % 4,
      call: 10 * i,
      return: 10 * i + 5,
      input: { kind: "write", value: i },
      output: "ok",
    }));
    many.push({ clientId: 9, call: 2000, return: 2001, input: { kind: "read" }, output: 3 });
    const checked = checkHistory(registerModel, many);
    const text = renderTextTimeline(registerModel, checked, checked.violations[0]!, {
      maxOperations: 10,
    });
    expect(text).toContain("! #100 read → 3");
    expect(text.split("\n").filter((line) => /^[! ] #\d+ /.test(line))).toHaveLength(10);
    expect(text).toContain("more operations of this key not shown");
  });

  it("prints nanosecond times as milliseconds", () => {
    expect(formatNanosecondsAsMs(1_500_000)).toBe("1.50ms");
    expect(formatNanosecondsAsMs(250_000_000)).toBe("250.0ms");
  });
});
