// What a timeline shows, shared by the text and SVG renderers: one lane per client, one bar
// per operation from its call to its return, and each bar's part in the verdict.

import type { CheckResult, PartitionVerdict } from "./check.ts";
import { describeOperation, type Model } from "./model.ts";

export type BarRole = "unexplained" | "linearized" | "other";

export interface TimelineBar {
  /** Position in the checked history, shown as #index. */
  readonly index: number;
  readonly lane: number;
  readonly start: number;
  /** Infinity when the outcome is unknown: the bar runs off the right edge. */
  readonly end: number;
  readonly label: string;
  readonly role: BarRole;
  /** 1-based place in the (longest) linearization found, if the operation is in it. */
  readonly step?: number;
}

export interface TimelineLayout {
  readonly clients: readonly string[];
  readonly bars: readonly TimelineBar[];
  readonly from: number;
  /** The latest finite time shown; unknown outcomes run past it. */
  readonly to: number;
  readonly verdict: PartitionVerdict["verdict"];
  readonly summary: string;
  /** Operations of the partition left out to keep the picture readable. */
  readonly omitted: number;
}

export interface TimelineOptions {
  /** At most this many operations are drawn (default 40), nearest the unexplained ones. */
  readonly maxOperations?: number;
  /** How a relative time prints (default: the number itself, rounded). */
  readonly formatTime?: (time: number) => string;
}

export const DEFAULT_MAX_OPERATIONS = 40;

/** For histories timed with `process.hrtime.bigint()`. */
export function formatNanosecondsAsMs(time: number): string {
  return `${(time / 1e6).toFixed(time < 1e7 ? 2 : 1)}ms`;
}

export function layoutTimeline<S, I, O>(
  model: Model<S, I, O>,
  result: CheckResult<I, O>,
  partition: PartitionVerdict,
  options: TimelineOptions = {},
): TimelineLayout {
  const unexplained = new Set(partition.unexplained ?? []);
  const steps = new Map(partition.order.map((index, at) => [index, at + 1]));
  const pool = partition.window ?? partition.operations;
  const shown = nearest(result, pool, unexplained, options.maxOperations);
  const clients = [...new Set(shown.map((i) => String(result.operations[i]!.clientId)))].sort(
    (a, b) => a.localeCompare(b, "en", { numeric: true }),
  );
  const bars = shown.map((index): TimelineBar => {
    const op = result.operations[index]!;
    const role = unexplained.has(index) ? "unexplained" : steps.has(index) ? "linearized" : "other";
    const step = steps.get(index);
    return {
      index,
      lane: clients.indexOf(String(op.clientId)),
      start: op.call,
      end: op.return,
      label: `#${index} ${describeOperation(model, op.input, op.output)}`,
      role,
      ...(step === undefined ? {} : { step }),
    };
  });
  const finite = bars.flatMap((b) => (Number.isFinite(b.end) ? [b.start, b.end] : [b.start]));
  const from = Math.min(...finite);
  const to = Math.max(...finite, from + 1);
  return {
    clients,
    bars,
    from,
    to,
    verdict: partition.verdict,
    summary: summarize(partition),
    omitted: partition.operations.length - shown.length,
  };
}

function summarize(partition: PartitionVerdict): string {
  const list = (indices: readonly number[]) => indices.map((i) => `#${i}`).join(", ");
  if (partition.verdict === "linearizable") {
    return `linearizable: ${list(partition.order)}`;
  }
  const prefix = `longest linearizable prefix: ${list(partition.order) || "(none)"}`;
  if (partition.verdict === "timeout") return `gave up in time (${prefix})`;
  const unexplained = partition.unexplained ?? [];
  const minimal = partition.unexplainedIsMinimal === false ? " (not minimised: out of time)" : "";
  return (
    `not linearizable: no order explains ${list(unexplained)}${minimal}; ` +
    `${prefix}, then #${partition.stuck} cannot be placed`
  );
}

/** The operations to draw: all when few, else the unexplained ones and those nearest them. */
function nearest(
  result: CheckResult<unknown, unknown>,
  pool: readonly number[],
  unexplained: ReadonlySet<number>,
  max = DEFAULT_MAX_OPERATIONS,
): number[] {
  const byCall = (a: number, b: number) => result.operations[a]!.call - result.operations[b]!.call;
  if (pool.length <= max) return [...pool].sort(byCall);
  const focus = unexplained.size > 0 ? [...unexplained] : pool.slice(-1);
  const starts = focus.map((i) => result.operations[i]!.call);
  const ends = focus.map((i) => result.operations[i]!.return).filter(Number.isFinite);
  const low = Math.min(...starts);
  const high = Math.max(...ends, ...starts);
  const distance = (i: number) => {
    const op = result.operations[i]!;
    return Math.max(0, low - op.return, op.call - high);
  };
  const others = pool.filter((i) => !unexplained.has(i)).sort((a, b) => distance(a) - distance(b));
  const kept = [...focus, ...others].slice(0, Math.max(max, focus.length));
  return kept.sort(byCall);
}
