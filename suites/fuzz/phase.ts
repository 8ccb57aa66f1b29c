// The fuzz phase, sent once per run and shared by every FUZZ behaviour: each behaviour
// asks for the phase's result and judges the checks it owns. The first to ask sends the
// plan through its own api (so the requests count, back off on 429 and are redacted like
// every other); the others wait for the same promise. One plan per target, document,
// seed and budget: a second run in the same process (the meta-suite) gets its own.
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { BehaviourSkipped } from "../../src/behaviours/context.ts";
import { countByPhase, createApiExecutor, planFuzz, runFuzz } from "../../src/fuzz/index.ts";
import type { FuzzPlan, FuzzRunResult } from "../../src/fuzz/index.ts";
import type { SpecCatalog } from "../../src/spec/index.ts";

/**
 * Cases in flight at once. Every write case has a map of its own, so no object sees more
 * than one request at a time; the client still backs off on 429.
 */
export const FUZZ_CONCURRENCY = 16;

export interface FuzzPhaseResult extends FuzzRunResult {
  readonly plan: FuzzPlan;
  /** The id of the behaviour whose api sent the phase (its request count holds them). */
  readonly sentBy: string;
  /** Under --profile mock the HTTP-layer cases are not sent (FuzzCase.transport). */
  readonly transportSent: boolean;
}

const phases = new Map<string, Promise<FuzzPhaseResult>>();

/** The run's fuzz phase: sent by the first FUZZ behaviour that asks, shared by the rest. */
export function fuzzPhase(t: BehaviourContext): Promise<FuzzPhaseResult> {
  const spec = fuzzableSpec(t);
  const key = [t.accountSid, t.serviceSid, spec.source, spec.hash, t.seed, t.fuzzRuns, t.profile]
    .map(String)
    .join("|");
  let phase = phases.get(key);
  if (phase === undefined) {
    phase = sendPhase(t, spec);
    phases.set(key, phase);
  }
  return phase;
}

async function sendPhase(t: BehaviourContext, spec: SpecCatalog): Promise<FuzzPhaseResult> {
  // A mock is judged on the API contract: no HTTP-layer cases, no state read around writes.
  const mock = t.profile === "mock";
  const plan = planFuzz(spec, { seed: t.seed, runs: t.fuzzRuns, transport: !mock });
  const executor = createApiExecutor(t.api, {
    accountSid: t.accountSid,
    fixtureName: () => t.uniqueName("fuzz"),
  });
  const options = { concurrency: FUZZ_CONCURRENCY, stateless: mock };
  const result = await runFuzz(plan, executor, options);
  return { ...result, plan, sentBy: t.behaviourId, transportSent: !mock };
}

/** One line for the run's output: what the phase sent and what it could not derive. */
export function describePhase(phase: FuzzPhaseResult): string {
  const phases = Object.entries(countByPhase(phase.plan))
    .map(([name, count]) => `${count} ${name}`)
    .join(", ");
  const seconds = (phase.durationMs / 1000).toFixed(1);
  return (
    `${phase.cases} cases (${phases}) in ${phase.requests} requests, ${seconds} s; ` +
    `seed ${phase.plan.seed}, --fuzz-runs ${phase.plan.runs}`
  );
}

/**
 * The document in use as the fuzz engine reads it. The runner hands every behaviour the
 * loaded SpecCatalog; a narrower stand-in (a unit test's) cannot be fuzzed.
 */
function fuzzableSpec(t: BehaviourContext): SpecCatalog {
  const spec = t.specInUse as Partial<SpecCatalog>;
  const complete =
    spec.document !== undefined &&
    typeof spec.hash === "string" &&
    typeof spec.operationIds === "function" &&
    typeof spec.validateErrorBody === "function" &&
    typeof spec.validateResponse === "function";
  if (!complete) throw new BehaviourSkipped("the document in use is not a loaded OpenAPI catalog");
  return spec as SpecCatalog;
}
