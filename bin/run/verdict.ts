// What a run (or a merge) prints on stdout: the verdict, then what failed and why.
import type { Summary } from "../../reporters/summary.ts";
import { formatVerdict } from "../../reporters/verdict.ts";

export function progressPrinter(progress: {
  readonly total: number;
}): ((done: number, failed: number) => void) | undefined {
  // Quiet in CI logs and pipes; a single self-rewriting line on a terminal.
  if (!process.stderr.isTTY || process.env.CI !== undefined) return undefined;
  return (done, failed) => {
    const end = done === progress.total ? "\n" : "";
    process.stderr.write(`\r${done}/${progress.total} behaviours, ${failed} failing${end}`);
  };
}

/** The verdict is written by the reporters' formatter, so run and merge print it alike. */
export function printVerdict(summary: Summary, file: string, hint?: string): void {
  process.stdout.write(formatVerdict(summary, file, hint));
}
