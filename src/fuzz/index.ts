/**
 * Schema-derived fuzzing: `planFuzz(spec, { seed, runs })` derives coverage, positive,
 * negative and syntax cases from the document in use; `runFuzz(plan, executor)` sends
 * them and returns per-check tallies and one grouped, shrunk failure per defect.
 */
export { planFuzz, countByPhase, DEFAULT_FUZZ_RUNS } from "./plan.ts";
export type { PlanOptions } from "./plan.ts";
export { runFuzz } from "./run.ts";
export type { CheckTally, FuzzRunResult, RunFuzzOptions } from "./run.ts";
export {
  createApiExecutor,
  createHttpExecutor,
  FIXTURE_IDENTITY,
  FIXTURE_ITEM_KEY,
} from "./executor.ts";
export type { ApiExecutorOptions, HttpExecutorOptions } from "./executor.ts";
export { checkAnswer, documentedStatuses, FUZZ_CHECK_IDS, namedCause } from "./checks.ts";
export * from "./checks.ts";
export { changesBetween, snapshotScope } from "./state.ts";
export { groupFailures, groupKey } from "./group.ts";
export type { FailureGroup, Observation } from "./group.ts";
export { classifyOnWire, classifyValue, onTheWire } from "./wire.ts";
export { describeSurfaces } from "./surface.ts";
export { toWire } from "./wireRequest.ts";
export { fuzzCurl } from "./curl.ts";
export type * from "./types.ts";
export { FUZZ_PHASES } from "./types.ts";
