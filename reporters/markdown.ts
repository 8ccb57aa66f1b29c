// report.md: the verdict for people reading a CI log, a pull request or a vendor's
// published results. Every text from the summary may come from the target, so it is
// escaped (no stray HTML, links or broken tables) or fenced.
import { timelineMarkdown } from "./timeline.ts";
import type { BehaviourStatus, SummaryFailure } from "./summary.ts";
import {
  behaviourColumns,
  BROKEN_MEANING,
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

const STATUS_LABEL: Record<BehaviourStatus, string> = {
  failed: "❌ **failed**",
  broken: "🚧 **broken**",
  warned: "⚠️ **warned**",
  waived: "🔕 waived",
  skipped: "⏭️ skipped",
  passed: "✅ passed",
};

export function renderMarkdown(summary: RenderableSummary): string {
  const groups = groupBehaviours(summary.behaviours);
  const blocks = [
    `# Sync Map conformance report`,
    `**${text(verdictOf(summary).text)}**`,
    metadata(summary),
    ...baseline(summary),
    totals(summary),
    ...waivers(summary),
    ...harnessErrors(summary),
    ...leftBehind(summary),
    failures(groups),
    behaviours(summary, groups),
    readings(summary),
  ];
  return `${blocks.join("\n\n")}\n`;
}

function metadata(summary: RenderableSummary): string {
  return table(
    ["Run", ""],
    [
      ["Tool", text(`${summary.tool.name} ${summary.tool.version}`)],
      ["Target", text(targetDescription(summary))],
      ["Profile", text(summary.profile)],
      ["Seed", code(String(summary.seed))],
      ["Run prefix", code(summary.runPrefix)],
      ["Spec", code(summary.spec.source)],
      ["Spec hash", code(summary.spec.hash)],
      ...summary.spec.gaps.map((gap): [string, string] => ["Spec gap", text(gap)]),
      ["Started", text(summary.startedAt)],
      ["Duration", text(formatDuration(summary.durationMs))],
      ["Requests made", String(summary.requests)],
      ["Resources left behind", String(summary.leaks)],
    ],
  );
}

function baseline(summary: RenderableSummary): string[] {
  const comparison = summary.baseline;
  if (comparison === undefined) return [];
  const lines = baselineLists(comparison).map(
    (list) => `- **${list.title}** (${list.ids.length}): ${idList(list.ids)}`,
  );
  return [
    `## Compared with the baseline\n\nBaseline: ${code(comparison.file)}\n\n${lines.join("\n")}`,
  ];
}

function waivers(summary: RenderableSummary): string[] {
  if (summary.waivers === undefined) return [];
  const lines = waiverLists(summary.waivers).map(
    (list) => `- **${list.title}** (${list.ids.length}): ${idList(list.ids)}`,
  );
  return [
    `## Waivers\n\n${lines.length === 0 ? "The waivers file lists none." : lines.join("\n")}`,
  ];
}

function idList(ids: readonly string[]): string {
  return ids.length === 0 ? "none" : ids.map((id) => code(id)).join(", ");
}

const TOTALS_ORDER = ["passed", "failed", "broken", "warned", "skipped", "waived"] as const;

function totals(summary: RenderableSummary): string {
  const headers = [
    "Behaviours",
    ...TOTALS_ORDER.map((status) => status[0]?.toUpperCase() + status.slice(1)),
  ];
  const counts = [
    summary.totals.behaviours,
    ...TOTALS_ORDER.map((status) => summary.totals[status]),
  ];
  return `## Totals\n\n${table(headers, [counts.map(String)])}`;
}

function leftBehind(summary: RenderableSummary): string[] {
  const lines = leakedLines(summary);
  if (lines.length === 0) return [];
  const list = lines.map((line) => `- ${code(line)}`).join("\n");
  return [`## Left on the target\n\n${list}\n\n${SWEEP_HINT}`];
}

function harnessErrors(summary: RenderableSummary): string[] {
  if (summary.harnessErrors.length === 0) return [];
  return [
    `## Harness errors\n\nThe harness itself went wrong here (not the target):\n\n${fence(summary.harnessErrors.join("\n"), "text")}`,
  ];
}

function failures(groups: readonly BehaviourGroup[]): string {
  const failing = behavioursWithFailures(groups);
  if (failing.length === 0) return `## Failures\n\nNone.`;
  return [
    `## Failures`,
    ...failing.map(({ group, behaviour }) => failedBehaviour(group, behaviour)),
  ].join("\n\n");
}

function failedBehaviour(group: BehaviourGroup, behaviour: RenderableBehaviour): string {
  const header = `### ${code(behaviour.id)}: ${behaviour.status} (${behaviour.level}, ${text(group.title)})`;
  const about = [`> ${text(behaviour.statement)}`, "", `Source: ${text(behaviour.source)}`];
  if (behaviour.change !== undefined)
    about.push("", `Compared with the baseline: **${text(behaviour.change)}**`);
  if (behaviour.brokenReason !== undefined) {
    about.push("", `Broken: ${BROKEN_MEANING}: ${code(behaviour.brokenReason)}`);
  }
  if (behaviour.waiver !== undefined)
    about.push(
      "",
      `${behaviour.waiver.expired === true ? "Waiver expired, no longer applied" : "Waived"}: ${waiverText(behaviour)}`,
    );
  const numbered = behaviour.failures.length > 1;
  return [
    header,
    about.join("\n"),
    ...behaviour.failures.map((failure, index) =>
      failureBlock(failure, numbered ? index + 1 : undefined),
    ),
  ].join("\n\n");
}

function failureBlock(failure: SummaryFailure, number: number | undefined): string {
  const parts = [`#### ${number === undefined ? "" : `${number}. `}${text(failureTitle(failure))}`];
  const facts = [
    `- Check: ${code(failure.check)}`,
    `- Received: ${code(failure.received)}`,
    `- Documented: ${code(failure.documented)}`,
  ];
  const sequence = failure.sequence;
  if (sequence !== undefined) {
    facts.push(`- Seed: ${code(String(sequence.seed))}, path: ${code(sequence.path)}`);
    if (sequence.file !== undefined) facts.push(`- Counterexample: ${code(sequence.file)}`);
  }
  parts.push(facts.join("\n"));
  if (sequence !== undefined && sequence.script.length > 0)
    parts.push(`Shrunk script:\n\n${fence(sequence.script.join("\n"), "text")}`);
  if (failure.timeline !== undefined) parts.push(timelineMarkdown(failure.timeline, fence));
  if (failure.reproduction !== undefined)
    parts.push(`Reproduction:\n\n${fence(failure.reproduction, "sh")}`);
  return parts.join("\n\n");
}

function behaviours(summary: RenderableSummary, groups: readonly BehaviourGroup[]): string {
  const withChange = hasChanges(summary);
  const withWaiver = hasWaivers(summary);
  const headers = behaviourColumns(summary);
  const sections = groups.map((group) => {
    const rows = group.behaviours.map((behaviour) => [
      STATUS_LABEL[behaviour.status],
      code(behaviour.id),
      behaviour.level,
      text(behaviour.statement) + statusNote(behaviour),
      text(behaviour.source),
      String(behaviour.requests),
      text(formatDuration(behaviour.durationMs)),
      ...(withChange ? [behaviour.change === undefined ? "" : text(behaviour.change)] : []),
      ...(withWaiver ? [behaviour.waiver === undefined ? "" : waiverText(behaviour)] : []),
    ]);
    return `### ${text(group.title)}\n\n${text(groupCounts(group))}\n\n${table(headers, rows)}`;
  });
  return [`## Behaviours`, ...sections].join("\n\n");
}

function statusNote(behaviour: RenderableBehaviour): string {
  if (behaviour.skipReason !== undefined) return ` *(skipped: ${text(behaviour.skipReason)})*`;
  if (behaviour.brokenReason !== undefined) return ` *(broken: ${text(behaviour.brokenReason)})*`;
  return "";
}

function waiverText(behaviour: RenderableBehaviour): string {
  const waiver = behaviour.waiver;
  if (waiver === undefined) return "";
  const expiry =
    waiver.expires === undefined
      ? ""
      : waiver.expired === true
        ? ` (**expired** ${text(waiver.expires)})`
        : ` (expires ${text(waiver.expires)})`;
  return `${text(waiver.reason)}${expiry}`;
}

function readings(summary: RenderableSummary): string {
  const rows = readingRows(summary);
  const intro =
    "Where the documents disagree, every documented reading is accepted; this is the reading the target follows.";
  if (rows.length === 0)
    return `## Readings\n\n${intro}\n\nNo behaviour recorded a reading in this run.`;
  const body = rows.map((row) => [
    text(row.topic),
    row.readings.map((reading) => code(reading)).join(", ") +
      (row.readings.length > 1 ? " *(more than one: the target is not consistent)*" : ""),
    row.behaviours.map((id) => code(id)).join(", "),
  ]);
  return `## Readings\n\n${intro}\n\n${table(["Topic", "The target follows", "Seen by"], body)}`;
}

function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  // Cells arrive escaped already; only the pipe needs a second look, inside code spans too.
  return [line(headers), `|${headers.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

/** Prose from the summary: one line, no HTML, no emphasis or links the target did not mean. */
export function text(value: string): string {
  return scrub(value)
    .replace(/\s*\r?\n\s*/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/[`*<>&~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (char) => `\\${char}`)
    .replace(/\]\(/g, "]\\(");
}

/** A code span that survives any backticks in the value; one line. */
export function code(value: string): string {
  const flat = scrub(value).replace(/\s*\r?\n\s*/g, " ");
  if (flat === "") return "*(empty)*";
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A fenced block longer than any backtick run inside, so the value cannot close it. */
export function fence(value: string, info: string): string {
  const body = scrub(value);
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${body}\n${ticks}`;
}
