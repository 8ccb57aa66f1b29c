// --baseline and `compare A B`: what changed between two runs, behaviour by behaviour.
//
// Classification compares how badly each behaviour failed, not its raw status:
//   passed = 0, warned = 1 (a SHOULD fails), failed = 2 (a MUST fails, or the harness
//   broke); a waived behaviour ranks as the failure it stands for (MUST 2, SHOULD 1),
//   because a waiver changes the verdict on the run, not what the target did.
//   skipped and broken have no rank: the run said nothing about what the target does
//   (broken: the harness could not judge it).
//
//   before          after           change
//   absent/unranked anything        new           (no earlier verdict to compare with)
//   anything        absent          removed
//   ranked          unranked        not run       (coverage lost: neither fixed nor regressed)
//   unranked        unranked        unchanged
//   0               0               unchanged
//   0               1 or 2          regressed     (passed → warned is a SHOULD regression)
//   1               2               regressed     (a SHOULD now fails as MUST or broke)
//   1 or 2          0               fixed
//   1 or 2          1 or 2 (not up) still failing
import { readFileSync } from "node:fs";
import { ConfigError } from "../src/config/config.ts";
import {
  BEHAVIOUR_STATUSES,
  type BehaviourStatus,
  type Summary,
  type SummaryBehaviour,
} from "./summary.ts";

export type Change =
  "regressed" | "fixed" | "still failing" | "unchanged" | "new" | "removed" | "not run";

/** Display and report order: what needs attention first. */
export const CHANGES: readonly Change[] = [
  "regressed",
  "fixed",
  "still failing",
  "new",
  "removed",
  "not run",
  "unchanged",
];

export interface BaselineEntry {
  readonly id: string;
  readonly level: "MUST" | "SHOULD";
  /** Absent when the behaviour is not in that summary. */
  readonly before?: BehaviourStatus;
  readonly after?: BehaviourStatus;
  readonly change: Change;
  /** The first failure of the later run, when it fails: the "why" beside a regression. */
  readonly failure?: string;
}

export interface BaselineDiff {
  /** The later run's behaviours in its order, then the removed ones in the earlier run's order. */
  readonly entries: readonly BaselineEntry[];
  readonly counts: Readonly<Record<Change, number>>;
}

export interface BaselineReport {
  readonly file: string;
  readonly regressed: string[];
  readonly fixed: string[];
  readonly stillFailing: string[];
  readonly new: string[];
  readonly removed: string[];
  readonly notRun: string[];
}

export type BaselinedSummary<S extends Summary = Summary> = Omit<S, "behaviours"> & {
  readonly behaviours: ReadonlyArray<S["behaviours"][number] & { readonly change: Change }>;
  readonly baseline: BaselineReport;
};

export function compareSummaries(before: Summary, after: Summary): BaselineDiff {
  const earlier = new Map(before.behaviours.map((behaviour) => [behaviour.id, behaviour]));
  const later = new Set(after.behaviours.map((behaviour) => behaviour.id));
  const entries: BaselineEntry[] = [
    ...after.behaviours.map((behaviour) => entryFor(earlier.get(behaviour.id), behaviour)),
    ...before.behaviours
      .filter((behaviour) => !later.has(behaviour.id))
      .map((behaviour) => entryFor(behaviour, undefined)),
  ];
  const counts = Object.fromEntries(CHANGES.map((change) => [change, 0])) as Record<Change, number>;
  for (const entry of entries) counts[entry.change] += 1;
  return { entries, counts };
}

function entryFor(
  before: SummaryBehaviour | undefined,
  after: SummaryBehaviour | undefined,
): BaselineEntry {
  const known = (after ?? before) as SummaryBehaviour;
  const failure =
    after !== undefined && (severity(after) ?? 0) > 0 ? after.failures[0]?.message : undefined;
  return {
    id: known.id,
    level: known.level,
    ...(before === undefined ? {} : { before: before.status }),
    ...(after === undefined ? {} : { after: after.status }),
    change: classify(before, after),
    ...(failure === undefined ? {} : { failure }),
  };
}

function classify(
  before: SummaryBehaviour | undefined,
  after: SummaryBehaviour | undefined,
): Change {
  if (after === undefined) return "removed";
  if (before === undefined) return "new";
  const was = severity(before);
  const now = severity(after);
  if (was === undefined) return now === undefined ? "unchanged" : "new";
  if (now === undefined) return "not run";
  if (now > was) return "regressed";
  if (now === 0) return was === 0 ? "unchanged" : "fixed";
  return "still failing";
}

/** 0 passed, 1 a SHOULD fails, 2 a MUST fails; undefined when the behaviour was not judged. */
function severity(behaviour: SummaryBehaviour): 0 | 1 | 2 | undefined {
  switch (behaviour.status) {
    case "passed":
      return 0;
    case "warned":
      return 1;
    case "failed":
      return 2;
    case "waived":
      return behaviour.level === "MUST" ? 2 : 1;
    case "skipped":
    case "broken":
      return undefined;
  }
}

/**
 * The summary with each behaviour's change and the baseline lists; `diff` must compare against this
 * summary.
 */
export function applyBaseline<S extends Summary>(
  summary: S,
  diff: BaselineDiff,
  file: string,
): BaselinedSummary<S> {
  const changeOf = new Map(diff.entries.map((entry) => [entry.id, entry.change]));
  const behaviours = summary.behaviours.map((behaviour) => {
    const change = changeOf.get(behaviour.id);
    // A programming error, not a user's: the diff was computed from another summary.
    if (change === undefined || change === "removed")
      throw new Error(`the baseline diff has no entry for ${behaviour.id}`);
    return { ...behaviour, change };
  });
  const idsWith = (change: Change): string[] =>
    diff.entries.filter((entry) => entry.change === change).map((entry) => entry.id);
  const baseline: BaselineReport = {
    file,
    regressed: idsWith("regressed"),
    fixed: idsWith("fixed"),
    stillFailing: idsWith("still failing"),
    new: idsWith("new"),
    removed: idsWith("removed"),
    notRun: idsWith("not run"),
  };
  return { ...summary, behaviours, baseline };
}

/** `compare A B` output: one line per behaviour whose verdict moved, then the counts. */
export function formatDiff(diff: BaselineDiff): string {
  const shown = CHANGES.filter(
    (change) => change !== "still failing" && change !== "unchanged",
  ).flatMap((change) => diff.entries.filter((entry) => entry.change === change));
  const idWidth = Math.max(0, ...shown.map((entry) => entry.id.length));
  const lines = shown.map((entry) => {
    const move = `${entry.before ?? "absent"} → ${entry.after ?? "absent"}`;
    const why = entry.failure === undefined ? "" : `  ${oneLine(entry.failure, 160)}`;
    return `${entry.change.padEnd(9)}  ${entry.id.padEnd(idWidth)}  ${entry.level.padEnd(6)}  ${move}${why}`.trimEnd();
  });
  if (lines.length === 0) lines.push("no behaviour changed its verdict");
  const counts = CHANGES.map((change) => `${diff.counts[change]} ${change}`).join(", ");
  return `${lines.join("\n")}\n\n${counts}\n`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * 0 unless a behaviour fails that the baseline did not already know failing (regressed
 * or new): for targets with known failures, where only getting worse should break CI.
 * Like exitCodeOf, warned counts only with strict, a waived behaviour never does, and a
 * broken one in the later run makes it 2: that run could not be judged whole.
 */
export function exitCodeOnlyRegressions(diff: BaselineDiff, strict = false): 0 | 1 | 2 {
  if (diff.entries.some((entry) => entry.after === "broken")) return 2;
  const breaking: ReadonlySet<BehaviourStatus | undefined> = new Set(
    strict ? ["failed", "warned"] : ["failed"],
  );
  const worse = diff.entries.some(
    (entry) =>
      (entry.change === "regressed" || entry.change === "new") && breaking.has(entry.after),
  );
  return worse ? 1 : 0;
}

const STATUSES: ReadonlySet<unknown> = new Set(BEHAVIOUR_STATUSES);

/**
 * An earlier summary.json, checked enough to diff against; a bad file is a ConfigError (exit 2).
 */
export function readSummaryFile(file: string): Summary {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(
      `summary ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(
      `summary ${file}: not valid JSON (${(error as Error).message.split("\n")[0]})`,
    );
  }
  const summary = document as { tool?: { name?: unknown }; behaviours?: unknown } | null;
  if (summary?.tool?.name !== "sync-map-conformance") {
    throw new ConfigError(
      `summary ${file}: not a sync-map-conformance summary.json (tool.name is not "sync-map-conformance")`,
    );
  }
  if (!Array.isArray(summary.behaviours))
    throw new ConfigError(`summary ${file}: has no behaviours list`);
  const seen = new Set<string>();
  for (const [index, raw] of summary.behaviours.entries()) {
    const behaviour = raw as Partial<Record<keyof SummaryBehaviour, unknown>> | null;
    const where = `summary ${file}: behaviour ${index + 1}`;
    if (typeof behaviour?.id !== "string" || behaviour.id === "")
      throw new ConfigError(`${where}: has no id`);
    if (behaviour.level !== "MUST" && behaviour.level !== "SHOULD")
      throw new ConfigError(`${where} (${behaviour.id}): level must be MUST or SHOULD`);
    if (!STATUSES.has(behaviour.status))
      throw new ConfigError(
        `${where} (${behaviour.id}): unknown status ${JSON.stringify(behaviour.status)}`,
      );
    if (!Array.isArray(behaviour.failures))
      throw new ConfigError(`${where} (${behaviour.id}): has no failures list`);
    if (seen.has(behaviour.id))
      throw new ConfigError(`${where} (${behaviour.id}): the id appears twice`);
    seen.add(behaviour.id);
  }
  return document as Summary;
}
