// Numbers in the docs come from the code: every marked count in README.md and docs/*.md
// equals what scripts/counts.ts counts, and the sample run output quotes the catalogue.
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/catalogue.ts";
import {
  computeCounts,
  countedDocs,
  quotedCounts,
  readDoc,
  rewriteCounts,
} from "../../scripts/counts.ts";

const counts = computeCounts();

describe("counts quoted in the docs", () => {
  it("counts behaviours by group and level so that the parts add up", () => {
    expect(counts.behaviours).toBe(loadCatalogue().length);
    const groups = [
      "auth",
      "maps",
      "items",
      "permissions",
      "sequences",
      "fuzz",
      "trust",
      "concurrency",
    ] as const;
    expect(groups.reduce((sum, group) => sum + (counts[group] ?? 0), 0)).toBe(counts.behaviours);
    expect((counts.must ?? 0) + (counts.should ?? 0)).toBe(counts.behaviours);
    expect(counts.faults).toBeGreaterThanOrEqual(counts.behaviours ?? 0);
  });

  it("marks the numbers the README quotes", () => {
    const names = quotedCounts(readDoc("README.md")).map((quoted) => quoted.name);
    expect(names).toEqual(
      expect.arrayContaining(["behaviours", "faults", "maps", "items", "permissions"]),
    );
  });

  it("quotes in README.md and docs/*.md only numbers that match the code", () => {
    const wrong = countedDocs().flatMap((file) =>
      quotedCounts(readDoc(file))
        .filter((quoted) => counts[quoted.name] !== quoted.value)
        .map(
          (quoted) =>
            `${file}: ${quoted.name} says ${quoted.value}, the code has ${counts[quoted.name]}`,
        ),
    );
    expect(wrong).toEqual([]);
  });

  it("shows a sample run that lists every behaviour of the catalogue", () => {
    const samples = [...readDoc("README.md").matchAll(/^(\d+) behaviours: (\d+) passed/gm)];
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples)
      expect([Number(sample[1]), Number(sample[2])]).toEqual([
        counts.behaviours,
        counts.behaviours,
      ]);
  });

  it("rewrites a stale marked number and refuses an unknown name", () => {
    const stale = "<!-- count:faults -->1<!-- /count --> faults";
    expect(rewriteCounts(stale, counts)).toBe(
      `<!-- count:faults -->${counts.faults}<!-- /count --> faults`,
    );
    expect(() => rewriteCounts("<!-- count:nothing -->1<!-- /count -->", counts)).toThrow(
      /no count named/,
    );
  });
});
