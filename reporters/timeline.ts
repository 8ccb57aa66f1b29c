// The per-client timeline a concurrent failure carries (src/linearizability renders it), shown
// where failures are shown: an inline SVG in report.html, text in report.md and the terminal.
// A summary is a file anyone may hand to `report` or `merge`, so the SVG is inlined only when
// it is plainly the renderer's: no script, no event handler, no link, nothing foreign.

export interface SummaryTimeline {
  /** Lanes of text, one per client, then one legend line per request. */
  readonly text: string;
  /** One self-contained <svg> element. */
  readonly svg: string;
}

const UNSAFE_SVG = /<script|<foreignobject|<iframe|<image|\son[a-z]+\s*=|href\s*=|javascript:/i;

export function isInlineSafeSvg(svg: string): boolean {
  const trimmed = svg.trim();
  return trimmed.startsWith("<svg") && trimmed.endsWith("</svg>") && !UNSAFE_SVG.test(trimmed);
}

/** The HTML block: the picture when it is safe to inline, the text always (for search, copy). */
export function timelineHtml(timeline: SummaryTimeline, esc: (text: string) => string): string {
  const picture = isInlineSafeSvg(timeline.svg)
    ? `<figure class="timeline" data-timeline="svg">${timeline.svg.trim()}</figure>\n`
    : "";
  return (
    `<h5>Timeline (one lane per client; red: no order explains it)</h5>\n${picture}` +
    `<details><summary>as text</summary><pre class="timeline">${esc(timeline.text)}</pre></details>`
  );
}

export function timelineMarkdown(
  timeline: SummaryTimeline,
  fence: (text: string, info: string) => string,
): string {
  const title = 'Timeline (one lane per client; "!" marks what no order explains):';
  return `${title}\n\n${fence(timeline.text, "text")}`;
}

/** Indented lines for the terminal verdict. */
export function timelineLines(timeline: SummaryTimeline, indent: string): string[] {
  return timeline.text.split("\n").map((line) => `${indent}${line}`.trimEnd());
}

export const TIMELINE_STYLE =
  "figure.timeline{margin:.5rem 0;overflow-x:auto}figure.timeline svg{max-width:none}" +
  "pre.timeline{font-size:.8rem}";
