// Concurrency conformance: many clients at once. Generated programs run in parallel and
// checked for linearizability (behaviour.ts, SEQ-CONCURRENT), the pieces the CONC-*
// behaviours race with (record.ts, observe.ts, pacing.ts, settings.ts), the counterexample
// format `replay` reads (counterexample.ts) and the timelines failures carry (verdict.ts).
export { proveConcurrentHistories, LINEARIZABLE_DOCUMENTED } from "./behaviour.ts";
export {
  concurrentCounterexampleProblem,
  isConcurrentCounterexample,
  CONCURRENT_COUNTEREXAMPLE,
  type ConcurrentCounterexample,
} from "./counterexample.ts";
export { executeProgram, FINAL_READER, type Execution, type ServiceOperation } from "./execute.ts";
export {
  bodyOf,
  flagsOf,
  isUnknownOutcome,
  itemOutputOf,
  listedRecords,
  mapOutputOf,
  permissionOutputOf,
} from "./observe.ts";
export { MapWritePacer } from "./pacing.ts";
export {
  describeProgram,
  programArbitrary,
  UNIVERSE,
  type Program,
  type ProgramOp,
} from "./program.ts";
export { timed, together, type Recorded } from "./record.ts";
export { ConcurrentSession, type Checked } from "./session.ts";
export {
  DEFAULT_CLIENTS,
  limitsFor,
  REMOTE_MAPS_AT_ONCE,
  REMOTE_WRITES_PER_SECOND,
  type ConcurrencyLimits,
} from "./settings.ts";
export { shrinkProgram, smallerPrograms, DEFAULT_SHRINK } from "./shrink.ts";
export { timelineOf, viewViolation, type ViolationView } from "./verdict.ts";
