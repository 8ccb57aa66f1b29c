// The order the suite's files start in. Files run side by side, so a run lasts at least as
// long as its slowest file: the files that wait (model-based sequences, expiry, sleeps
// between writes) start first, and the quick ones fill the time around them. Sharding is
// vitest's own (inherited), so a --shard slice holds the same files whatever the order.
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** What makes a definitions file slow: long chains of requests (sequences), and waits. */
const WAITS = /EXPIRY|\.sleep\(|runsFrom/;
const SEQUENCES = /proveBySequences/;

export class SlowFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weights = new Map(files.map((file) => [file.moduleId, weightOf(file.moduleId)]));
    const weight = (file: TestSpecification): number => weights.get(file.moduleId) ?? 0;
    return Promise.resolve(
      [...files].sort((a, b) => weight(b) - weight(a) || a.moduleId.localeCompare(b.moduleId)),
    );
  }
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
