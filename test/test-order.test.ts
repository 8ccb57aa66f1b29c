// The order npm test starts the project's own files in (test/support/sequencer.ts): its
// record of durations must name files that exist, or a renamed slow file silently drops to
// the end of the run.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { recordedDurations } from "./support/sequencer.ts";

const ROOT = new URL("../", import.meta.url);

describe("the record of how long each test file takes", () => {
  const seconds = recordedDurations();

  it("names only test files that exist", () => {
    const missing = Object.keys(seconds).filter(
      (file) => !file.endsWith(".test.ts") || !existsSync(fileURLToPath(new URL(file, ROOT))),
    );
    expect(missing, "run scripts/test-durations.mjs after a whole npm test").toEqual([]);
  });

  it("lists the meta-suite's and the e2e tests' long files, each with a positive duration", () => {
    for (const file of ["test/meta/conditions.test.ts", "test/e2e/interrupt.test.ts"])
      expect(seconds[file], file).toBeGreaterThan(5);
    expect(Object.values(seconds).filter((value) => !(value > 0))).toEqual([]);
  });
});
