// The order the suite's files start in. Files run side by side, so a run lasts at least as
// long as its slowest file: the files that wait (model-based sequences, expiry, sleeps
// between writes) start first, and the quick ones fill the time around them. The
// schema-derived fuzz phase goes last whatever its weight: it sends malformed paths and
// oversize bodies that may bring a fragile target down, so every other behaviour is judged
// before it starts. Sharding is vitest's own (inherited), so a --shard slice holds the same
// files whatever the order.
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** What makes a definitions file slow: long chains of requests (sequences), and waits. */
const WAITS = /EXPIRY|\.sleep\(|runsFrom/;
const SEQUENCES = /proveBySequences|sequenceBehaviours|proveConcurrentHistories/;
const FUZZ_FILES = /[\\/]suites[\\/]fuzz[\\/]/;

export class SlowFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byPath = new Map(files.map((file) => [file.moduleId, file]));
    return Promise.resolve(
      startOrder([...byPath.keys()]).map((path) => byPath.get(path) as TestSpecification),
    );
  }
}

/** The suite's test files in the order they start: fuzz last, otherwise heaviest first. */
export function startOrder(testFiles: readonly string[]): string[] {
  const weights = new Map(testFiles.map((path) => [path, weightOf(path)]));
  const weight = (path: string): number => weights.get(path) ?? 0;
  const isFuzz = (path: string): number => (FUZZ_FILES.test(path) ? 1 : 0);
  return [...testFiles].sort(
    (a, b) => isFuzz(a) - isFuzz(b) || weight(b) - weight(a) || a.localeCompare(b),
  );
}

/**
 * Sequences count most (hundreds of requests one after another: against a distant target
 * they are the critical path), then waits, then the size of the definitions (how many
 * behaviours). A file with both comes first.
 */
export function weightOf(testFile: string): number {
  const definitions = testFile.replace(/\.test\.ts$/, ".behaviours.ts");
  let text: string;
  try {
    text = readFileSync(definitions, "utf8");
  } catch {
    return 0;
  }
  return (SEQUENCES.test(text) ? 2e6 : 0) + (WAITS.test(text) ? 1e6 : 0) + text.length;
}
