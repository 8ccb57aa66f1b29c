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
 * Sequences that also wait (expiry) count most: hundreds of requests one after another, the
 * critical path against a distant target. Then files that wait: they cost a worker little CPU
 * while it waits, so they start while the sequences keep the cores busy, not after them.
 * Then the other sequences, then the size of the definitions (how many behaviours). A
 * compiled test file (.test.js) is weighed by its compiled definitions.
 */
export function weightOf(testFile: string): number {
  const definitions = testFile.replace(/\.test\.([jt]s)$/, ".behaviours.$1");
  let text: string;
  try {
    text = readFileSync(definitions, "utf8");
  } catch {
    return 0;
  }
  const sequences = SEQUENCES.test(text);
  const waits = WAITS.test(text);
  return (sequences && waits ? 3e6 : waits ? 2.5e6 : sequences ? 2e6 : 0) + text.length;
}
