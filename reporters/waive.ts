// Waivers applied to a run's summary. A waived failure is reported as "waived", never
// as passed, and keeps its failures so the report still shows what the target does.
// An expired waiver no longer applies: the behaviour keeps the status it earned, so a
// MUST failure fails the run again and the report says which waiver ran out.
// A waiver never hides a broken behaviour: the harness could not judge it, so there is no
// failure to waive, and the run still exits 2.
import { isExpired } from "../src/config/waivers.ts";
import type { Waiver } from "../src/config/waivers.ts";
import {
  countTotals,
  type BehaviourStatus,
  type Summary,
  type SummaryBehaviour,
} from "./summary.ts";

export interface WaiverNote {
  readonly reason: string;
  readonly expires: string;
  readonly expired?: true;
}

export interface WaivedBehaviour extends SummaryBehaviour {
  readonly waiver?: WaiverNote;
}

/** Every waiver in the file lands in exactly one list, so none goes unmentioned. */
export interface WaiverReport {
  /** The behaviour failed or warned and the waiver covers it: status "waived". */
  readonly applied: string[];
  /** The behaviour failed or warned but the waiver's date has passed: status unchanged. */
  readonly expired: string[];
  /** The behaviour passed: the waiver is no longer needed and can be deleted. */
  readonly stale: string[];
  /** No behaviour in the catalogue has this id (a typo, or a behaviour since removed). */
  readonly unknown: string[];
  /** Skipped or broken: this run cannot say whether the waiver is still needed. */
  readonly notRun: string[];
}

// Extends Summary so exitCodeOf, writeSummary and the reports take it unchanged.
export interface WaivedSummary extends Summary {
  readonly behaviours: readonly WaivedBehaviour[];
  readonly waivers: WaiverReport;
}

/**
 * Pure: returns a new summary with waivers applied and totals recomputed. Applying the
 * same waivers twice gives the same result (a "waived" behaviour is judged as the
 * failure it stands for).
 */
export function applyWaivers(
  summary: Summary,
  waivers: readonly Waiver[],
  today: Date,
): WaivedSummary {
  const waiverFor = new Map(waivers.map((waiver) => [waiver.id, waiver]));
  const report: WaiverReport = { applied: [], expired: [], stale: [], unknown: [], notRun: [] };
  const behaviours = summary.behaviours.map((behaviour) => {
    const waiver = waiverFor.get(behaviour.id);
    if (waiver === undefined) return behaviour;
    const { outcome, result } = waive(behaviour, waiver, today);
    report[outcome].push(behaviour.id);
    return result;
  });
  const known = new Set(summary.behaviours.map((behaviour) => behaviour.id));
  report.unknown.push(
    ...waivers.filter((waiver) => !known.has(waiver.id)).map((waiver) => waiver.id),
  );
  return { ...summary, totals: countTotals(behaviours), behaviours, waivers: report };
}

type Outcome = Exclude<keyof WaiverReport, "unknown">;

function waive(
  behaviour: WaivedBehaviour,
  waiver: Waiver,
  today: Date,
): { outcome: Outcome; result: WaivedBehaviour } {
  const { waiver: _previous, ...plain } = behaviour;
  if (behaviour.status === "passed") return { outcome: "stale", result: plain };
  const judged = behaviour.status !== "skipped" && behaviour.status !== "broken";
  if (!judged) return { outcome: "notRun", result: plain };
  const note = { reason: waiver.reason, expires: waiver.expires };
  if (isExpired(waiver, today)) {
    return {
      outcome: "expired",
      result: { ...plain, status: unwaivedStatus(behaviour), waiver: { ...note, expired: true } },
    };
  }
  return { outcome: "applied", result: { ...plain, status: "waived", waiver: note } };
}

/**
 * The status a failing behaviour has without a waiver (summary.ts: a SHOULD that fails is warned).
 */
function unwaivedStatus(behaviour: SummaryBehaviour): BehaviourStatus {
  if (behaviour.status !== "waived") return behaviour.status;
  return behaviour.level === "MUST" ? "failed" : "warned";
}

/** One line per waiver that needs a person's attention, for stderr and the reports. */
export function waiverNotices(summary: WaivedSummary): string[] {
  const find = (id: string): WaivedBehaviour | undefined =>
    summary.behaviours.find((behaviour) => behaviour.id === id);
  const noteOf = (id: string): WaiverNote | undefined => find(id)?.waiver;
  const statusOf = (id: string): BehaviourStatus | undefined => find(id)?.status;
  return [
    ...summary.waivers.expired.map(
      (id) => `waiver for ${id} expired on ${noteOf(id)?.expires ?? "?"}: its failure counts again`,
    ),
    ...summary.waivers.stale.map(
      (id) => `waiver for ${id} is stale: the behaviour passes, delete the waiver`,
    ),
    ...summary.waivers.unknown.map((id) => `waiver for ${id} names no behaviour in the catalogue`),
    ...summary.waivers.notRun.map(
      (id) => `waiver for ${id} was not checked: the behaviour was ${statusOf(id) ?? "skipped"}`,
    ),
  ];
}
