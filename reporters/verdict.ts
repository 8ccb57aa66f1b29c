// The verdict a run prints on stdout: the totals line, then each behaviour that needs a
// look (failed, broken, warned) with its first failures, the spec gaps and the readings.
import { leakedLines, SWEEP_HINT } from "./render-shared.ts";
import { timelineLines } from "./timeline.ts";
import type { Summary } from "./summary.ts";

/** The totals line: every status, then requests, leaks and time. */
export function formatTotals(summary: Summary): string {
  const { totals } = summary;
  // Counted from the behaviours: a summary written before "broken" existed has no total for it.
  const broken = summary.behaviours.filter((behaviour) => behaviour.status === "broken").length;
  const statuses = [
    `${totals.passed} passed`,
    `${totals.failed} failed`,
    `${broken} broken`,
    `${totals.warned} warned`,
    `${totals.skipped} skipped`,
    `${totals.waived} waived`,
  ].join(", ");
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const work = `${summary.requests} requests, ${summary.leaks} leaks, ${seconds} s`;
  return `${totals.behaviours} behaviours: ${statuses}; ${work}`;
}

const HEADLINE = { failed: "FAILED", broken: "BROKEN", warned: "WARNED" } as const;

/** Everything the run prints after it ends, newline-terminated; `file` is summary.json. */
export function formatVerdict(summary: Summary, file: string, hint?: string): string {
  const embedded = summary.target.embedded ? " (embedded reference server)" : "";
  const target = `${summary.target.baseUrl}${embedded}`;
  const lines = [`sync-map-conformance ${summary.tool.version}: ${target}`, formatTotals(summary)];
  if (hint !== undefined) lines.push(`hint: ${hint}`);
  if (summary.shard !== undefined) {
    const { index, count } = summary.shard;
    const join = "join the shards with `sync-map-conformance merge DIR...`";
    lines.push(`shard ${index}/${count}: only this shard's behaviours; ${join}`);
  }
  for (const behaviour of summary.behaviours) {
    const { status } = behaviour;
    if (status !== "failed" && status !== "broken" && status !== "warned") continue;
    lines.push(`${HEADLINE[status]} ${behaviour.id} (${behaviour.level}): ${behaviour.statement}`);
    if (behaviour.brokenReason !== undefined) {
      lines.push(`  - the harness could not judge it: ${behaviour.brokenReason}`);
    }
    for (const found of behaviour.failures.slice(0, 3)) {
      lines.push(`  - ${found.message}`);
      if (found.timeline !== undefined) lines.push(...timelineLines(found.timeline, "    "));
      if (found.sequence === undefined) continue;
      const { seed, path, script, file: saved } = found.sequence;
      lines.push(`    seed ${seed}, path "${path}":`, ...script.map((step) => `      ${step}`));
      if (saved !== undefined) lines.push(`    replay: npx sync-map-conformance replay ${saved}`);
    }
  }
  for (const leak of leakedLines(summary)) lines.push(`LEFT ON THE TARGET ${leak}`);
  if ((summary.leaked ?? []).length > 0) lines.push(`  ${SWEEP_HINT}`);
  for (const gap of summary.spec.gaps) lines.push(`spec ${summary.spec.source} ${gap}`);
  for (const { topic, readings } of summary.readings) {
    lines.push(`reading: ${topic} = ${readings.join(", ")}`);
  }
  lines.push(`report: ${file}`);
  return `${lines.join("\n")}\n`;
}
