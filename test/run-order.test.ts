// How a run spreads the suite: slow files first, workers by where the target is.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startOrder, weightOf } from "../bin/run/sequencer.ts";
import { DISTANT_TARGET_MS, workerCount } from "../bin/run/vitest.ts";

const suite = (path: string): string =>
  fileURLToPath(new URL(`../suites/${path}`, import.meta.url));

describe("the order files start in", () => {
  it("puts sequences that wait first, then files that wait, then sequences, then the rest", () => {
    const expiry = weightOf(suite("sequences/maps.test.ts"));
    const sequences = weightOf(suite("sequences/permissions.test.ts"));
    const sleeps = weightOf(suite("time/laterWrites.test.ts"));
    const quick = weightOf(suite("maps/auth.test.ts"));
    expect(expiry).toBeGreaterThan(sleeps);
    expect(sleeps).toBeGreaterThan(sequences);
    expect(sequences).toBeGreaterThan(quick);
  });

  const compiled = fileURLToPath(
    new URL("../dist/suites/time/laterWrites.test.js", import.meta.url),
  );
  it.skipIf(!existsSync(compiled))(
    "weighs a compiled test file by its compiled definitions",
    () => {
      // The class (sequences, waits) decides the order; the size only breaks ties within one.
      const classOf = (weight: number): number => Math.floor(weight / 5e5);
      expect(classOf(weightOf(compiled))).toBe(
        classOf(weightOf(suite("time/laterWrites.test.ts"))),
      );
      expect(weightOf(compiled)).toBeGreaterThan(weightOf(suite("sequences/permissions.test.ts")));
    },
  );

  it("runs the fuzz phase after every other file, however heavy it is", () => {
    const fuzz = suite("fuzz/fuzz.test.ts");
    const files = [fuzz, suite("maps/auth.test.ts"), suite("sequences/maps.test.ts")];
    const order = startOrder(files);
    expect(order.at(-1)).toBe(fuzz);
    expect(order[0]).toBe(suite("sequences/maps.test.ts"));
  });
});

describe("the number of workers", () => {
  it("takes more against a distant target, never more than --concurrency", () => {
    const near = workerCount(32, 1);
    expect(near).toBeGreaterThanOrEqual(2);
    expect(workerCount(32, DISTANT_TARGET_MS)).toBeGreaterThanOrEqual(Math.max(near, 4));
    expect(workerCount(1, DISTANT_TARGET_MS)).toBe(1);
  });
});
