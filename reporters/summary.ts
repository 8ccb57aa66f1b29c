// summary.json: the stable, machine-readable verdict. Its published shape is
// schemas/summary.schema.json; SUMMARY_SCHEMA_VERSION names the version a file follows.
import type { LeakedResource } from "../src/run/sweep.ts";
import type { SummaryTimeline } from "./timeline.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { outsideProfileReason, type BehaviourEntry } from "../src/catalogue/catalogue.ts";
import type { Profile } from "../src/config/config.ts";
import type { CollectedTest } from "./collector.ts";

/**
 * "failed" and "warned" are verdicts on the target; "broken" is none: the harness could not
 * judge the behaviour (our bug, a budget exhausted, an unexpected exception).
 */
export type BehaviourStatus = "passed" | "failed" | "warned" | "skipped" | "waived" | "broken";

/** Every status, in the order totals list them. */
export const BEHAVIOUR_STATUSES: readonly BehaviourStatus[] = [
  "passed",
  "failed",
  "warned",
  "skipped",
  "waived",
  "broken",
];

/**
 * The version of schemas/summary.schema.json that written summaries follow. Minor: fields or
 * values added (1.1.0 added "broken" and this field, 1.2.0 "leaked", 1.3.0 "throttled", 1.4.0
 * a failure's timeline); major: a field removed or changed.
 */
export const SUMMARY_SCHEMA_VERSION = "1.4.0";

export interface SummaryFailure {
  readonly message: string;
  readonly check: string;
  readonly received: string;
  readonly documented: string;
  readonly reproduction?: string;
  /** Model-based failures: seed, path, the shrunk script and the counterexample file. */
  readonly sequence?: {
    readonly seed: number;
    readonly path: string;
    readonly script: readonly string[];
    readonly file?: string;
  };
  /** Concurrent failures: the per-client timeline of the requests no order explains. */
  readonly timeline?: SummaryTimeline;
}

export interface SummaryBehaviour {
  readonly id: string;
  readonly level: "MUST" | "SHOULD";
  readonly resource: string;
  readonly statement: string;
  readonly source: string;
  readonly status: BehaviourStatus;
  readonly failures: readonly SummaryFailure[];
  /** Where the documents disagree: which reading this target follows. */
  readonly readings: ReadonlyArray<{ topic: string; reading: string }>;
  readonly requests: number;
  readonly durationMs: number;
  readonly skipReason?: string;
  /** Status "broken": why the harness could not judge the behaviour. */
  readonly brokenReason?: string;
}

export type SummaryTotals = Record<"behaviours" | BehaviourStatus, number>;

export interface Summary {
  readonly schemaVersion: string;
  readonly tool: { readonly name: "sync-map-conformance"; readonly version: string };
  readonly target: { readonly baseUrl: string; readonly embedded: boolean };
  readonly profile: string;
  readonly seed: number;
  /**
   * --shard I/N: this summary lists only the behaviours of that slice (`merge` joins the slices).
   */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly runPrefix: string;
  /** The OpenAPI document schema checks came from, and what it lacks (--spec). */
  readonly spec: {
    readonly hash: string;
    readonly source: string;
    readonly gaps: readonly string[];
  };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly totals: SummaryTotals;
  readonly behaviours: readonly SummaryBehaviour[];
  readonly readings: ReadonlyArray<{ topic: string; readings: string[] }>;
  readonly requests: number;
  /** 429 answers among the requests, each retried with back-off (absent before 1.3.0). */
  readonly throttled?: number;
  /** How many resources the run left on the target (kept a number for compatibility). */
  readonly leaks: number;
  /** What those resources are: sid, url and the date_expires that will remove them. */
  readonly leaked?: readonly LeakedResource[];
  readonly harnessErrors: readonly string[];
  readonly interrupted: boolean;
}

export interface SummaryInput {
  readonly version: string;
  readonly baseUrl: string;
  readonly embedded: boolean;
  readonly profile: Profile;
  readonly seed: number;
  readonly runPrefix: string;
  readonly specHash: string;
  /** "spec/sync-map.openapi.yaml" for the project's own, else the --spec path. */
  readonly specSource: string;
  readonly specGaps: readonly string[];
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly catalogue: readonly BehaviourEntry[];
  readonly tests: readonly CollectedTest[];
  /** Requests made outside behaviours (pre-flight, final sweep). */
  readonly extraRequests: number;
  /** Resources the run created and could not delete, after the final sweep retried them. */
  readonly leaks: number;
  /** The same resources one by one; absent when the caller only counted them. */
  readonly leaked?: readonly LeakedResource[];
  readonly harnessErrors: readonly string[];
  /** Ctrl-C or SIGTERM: behaviours that never ran are skipped, not failed. */
  readonly interrupted: boolean;
  /**
   * --shard I/N, with the behaviours whose test files fell into this slice. The others
   * belong to other shards: left out of this summary rather than failed as "did not run".
   */
  readonly shard?: {
    readonly index: number;
    readonly count: number;
    readonly behaviourIds: ReadonlySet<string>;
  };
}

export function buildSummary(input: SummaryInput): Summary {
  const byId = new Map(input.tests.map((test) => [test.id, test]));
  const { shard } = input;
  const judged =
    shard === undefined
      ? input.catalogue
      : input.catalogue.filter((entry) => shard.behaviourIds.has(entry.id));
  const behaviours = judged.map((entry) => judge(entry, byId.get(entry.id), input));
  const totals = countTotals(behaviours);
  const behaviourRequests = input.tests.reduce((sum, test) => sum + (test.meta?.requests ?? 0), 0);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: "sync-map-conformance", version: input.version },
    target: { baseUrl: input.baseUrl, embedded: input.embedded },
    profile: input.profile,
    seed: input.seed,
    ...(shard === undefined ? {} : { shard: { index: shard.index, count: shard.count } }),
    runPrefix: input.runPrefix,
    spec: { hash: input.specHash, source: input.specSource, gaps: input.specGaps },
    startedAt: input.startedAt.toISOString(),
    durationMs: input.durationMs,
    totals,
    behaviours,
    readings: gatherReadings(behaviours),
    requests: behaviourRequests + input.extraRequests,
    throttled: input.tests.reduce((sum, test) => sum + (test.meta?.throttled ?? 0), 0),
    leaks: input.leaks,
    ...(input.leaked === undefined ? {} : { leaked: input.leaked.map((leak) => ({ ...leak })) }),
    harnessErrors: input.harnessErrors,
    interrupted: input.interrupted,
  };
}

function judge(
  entry: BehaviourEntry,
  test: CollectedTest | undefined,
  { interrupted, profile }: Pick<SummaryInput, "interrupted" | "profile">,
): SummaryBehaviour {
  const base = {
    id: entry.id,
    level: entry.level,
    resource: entry.resource,
    statement: entry.statement,
    source: entry.source,
  };
  const outsideProfile = outsideProfileReason(entry, profile);
  if (outsideProfile !== undefined) {
    return {
      ...base,
      status: "skipped",
      failures: [],
      readings: [],
      requests: 0,
      durationMs: 0,
      skipReason: outsideProfile,
    };
  }
  if (interrupted && test?.meta === undefined) {
    const reason = "not run: the run was interrupted";
    return {
      ...base,
      status: "skipped",
      failures: [],
      readings: [],
      requests: 0,
      durationMs: 0,
      skipReason: reason,
    };
  }
  const notJudged = { failures: [], readings: [], requests: 0, durationMs: 0 };
  if (test === undefined) {
    return { ...base, status: "broken", ...notJudged, brokenReason: "the behaviour did not run" };
  }
  const meta = test.meta;
  if (meta === undefined) {
    if (test.state === "skipped") {
      return { ...base, status: "skipped", ...notJudged, skipReason: "the behaviour was skipped" };
    }
    // A hook that threw, a test timeout: vitest's error is all there is.
    const reason = test.errors.join("; ") || `test ended ${test.state} without a result`;
    return { ...base, status: "broken", ...notJudged, brokenReason: reason };
  }
  const failures: SummaryFailure[] = meta.failures.map((found) => ({
    message: `${found.title}: received ${found.received}; documented ${found.documented}`,
    check: found.check,
    received: found.received,
    documented: found.documented,
    ...(found.reproduction === undefined ? {} : { reproduction: found.reproduction }),
    ...(found.sequence === undefined ? {} : { sequence: found.sequence }),
    ...(found.timeline === undefined ? {} : { timeline: found.timeline }),
  }));
  const { readings, requests, durationMs } = meta;
  const measured = { failures, readings, requests, durationMs };
  switch (meta.outcome) {
    case "skipped": {
      const skipReason = meta.skipReason ?? "the behaviour could not be judged";
      return { ...base, status: "skipped", ...measured, skipReason };
    }
    case "broken": {
      const brokenReason = meta.brokenReason ?? "the harness could not finish";
      return { ...base, status: "broken", ...measured, brokenReason };
    }
    case "passed":
      return { ...base, status: "passed", ...measured };
    case "failed":
      return { ...base, status: entry.level === "SHOULD" ? "warned" : "failed", ...measured };
  }
}

/** Totals counted from the behaviours: every status, zero when none has it. */
export function countTotals(
  behaviours: ReadonlyArray<Pick<SummaryBehaviour, "status">>,
): SummaryTotals {
  const zeros = BEHAVIOUR_STATUSES.map((status) => [status, 0]);
  const totals = Object.fromEntries([["behaviours", behaviours.length], ...zeros]) as SummaryTotals;
  for (const behaviour of behaviours) totals[behaviour.status] += 1;
  return totals;
}

export function gatherReadings(
  behaviours: readonly SummaryBehaviour[],
): Array<{ topic: string; readings: string[] }> {
  const topics = new Map<string, Set<string>>();
  for (const behaviour of behaviours) {
    for (const { topic, reading } of behaviour.readings) {
      const set = topics.get(topic) ?? new Set<string>();
      set.add(reading);
      topics.set(topic, set);
    }
  }
  return [...topics].map(([topic, readings]) => ({ topic, readings: [...readings].sort() }));
}

export function writeSummary(reportDir: string, summary: Summary): string {
  mkdirSync(reportDir, { recursive: true });
  const file = join(reportDir, "summary.json");
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}

/**
 * A full run where everything a stateless mock can honour passed and most stateful
 * behaviours failed: the target answers but does not remember writes. Says so, since
 * a wall of failures alone does not tell a mock author what is missing.
 */
export function statelessTargetHint(
  summary: Summary,
  catalogue: readonly BehaviourEntry[],
): string | undefined {
  if (summary.profile !== "full") return undefined;
  const mockIds = new Set(
    catalogue.filter((entry) => entry.profiles.includes("mock")).map((entry) => entry.id),
  );
  const honoured = summary.behaviours.filter((behaviour) => mockIds.has(behaviour.id));
  const stateful = summary.behaviours.filter((behaviour) => !mockIds.has(behaviour.id));
  if (honoured.length === 0 || honoured.some((behaviour) => behaviour.status !== "passed"))
    return undefined;
  const failing = stateful.filter(
    (behaviour) => behaviour.status === "failed" || behaviour.status === "warned",
  );
  if (failing.length * 2 < stateful.length) return undefined;
  return `every behaviour a stateless mock can honour passed, but ${failing.length} of ${stateful.length} stateful ones failed: the target answers without remembering writes (a stateless mock?); judge it as one with --profile mock`;
}

/**
 * 0 = every MUST passed; 1 = a MUST failed (or, with strict, a SHOULD warned); 2 = a
 * behaviour is broken: the run could not be judged whole, whatever else it found.
 */
export function exitCodeOf(summary: Summary, strict: boolean): 0 | 1 | 2 {
  if (summary.behaviours.some((behaviour) => behaviour.status === "broken")) return 2;
  if (summary.totals.failed > 0) return 1;
  if (strict && summary.totals.warned > 0) return 1;
  return 0;
}
