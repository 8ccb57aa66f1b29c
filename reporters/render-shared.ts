// What report.md and report.html share: the optional baseline/waiver extensions of a
// summary, the grouping and ordering of behaviours, the verdict line, and the scrubbing
// every text from a target goes through before it reaches a page.
import type { BehaviourStatus, Summary, SummaryBehaviour, SummaryFailure } from "./summary.ts";

/** How a behaviour compares with the baseline run (--baseline; reporters/baseline.ts). */
export type BehaviourChange =
  "regressed" | "fixed" | "still failing" | "unchanged" | "new" | "removed" | "not run";

/** A known deviation the user accepted (--waivers; reporters/waive.ts). */
export interface BehaviourWaiver {
  readonly reason: string;
  readonly expires?: string;
  /** The waiver's day has passed: the behaviour keeps the status it earned. */
  readonly expired?: boolean;
}

export type RenderableBehaviour = SummaryBehaviour & {
  readonly change?: BehaviourChange;
  readonly waiver?: BehaviourWaiver;
};

export interface BaselineComparison {
  /** The earlier summary.json this run was compared with. */
  readonly file: string;
  readonly regressed: readonly string[];
  readonly fixed: readonly string[];
  readonly stillFailing?: readonly string[];
  readonly new?: readonly string[];
  /** In the baseline, not in this run. */
  readonly removed?: readonly string[];
  /** Judged in the baseline, skipped or broken in this run. */
  readonly notRun?: readonly string[];
}

/** Where each waiver in the waivers file went. */
export interface WaiverOverview {
  readonly applied?: readonly string[];
  readonly expired?: readonly string[];
  readonly stale?: readonly string[];
  readonly unknown?: readonly string[];
  readonly notRun?: readonly string[];
}

/** summary.json as the renderers accept it: baselines and waivers are optional extensions. */
export type RenderableSummary = Omit<Summary, "behaviours"> & {
  readonly behaviours: readonly RenderableBehaviour[];
  readonly baseline?: BaselineComparison;
  readonly waivers?: WaiverOverview;
  /** A join of shard runs (`merge`; reporters/merge.ts): what no shard ran. */
  readonly merged?: { readonly notRun: readonly string[] };
};

/** The baseline's lists in reading order; `linked` when the ids are rows of this run. */
export function baselineLists(
  comparison: BaselineComparison,
): Array<{ key: string; title: string; ids: readonly string[]; linked: boolean }> {
  const lists = [
    { key: "regressed", title: "Regressed", ids: comparison.regressed, linked: true },
    { key: "fixed", title: "Fixed", ids: comparison.fixed, linked: true },
    { key: "still-failing", title: "Still failing", ids: comparison.stillFailing, linked: true },
    { key: "new", title: "New", ids: comparison.new, linked: true },
    { key: "removed", title: "Removed", ids: comparison.removed, linked: false },
    { key: "not-run", title: "Not run this time", ids: comparison.notRun, linked: true },
  ];
  // Regressed and fixed always show (an empty list is news too); the rest only when reported.
  return lists.filter(
    (list): list is typeof list & { ids: readonly string[] } =>
      list.ids !== undefined &&
      (list.ids.length > 0 || list.key === "regressed" || list.key === "fixed"),
  );
}

/** The waivers file's fate, only the lists that say something. */
export function waiverLists(
  overview: WaiverOverview,
): Array<{ key: string; title: string; ids: readonly string[] }> {
  const lists = [
    {
      key: "applied",
      title: "Applied (the behaviour fails; reported as waived)",
      ids: overview.applied,
    },
    {
      key: "expired",
      title: "Expired (no longer applied: the behaviour keeps its failure)",
      ids: overview.expired,
    },
    { key: "stale", title: "Stale (the behaviour passes: the waiver can go)", ids: overview.stale },
    { key: "unknown", title: "Unknown (no behaviour has this id)", ids: overview.unknown },
    {
      key: "not-run",
      title: "Not checked (the behaviour was skipped or broken)",
      ids: overview.notRun,
    },
  ];
  return lists.filter(
    (list): list is typeof list & { ids: readonly string[] } =>
      list.ids !== undefined && list.ids.length > 0,
  );
}

/** Display order: what needs attention first. */
export const STATUSES: readonly BehaviourStatus[] = [
  "failed",
  "broken",
  "warned",
  "waived",
  "skipped",
  "passed",
];

const STATUS_RANK = Object.fromEntries(STATUSES.map((status, rank) => [status, rank])) as Record<
  BehaviourStatus,
  number
>;

/** What a reader is told a status means, where the pages explain it. */
export const BROKEN_MEANING =
  "the harness could not judge this behaviour (not the target's failure)";

export interface BehaviourGroup {
  /**
   * Stable, for anchors and test hooks: maps, items, permissions, sequences, or the raw resource.
   */
  readonly key: string;
  readonly title: string;
  /** In STATUSES order (failed first); catalogue order within a status. */
  readonly behaviours: readonly RenderableBehaviour[];
}

const RESOURCE_GROUPS: ReadonlyArray<{ resource: string; key: string; title: string }> = [
  { resource: "map", key: "maps", title: "Maps" },
  { resource: "item", key: "items", title: "Map Items" },
  { resource: "permission", key: "permissions", title: "Map Permissions" },
  { resource: "api", key: "api", title: "Every operation (fuzz)" },
];

export function isSequence(behaviour: SummaryBehaviour): boolean {
  return behaviour.id.startsWith("SEQ-");
}

export function groupBehaviours(behaviours: readonly RenderableBehaviour[]): BehaviourGroup[] {
  const buckets = new Map<
    string,
    { key: string; title: string; behaviours: RenderableBehaviour[] }
  >();
  for (const known of RESOURCE_GROUPS)
    buckets.set(known.key, { key: known.key, title: known.title, behaviours: [] });
  const sequences = {
    key: "sequences",
    title: "Sequences",
    behaviours: [] as RenderableBehaviour[],
  };
  for (const behaviour of behaviours) {
    if (isSequence(behaviour)) {
      sequences.behaviours.push(behaviour);
      continue;
    }
    const known = RESOURCE_GROUPS.find((group) => group.resource === behaviour.resource);
    const key = known?.key ?? `resource-${behaviour.resource}`;
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      bucket = { key, title: behaviour.resource, behaviours: [] };
      buckets.set(key, bucket);
    }
    bucket.behaviours.push(behaviour);
  }
  return [...buckets.values(), sequences]
    .filter((group) => group.behaviours.length > 0)
    .map((group) => ({ ...group, behaviours: byStatus(group.behaviours) }));
}

function byStatus(behaviours: readonly RenderableBehaviour[]): RenderableBehaviour[] {
  return behaviours
    .map((behaviour, index) => ({ behaviour, index }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.behaviour.status] - STATUS_RANK[b.behaviour.status] || a.index - b.index,
    )
    .map(({ behaviour }) => behaviour);
}

/**
 * Behaviours a reader has to look at, in group order: every one with a failure (waived
 * ones too) and every broken one, whose reason stands in for a failure.
 */
export function behavioursWithFailures(
  groups: readonly BehaviourGroup[],
): Array<{ group: BehaviourGroup; behaviour: RenderableBehaviour }> {
  const needsLook = (behaviour: RenderableBehaviour): boolean =>
    behaviour.failures.length > 0 || behaviour.status === "broken";
  return groups.flatMap((group) =>
    group.behaviours.filter(needsLook).map((behaviour) => ({ group, behaviour })),
  );
}

export function groupCounts(group: BehaviourGroup): string {
  const counts = STATUSES.map(
    (status) =>
      [status, group.behaviours.filter((behaviour) => behaviour.status === status).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`);
  return `${group.behaviours.length} ${group.behaviours.length === 1 ? "behaviour" : "behaviours"}: ${counts.join(", ")}`;
}

export interface Verdict {
  readonly outcome: "passed" | "failed" | "broken" | "interrupted";
  readonly text: string;
}

export function verdictOf(summary: RenderableSummary): Verdict {
  const { failed, warned, waived } = summary.totals;
  // Counted from the behaviours: a summary written before "broken" existed has no total for it.
  const broken = summary.behaviours.filter((behaviour) => behaviour.status === "broken").length;
  const extras = [
    warned > 0 ? `${plural(warned, "SHOULD behaviour")} warned` : "",
    waived > 0 ? `${waived} waived` : "",
    summary.leaks > 0 ? `${plural(summary.leaks, "resource")} left behind` : "",
    summary.harnessErrors.length > 0
      ? `${plural(summary.harnessErrors.length, "harness error")}`
      : "",
  ].filter((part) => part !== "");
  const tail = extras.length > 0 ? ` (${extras.join("; ")})` : "";
  const failedToo = failed > 0 ? `; ${plural(failed, "MUST behaviour")} failed` : "";
  if (summary.interrupted) {
    const before = failed > 0 ? `; ${plural(failed, "MUST behaviour")} failed before that` : "";
    return {
      outcome: "interrupted",
      text: `Interrupted: behaviours that never ran are skipped${before}${tail}`,
    };
  }
  // Broken outranks failed, as in the exit status (2): the verdict is not whole.
  if (broken > 0) {
    const text = `Broken: the harness could not judge ${plural(broken, "behaviour")}${failedToo}${tail}`;
    return { outcome: "broken", text };
  }
  if (failed > 0)
    return { outcome: "failed", text: `Failed: ${plural(failed, "MUST behaviour")} failed${tail}` };
  // A merge missing a shard proved nothing about that shard's MUST behaviours.
  const notRun = new Set(summary.merged?.notRun ?? []);
  const unproven = summary.behaviours.filter(
    (behaviour) => behaviour.level === "MUST" && notRun.has(behaviour.id),
  ).length;
  if (unproven > 0)
    return {
      outcome: "failed",
      text: `Incomplete: ${plural(unproven, "MUST behaviour")} no merged shard ran${tail}`,
    };
  return { outcome: "passed", text: `Passed: every MUST behaviour passed${tail}` };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function targetDescription(summary: RenderableSummary): string {
  return `${summary.target.baseUrl || "(no base URL)"}${summary.target.embedded ? " (embedded reference server)" : ""}`;
}

/** The failure's headline: its message without the received/documented tail it repeats. */
export function failureTitle(failure: SummaryFailure): string {
  const tail = `: received ${failure.received}; documented ${failure.documented}`;
  return failure.message.endsWith(tail) ? failure.message.slice(0, -tail.length) : failure.message;
}

/** Which reading of a disputed topic the target follows, and which behaviours saw it. */
export function readingRows(
  summary: RenderableSummary,
): Array<{ topic: string; readings: readonly string[]; behaviours: string[] }> {
  return summary.readings.map(({ topic, readings }) => ({
    topic,
    readings,
    behaviours: summary.behaviours
      .filter((behaviour) => behaviour.readings.some((reading) => reading.topic === topic))
      .map((behaviour) => behaviour.id),
  }));
}

export function hasChanges(summary: RenderableSummary): boolean {
  return summary.behaviours.some((behaviour) => behaviour.change !== undefined);
}

export function hasWaivers(summary: RenderableSummary): boolean {
  return summary.behaviours.some((behaviour) => behaviour.waiver !== undefined);
}

/** The columns of the behaviour tables, the same in report.html and report.md. */
export function behaviourColumns(summary: RenderableSummary): string[] {
  return [
    "Status",
    "ID",
    "Level",
    "Statement",
    "Source",
    "Requests",
    "Time",
    ...(hasChanges(summary) ? ["Change"] : []),
    ...(hasWaivers(summary) ? ["Waiver"] : []),
  ];
}

// The client already redacts secrets; this is the last line should a target echo a
// credential header back into a failure text.
const CREDENTIAL_HEADER = /(authorization\s*:\s*)(?:basic|bearer|digest)\s+[^\s"'\\]+/gi;

export function scrub(text: string): string {
  return text.replace(CREDENTIAL_HEADER, "$1[REDACTED]");
}

/** Stable fragment ids for behaviour ids (which a hostile summary could make anything). */
export function anchorOf(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** The resources a run left, one line each for people: where, and when its ttl removes it. */
export function leakedLines(summary: RenderableSummary): string[] {
  return (summary.leaked ?? []).map((leak) => {
    const name = leak.uniqueName === null ? "" : ` (${leak.uniqueName})`;
    const where = leak.url ?? `/v1/Services/${leak.service}/Maps/${leak.sid}`;
    const until =
      leak.dateExpires === null ? "no ttl: stays until deleted" : `expires ${leak.dateExpires}`;
    return `${leak.sid}${name} at ${where}, ${until}`;
  });
}

/** What removes them. */
export const SWEEP_HINT = "`sync-map-conformance sweep --report-dir DIR` removes them.";
