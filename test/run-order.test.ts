// How a run spreads the suite: slow files first, workers by where the target is.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startOrder, weightOf } from "../bin/run/sequencer.ts";
import { DISTANT_TARGET_MS, workerCount } from "../bin/run/vitest.ts";

const suite = (path: string): string =>
  fileURLToPath(new URL(`../suites/${path}`, import.meta.url));

describe("the order files start in", () => {
  it("puts sequences first, then files that wait, then the rest", () => {
    const expiry = weightOf(suite("sequences/maps.test.ts"));
    const sequences = weightOf(suite("sequences/permissions.test.ts"));
    const sleeps = weightOf(suite("items/ttl.test.ts"));
    const quick = weightOf(suite("maps/auth.test.ts"));
    expect(expiry).toBeGreaterThan(sequences);
    expect(sequences).toBeGreaterThan(sleeps);
    expect(sleeps).toBeGreaterThan(quick);
  });

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
