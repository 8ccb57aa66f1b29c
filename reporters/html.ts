// Over 350 lines on purpose: one page's markup, section by section, reads best in one file;
// its CSS already lives apart (html-style.ts).
// report.html: one self-contained page (inline CSS, no script, nothing fetched) that
// opens from disk. Every text from the summary may come from the target, so every
// one is escaped. Hooks for browser tests: data-behaviour-id / data-status on each
// behaviour row, data-total on each total, pre.reproduction for each reproduction.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BehaviourStatus, SummaryFailure } from "./summary.ts";
import { renderMarkdown } from "./markdown.ts";
import { FILTERS, FILTER_INPUTS, STYLE } from "./html-style.ts";
import { markBrokenInJunit } from "./junit.ts";
import { TIMELINE_STYLE, timelineHtml } from "./timeline.ts";
import {
  behaviourColumns,
  BROKEN_MEANING,
  STATUSES,
  anchorOf,
  baselineLists,
  behavioursWithFailures,
  failureTitle,
  formatDuration,
  groupBehaviours,
  leakedLines,
  SWEEP_HINT,
  groupCounts,
  hasChanges,
  hasWaivers,
  readingRows,
  scrub,
  targetDescription,
  verdictOf,
  waiverLists,
  type BehaviourGroup,
  type RenderableBehaviour,
  type RenderableSummary,
} from "./render-shared.ts";

export function renderHtml(summary: RenderableSummary): string {
  const groups = groupBehaviours(summary.behaviours);
  const verdict = verdictOf(summary);
  const title = `Sync Map conformance: ${verdict.outcome} (${summary.target.baseUrl})`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${STYLE}${TIMELINE_STYLE}</style>
</head>
<body>
<header>
<h1>Sync Map conformance report</h1>
<p class="verdict verdict-${verdict.outcome}" data-verdict="${verdict.outcome}">${esc(verdict.text)}</p>
${metadata(summary)}
</header>
<main>
${baseline(summary)}
${totals(summary)}
${waivers(summary)}
${harnessErrors(summary)}
${leftBehind(summary)}
${failures(groups)}
${behaviours(summary, groups)}
${readings(summary)}
</main>
<footer>${esc(summary.tool.name)} ${esc(summary.tool.version)}: spec ${esc(summary.spec.hash)}</footer>
</body>
</html>
`;
}

/**
 * Writes report.md and report.html beside summary.json, and brings vitest's junit.xml
 * there in line with the summary (broken behaviours as <error>); returns the pages' paths.
 */
export function writeReports(
  reportDir: string,
  summary: RenderableSummary,
): { markdown: string; html: string } {
  mkdirSync(reportDir, { recursive: true });
  const markdown = join(reportDir, "report.md");
  const html = join(reportDir, "report.html");
  writeFileSync(markdown, renderMarkdown(summary));
  writeFileSync(html, renderHtml(summary));
  markBrokenInJunit(reportDir, summary);
  return { markdown, html };
}

function metadata(summary: RenderableSummary): string {
  const rows: Array<[string, string, string]> = [
    ["tool", "Tool", `${summary.tool.name} ${summary.tool.version}`],
    ["target", "Target", targetDescription(summary)],
    ["profile", "Profile", summary.profile],
    ["seed", "Seed", String(summary.seed)],
    ["run-prefix", "Run prefix", summary.runPrefix],
    ["spec", "Spec", summary.spec.source],
    ["spec-hash", "Spec hash", summary.spec.hash],
    ...summary.spec.gaps.map((gap): [string, string, string] => ["spec-gap", "Spec gap", gap]),
    ["started", "Started", summary.startedAt],
    ["duration", "Duration", formatDuration(summary.durationMs)],
    ["requests", "Requests made", String(summary.requests)],
    ["leaks", "Resources left behind", String(summary.leaks)],
  ];
  return `<dl class="meta">${rows.map(([key, label, value]) => `<div data-meta="${key}"><dt>${label}</dt><dd>${esc(value)}</dd></div>`).join("")}</dl>`;
}

function baseline(summary: RenderableSummary): string {
  const comparison = summary.baseline;
  if (comparison === undefined) return "";
  const lists = baselineLists(comparison).map(
    (list) =>
      `<div data-baseline="${list.key}"><h3 class="change-${list.key}">${list.title} (${list.ids.length})</h3>${idList(list.ids, list.linked)}</div>`,
  );
  return `<section id="baseline" class="baseline">
<h2>Compared with the baseline</h2>
<p>Baseline: <code>${esc(comparison.file)}</code></p>
<div class="id-lists">
${lists.join("\n")}
</div>
</section>`;
}

function waivers(summary: RenderableSummary): string {
  if (summary.waivers === undefined) return "";
  const lists = waiverLists(summary.waivers).map(
    (list) =>
      `<div data-waivers="${list.key}"><h3>${esc(list.title)} (${list.ids.length})</h3>${idList(list.ids, list.key !== "unknown")}</div>`,
  );
  return `<section id="waivers" class="waivers">
<h2>Waivers</h2>
${lists.length === 0 ? `<p class="none">The waivers file lists none.</p>` : `<div class="id-lists">\n${lists.join("\n")}\n</div>`}
</section>`;
}

function idList(ids: readonly string[], linked: boolean): string {
  if (ids.length === 0) return `<span class="none">none</span>`;
  const item = (id: string): string =>
    linked
      ? `<a href="#${anchorOf("b", id)}"><code>${esc(id)}</code></a>`
      : `<code>${esc(id)}</code>`;
  return `<ul>${ids.map((id) => `<li>${item(id)}</li>`).join("")}</ul>`;
}

function totals(summary: RenderableSummary): string {
  const cells = (["behaviours", ...STATUSES] as const).map(
    (key) =>
      `<li class="total total-${key}"><span class="count" data-total="${key}">${summary.totals[key]}</span> <span class="label">${key}</span></li>`,
  );
  return `<section id="totals"><h2>Totals</h2><ul class="totals">${cells.join("")}</ul></section>`;
}

function leftBehind(summary: RenderableSummary): string {
  const lines = leakedLines(summary);
  if (lines.length === 0) return "";
  const items = lines.map((line) => `<li><code>${esc(line)}</code></li>`).join("");
  const hint = `<p>${esc(SWEEP_HINT)}</p>`;
  const heading = "<h2>Left on the target</h2>";
  return `<section id="leaked" class="leaked">${heading}<ul>${items}</ul>${hint}</section>`;
}

function harnessErrors(summary: RenderableSummary): string {
  if (summary.harnessErrors.length === 0) return "";
  return `<section id="harness-errors" class="harness-errors"><h2>Harness errors</h2><p>The harness itself went wrong here (not the target):</p><ul>${summary.harnessErrors
    .map((error) => `<li><pre>${esc(error)}</pre></li>`)
    .join("")}</ul></section>`;
}

function failures(groups: readonly BehaviourGroup[]): string {
  const failing = behavioursWithFailures(groups);
  const body =
    failing.length === 0
      ? `<p class="none">None.</p>`
      : failing.map(({ group, behaviour }) => failedBehaviour(group, behaviour)).join("\n");
  return `<section id="failures"><h2>Failures</h2>\n${body}\n</section>`;
}

function failedBehaviour(group: BehaviourGroup, behaviour: RenderableBehaviour): string {
  const badges = [
    statusBadge(behaviour.status),
    `<span class="level">${esc(behaviour.level)}</span>`,
    `<span class="group">${esc(group.title)}</span>`,
    changeBadge(behaviour),
  ]
    .filter((badge) => badge !== "")
    .join(" ");
  return `<article class="failure status-${behaviour.status}" id="${anchorOf("f", behaviour.id)}" data-failure-of="${esc(behaviour.id)}" data-status="${behaviour.status}">
<h3><a href="#${anchorOf("b", behaviour.id)}"><code>${esc(behaviour.id)}</code></a> ${badges}</h3>
<p class="statement">${esc(behaviour.statement)}</p>
<p class="source">Source: ${source(behaviour.source)}</p>
${behaviour.brokenReason === undefined ? "" : brokenBlock(behaviour.brokenReason)}
${behaviour.waiver === undefined ? "" : `<p class="waiver">${behaviour.waiver.expired === true ? "Waiver expired, no longer applied" : "Waived"}: ${waiverText(behaviour)}</p>`}
${behaviour.failures.map(failureBlock).join("\n")}
</article>`;
}

function brokenBlock(reason: string): string {
  return `<p class="broken-reason" data-broken-reason>Broken: ${esc(BROKEN_MEANING)}:</p>
<pre class="broken-reason">${esc(reason)}</pre>`;
}

function failureBlock(failure: SummaryFailure): string {
  const sequence = failure.sequence;
  const facts: Array<[string, string]> = [
    ["Check", `<code>${esc(failure.check)}</code>`],
    ["Received", `<span class="received">${esc(failure.received)}</span>`],
    ["Documented", `<span class="documented">${esc(failure.documented)}</span>`],
  ];
  if (sequence !== undefined) {
    facts.push(
      ["Seed", `<code data-sequence="seed">${sequence.seed}</code>`],
      ["Path", `<code data-sequence="path">${esc(sequence.path)}</code>`],
    );
    if (sequence.file !== undefined)
      facts.push(["Counterexample", `<code data-sequence="file">${esc(sequence.file)}</code>`]);
  }
  const script =
    sequence === undefined || sequence.script.length === 0
      ? ""
      : `<h5>Shrunk script</h5>\n<pre class="script">${esc(sequence.script.join("\n"))}</pre>`;
  const reproduction =
    failure.reproduction === undefined
      ? ""
      : `<h5>Reproduction</h5>\n<pre class="reproduction">${esc(failure.reproduction)}</pre>`;
  const timeline = failure.timeline === undefined ? "" : timelineHtml(failure.timeline, esc);
  return `<div class="finding">
<h4>${esc(failureTitle(failure))}</h4>
<dl class="facts">${facts.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join("")}</dl>
${script}
${timeline}
${reproduction}
</div>`;
}

function behaviours(summary: RenderableSummary, groups: readonly BehaviourGroup[]): string {
  const withChange = hasChanges(summary);
  const withWaiver = hasWaivers(summary);
  const headers = behaviourColumns(summary);
  const sections = groups.map(
    (group) => `<section class="group" id="group-${group.key}" data-group="${esc(group.key)}">
<h3>${esc(group.title)} <span class="counts">${esc(groupCounts(group))}</span></h3>
<div class="scroll"><table>
<thead><tr>${headers.map((header) => `<th scope="col">${header}</th>`).join("")}</tr></thead>
<tbody>
${group.behaviours.map((behaviour) => row(behaviour, withChange, withWaiver)).join("\n")}
</tbody>
</table></div>
</section>`,
  );
  return `<section id="behaviours"><h2>Behaviours</h2>
${FILTER_INPUTS}
<p class="filters" aria-label="Show">Show: ${FILTERS.map(([key, label]) => `<label for="filter-${key}">${label}</label>`).join(" ")}</p>
${sections.join("\n")}
</section>`;
}

function row(behaviour: RenderableBehaviour, withChange: boolean, withWaiver: boolean): string {
  const id = esc(behaviour.id);
  const idCell =
    behaviour.failures.length > 0
      ? `<a href="#${anchorOf("f", behaviour.id)}"><code>${id}</code></a>`
      : `<code>${id}</code>`;
  const notes = [
    behaviour.skipReason === undefined
      ? ""
      : `<div class="note">Skipped: ${esc(behaviour.skipReason)}</div>`,
    behaviour.brokenReason === undefined
      ? ""
      : `<div class="note">Broken: ${esc(behaviour.brokenReason)}</div>`,
    ...behaviour.readings.map(
      (reading) =>
        `<div class="note reading">Reading: ${esc(reading.topic)} = <code>${esc(reading.reading)}</code></div>`,
    ),
  ].join("");
  const change = behaviour.change === undefined ? "" : ` data-change="${esc(behaviour.change)}"`;
  const cells = [
    `<td>${statusBadge(behaviour.status)}</td>`,
    `<td class="id">${idCell}</td>`,
    `<td>${esc(behaviour.level)}</td>`,
    `<td class="statement">${esc(behaviour.statement)}${notes}</td>`,
    `<td class="source">${source(behaviour.source)}</td>`,
    `<td class="num">${behaviour.requests}</td>`,
    `<td class="num">${esc(formatDuration(behaviour.durationMs))}</td>`,
    ...(withChange ? [`<td>${changeBadge(behaviour)}</td>`] : []),
    ...(withWaiver
      ? [`<td>${behaviour.waiver === undefined ? "" : waiverText(behaviour)}</td>`]
      : []),
  ];
  return `<tr id="${anchorOf("b", behaviour.id)}" class="status-${behaviour.status}" data-behaviour-id="${id}" data-status="${behaviour.status}" data-level="${esc(behaviour.level)}"${change}>${cells.join("")}</tr>`;
}

function readings(summary: RenderableSummary): string {
  const rows = readingRows(summary);
  const intro = `<p>Where the documents disagree, every documented reading is accepted; this is the reading the target follows.</p>`;
  if (rows.length === 0)
    return `<section id="readings"><h2>Readings</h2>${intro}<p class="none">No behaviour recorded a reading in this run.</p></section>`;
  const body = rows
    .map(
      (entry) =>
        `<tr data-topic="${esc(entry.topic)}"><td>${esc(entry.topic)}</td><td>${entry.readings.map((reading) => `<code>${esc(reading)}</code>`).join(", ")}${
          entry.readings.length > 1
            ? ` <span class="badge status-warned">more than one: the target is not consistent</span>`
            : ""
        }</td><td>${entry.behaviours.map((id) => `<a href="#${anchorOf("b", id)}"><code>${esc(id)}</code></a>`).join(" ")}</td></tr>`,
    )
    .join("\n");
  return `<section id="readings"><h2>Readings</h2>${intro}
<div class="scroll"><table><thead><tr><th scope="col">Topic</th><th scope="col">The target follows</th><th scope="col">Seen by</th></tr></thead>
<tbody>
${body}
</tbody></table></div></section>`;
}

function statusBadge(status: BehaviourStatus): string {
  return `<span class="badge status-${status}">${status}</span>`;
}

function changeBadge(behaviour: RenderableBehaviour): string {
  if (behaviour.change === undefined) return "";
  return `<span class="badge change change-${behaviour.change.replace(/[^a-z]+/g, "-")}">${esc(behaviour.change)}</span>`;
}

function waiverText(behaviour: RenderableBehaviour): string {
  const waiver = behaviour.waiver;
  if (waiver === undefined) return "";
  const expired = waiver.expired === true;
  const expiry =
    waiver.expires === undefined
      ? ""
      : ` <span class="expires${expired ? " expired" : ""}">(${expired ? "expired" : "expires"} ${esc(waiver.expires)})</span>`;
  return `<span class="waiver-reason"${expired ? ' data-waiver-expired="true"' : ""}>${esc(waiver.reason)}</span>${expiry}`;
}

/**
 * Sources cite document URLs: http(s) ones become links (nothing is fetched), the rest stays text.
 */
function source(value: string): string {
  return scrub(value)
    .split(/(https?:\/\/[^\s;,)]+)/)
    .map((part, index) =>
      index % 2 === 1 ? `<a href="${esc(part)}" rel="noreferrer">${esc(part)}</a>` : esc(part),
    )
    .join("");
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function esc(value: string): string {
  return scrub(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}
