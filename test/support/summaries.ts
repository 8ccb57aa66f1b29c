// Hand-made summaries for the tests of what reads a summary (baselines, waivers):
// one behaviour per call, failing ones with one failure, totals counted from them.
// What they make is valid against schemas/summary.schema.json (test/summary-schema.test.ts).
import {
  SUMMARY_SCHEMA_VERSION,
  countTotals,
  type BehaviourStatus,
  type Summary,
  type SummaryBehaviour,
} from "../../reporters/summary.ts";

export function behaviour(
  id: string,
  status: BehaviourStatus,
  level: "MUST" | "SHOULD" = "MUST",
): SummaryBehaviour {
  const failing = status === "failed" || status === "warned" || status === "waived";
  const failures = failing
    ? [
        {
          message: `${id}: received 500; documented 200`,
          check: "status_code",
          received: "500",
          documented: "200",
        },
      ]
    : [];
  // As buildSummary writes them: a skipped or broken behaviour says why.
  const reason =
    status === "broken"
      ? { brokenReason: "TypeError: planted harness bug" }
      : status === "skipped"
        ? { skipReason: "not run: the run was interrupted" }
        : {};
  const base = { id, level, resource: "map", statement: `${id} holds`, source: "seed", status };
  return { ...base, failures, readings: [], requests: 1, durationMs: 1, ...reason };
}

export function summaryOf(...behaviours: SummaryBehaviour[]): Summary {
  const totals = countTotals(behaviours);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: "sync-map-conformance", version: "0.1.0" },
    target: { baseUrl: "http://127.0.0.1:4010", embedded: true },
    profile: "full",
    seed: 1,
    runPrefix: "smc-1-",
    spec: { hash: "h", source: "spec/sync-map.openapi.yaml", gaps: [] },
    startedAt: "2026-03-15T12:00:00.000Z",
    durationMs: 1,
    totals,
    behaviours,
    readings: [],
    requests: 0,
    leaks: 0,
    harnessErrors: [],
    interrupted: false,
  };
}
