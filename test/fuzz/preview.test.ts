import { describe, expect, it } from "vitest";
import { previewJson } from "../../src/fuzz/preview.ts";

describe("previewJson", () => {
  it("writes short values as JSON.stringify does", () => {
    for (const value of [{ a: [1, "two", null, { b: true }], c: {} }, [], "text", 3.5, null]) {
      expect(previewJson(value)).toBe(JSON.stringify(value));
    }
    expect(previewJson(undefined)).toBe("(absent)");
  });

  it("cuts a long value at the limit with an ellipsis", () => {
    const preview = previewJson({ list: Array.from({ length: 1_000 }, (_, index) => index) }, 40);
    expect(preview).toBe(`${JSON.stringify({ list: [...Array(1_000).keys()] }).slice(0, 40)}…`);
  });

  it("shows 100,000 nested arrays without overflowing the stack", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) as unknown;
    expect(previewJson(deep, 10)).toBe("[[[[[[[[[[…");
  });
});
