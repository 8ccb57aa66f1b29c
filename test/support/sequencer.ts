// The order the project's own test files start in (npm test): the longest first, whatever
// their project, so the files that run for a minute or more start at once and the short ones
// fill in around them. vitest's own order runs the projects one after another (e2e, meta,
// unit) and, on a fresh clone with no record of durations, biggest file first: the longest
// meta files then started after every e2e file, and a CI run took a third longer than a
// warm one. The durations are checked in (durations.json, written by
// scripts/test-durations.mjs from vitest's record of a whole run); a file not listed there
// is short, and is ordered by size.
import { readFileSync, statSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const DURATIONS = new URL("./durations.json", import.meta.url);

/** Seconds per test file (relative to the root, with forward slashes), longest first. */
export function recordedDurations(): Record<string, number> {
  return JSON.parse(readFileSync(DURATIONS, "utf8")) as Record<string, number>;
}

export default class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = recordedDurations();
    const root = this.ctx.config.root;
    const key = (file: TestSpecification): string =>
      relative(root, file.moduleId).split("\\").join("/");
    const cost = (file: TestSpecification): number =>
      seconds[key(file)] ?? sizeInKilobytes(file.moduleId) / 1000;
    return Promise.resolve(
      [...files].sort((a, b) => cost(b) - cost(a) || key(a).localeCompare(key(b))),
    );
  }
}

/** A file's size: what vitest goes by without a record, a tenth of a second per hundred KB. */
function sizeInKilobytes(path: string): number {
  try {
    return statSync(path).size / 1024;
  } catch {
    return 0;
  }
}
