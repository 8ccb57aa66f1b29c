// What a run (or a merge) prints on stdout: the verdict, then what failed and why.
import type { Summary } from "../../reporters/summary.ts";

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

const STATUSES_IN_TOTALS = ["passed", "failed", "warned", "skipped", "waived"] as const;

export function printVerdict(summary: Summary, file: string, hint?: string): void {
  const { totals, target, shard } = summary;
  const counts = STATUSES_IN_TOTALS.map((status) => `${totals[status]} ${status}`).join(", ");
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const embedded = target.embedded ? " (embedded reference server)" : "";
  const lines = [
    `sync-map-conformance ${summary.tool.version}: ${target.baseUrl}${embedded}`,
    `${totals.behaviours} behaviours: ${counts}; ` +
      `${summary.requests} requests, ${summary.leaks} leaks, ${seconds} s`,
  ];
  if (hint !== undefined) lines.push(`hint: ${hint}`);
  if (shard !== undefined) {
    const join = "join the shards with `sync-map-conformance merge DIR...`";
    lines.push(`shard ${shard.index}/${shard.count}: only this shard's behaviours; ${join}`);
  }
  for (const behaviour of summary.behaviours) {
    if (behaviour.status !== "failed" && behaviour.status !== "warned") continue;
    const label = behaviour.status === "failed" ? "FAILED" : "WARNED";
    lines.push(`${label} ${behaviour.id} (${behaviour.level}): ${behaviour.statement}`);
    for (const found of behaviour.failures.slice(0, 3)) {
      lines.push(`  - ${found.message}`);
      if (found.sequence !== undefined) {
        lines.push(
          `    seed ${found.sequence.seed}, path "${found.sequence.path}":`,
          ...found.sequence.script.map((step) => `      ${step}`),
        );
        if (found.sequence.file !== undefined)
          lines.push(`    replay: npx sync-map-conformance replay ${found.sequence.file}`);
      }
    }
  }
  for (const gap of summary.spec.gaps) lines.push(`spec ${summary.spec.source} ${gap}`);
  for (const { topic, readings } of summary.readings)
    lines.push(`reading: ${topic} = ${readings.join(", ")}`);
  lines.push(`report: ${file}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}
