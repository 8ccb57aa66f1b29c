// A per-client timeline as one self-contained <svg> string (no scripts, fonts or external
// files), to sit inline in report.html. Hovering a bar shows its full description.

import type { CheckResult, PartitionVerdict } from "./check.ts";
import type { Model } from "./model.ts";
import { layoutTimeline, type TimelineBar, type TimelineOptions } from "./timeline-layout.ts";

export interface SvgTimelineOptions extends TimelineOptions {
  readonly width?: number;
}

const LANE_HEIGHT = 30;
const BAR_HEIGHT = 20;
const GUTTER = 96;
const HEADER = 40;
const CHAR_WIDTH = 6.6;
const COLOURS: Record<TimelineBar["role"], { fill: string; stroke: string }> = {
  unexplained: { fill: "#f8d7da", stroke: "#b02a37" },
  linearized: { fill: "#d1e7dd", stroke: "#146c43" },
  other: { fill: "#e9ecef", stroke: "#6c757d" },
};

export function renderSvgTimeline<S, I, O>(
  model: Model<S, I, O>,
  result: CheckResult<I, O>,
  partition: PartitionVerdict,
  options: SvgTimelineOptions = {},
): string {
  const layout = layoutTimeline(model, result, partition, options);
  const width = Math.max(320, options.width ?? 960);
  const format = options.formatTime ?? ((t: number) => String(Math.round(t)));
  const plot = width - GUTTER - 16;
  const x = (t: number) =>
    GUTTER +
    (Number.isFinite(t) ? ((t - layout.from) / (layout.to - layout.from)) * plot : plot + 12);
  const height = HEADER + layout.clients.length * LANE_HEIGHT + 8;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" role="img" font-family="monospace" font-size="11">`,
    `<title>${escapeXml(layout.summary)}</title>`,
    `<text x="4" y="14" font-weight="bold">` +
      `${escapeXml(clip(layout.summary, width / CHAR_WIDTH))}</text>`,
    `<text x="${GUTTER}" y="30" fill="#6c757d">${escapeXml(format(layout.from))}</text>`,
    `<text x="${GUTTER + plot}" y="30" fill="#6c757d" text-anchor="end">` +
      `${escapeXml(format(layout.to))}</text>`,
    ...layout.clients.map((client, lane) => laneRow(client, lane, width)),
    ...layout.bars.map((bar) => barShape(bar, x(bar.start), x(bar.end), format)),
    "</svg>",
  ];
  return parts.join("\n");
}

function laneRow(client: string, lane: number, width: number): string {
  const y = HEADER + lane * LANE_HEIGHT;
  const shade = lane % 2 === 0 ? "#f8f9fa" : "#ffffff";
  return (
    `<rect x="0" y="${y}" width="${width}" height="${LANE_HEIGHT}" fill="${shade}"/>` +
    `<text x="4" y="${y + LANE_HEIGHT / 2 + 4}">${escapeXml(clip(`client ${client}`, 14))}</text>`
  );
}

function barShape(bar: TimelineBar, left: number, right: number, format: (t: number) => string) {
  const y = HEADER + bar.lane * LANE_HEIGHT + (LANE_HEIGHT - BAR_HEIGHT) / 2;
  const w = Math.max(right - left, 3);
  const { fill, stroke } = COLOURS[bar.role];
  const unknown = !Number.isFinite(bar.end);
  const dash = unknown ? ` stroke-dasharray="4 3"` : "";
  const end = unknown ? "unknown outcome" : format(bar.end);
  const step = bar.step === undefined ? "" : ` (step ${bar.step})`;
  const tip = `${bar.label} [${format(bar.start)} … ${end}]${step}`;
  const mark = bar.role === "unexplained" ? "! " : bar.step === undefined ? "" : `${bar.step}. `;
  const label = clip(`${mark}${bar.label}`, (w - 6) / CHAR_WIDTH);
  return (
    `<g><title>${escapeXml(tip)}</title>` +
    `<rect x="${round(left)}" y="${y}" width="${round(w)}" height="${BAR_HEIGHT}" rx="3" ` +
    `fill="${fill}" stroke="${stroke}"${dash}/>` +
    (label ? `<text x="${round(left + 3)}" y="${y + 14}">${escapeXml(label)}</text>` : "") +
    "</g>"
  );
}

function clip(text: string, chars: number): string {
  const room = Math.floor(chars);
  if (text.length <= room) return text;
  return room <= 1 ? "" : `${text.slice(0, room - 1)}…`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
