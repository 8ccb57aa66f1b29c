// A per-client timeline in plain text, for report.md and the terminal:
//
//   client 1 |[#0 write 1 → ok]      [#3 read → 1!]
//   client 2 |          [#1 write 2 → ok]
//
// "!" marks an operation no order explains, a number its place in the order found, and a
// bar ending in ">" an operation whose outcome is unknown.

import type { CheckResult, PartitionVerdict } from "./check.ts";
import type { Model } from "./model.ts";
import { layoutTimeline, type TimelineBar, type TimelineOptions } from "./timeline-layout.ts";

export interface TextTimelineOptions extends TimelineOptions {
  /** Columns for the lanes, after the client names (default 80). */
  readonly width?: number;
}

export function renderTextTimeline<S, I, O>(
  model: Model<S, I, O>,
  result: CheckResult<I, O>,
  partition: PartitionVerdict,
  options: TextTimelineOptions = {},
): string {
  const layout = layoutTimeline(model, result, partition, options);
  const width = Math.max(20, options.width ?? 80);
  const format = options.formatTime ?? ((t: number) => String(Math.round(t)));
  const span = layout.to - layout.from;
  const column = (t: number) =>
    Number.isFinite(t) ? Math.round(((t - layout.from) / span) * (width - 1)) : width;
  const names = layout.clients.map((c) => `client ${c}`);
  const gutter = Math.max(...names.map((n) => n.length), 4);
  const lanes = layout.clients.map(() => new Array<string>(width + 1).fill(" "));
  for (const bar of layout.bars) drawBar(lanes[bar.lane]!, bar, column(bar.start), column(bar.end));
  const lines = [
    layout.summary,
    `${"".padEnd(gutter)} ${format(layout.from)} … ${format(layout.to)}`,
    ...lanes.map((lane, i) => `${names[i]!.padEnd(gutter)} |${lane.join("").trimEnd()}`),
    "",
    ...layout.bars.map((bar) => legendLine(bar, format)),
  ];
  if (layout.omitted > 0) lines.push(`(${layout.omitted} more operations of this key not shown)`);
  return lines.join("\n");
}

function drawBar(lane: string[], bar: TimelineBar, start: number, end: number): void {
  const unknown = !Number.isFinite(bar.end);
  const last = Math.max(end, start + 1);
  const mark = bar.role === "unexplained" ? "!" : "";
  const inner = `#${bar.index}${mark}`;
  const room = last - start - 1;
  const text = room >= inner.length ? inner : mark ? "!" : "";
  for (let col = start; col <= Math.min(last, lane.length - 1); col++) {
    const offset = col - start - 1;
    lane[col] = offset >= 0 && offset < text.length ? text[offset]! : "-";
  }
  lane[start] = "[";
  if (last < lane.length) lane[last] = unknown ? ">" : "]";
  else lane[lane.length - 1] = ">";
}

function legendLine(bar: TimelineBar, format: (t: number) => string): string {
  const role = bar.role === "unexplained" ? "!" : " ";
  const step = bar.step === undefined ? "" : `  (step ${bar.step})`;
  const end = Number.isFinite(bar.end) ? format(bar.end) : "unknown";
  return `${role} ${bar.label}  [${format(bar.start)} … ${end}]${step}`;
}
