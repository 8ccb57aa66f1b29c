// Runs one behaviour definition against a target, outside or inside vitest alike.
import {
  BehaviourAborted,
  BehaviourContext,
  BehaviourSkipped,
  type BehaviourEnvironment,
  type Reading,
} from "./context.ts";
import type { BehaviourDefinition } from "./define.ts";
import type { Failure } from "../checks/failure.ts";

export type Outcome = "passed" | "failed" | "broken" | "skipped";

export interface BehaviourOutcome {
  readonly id: string;
  readonly outcome: Outcome;
  readonly failures: readonly Failure[];
  readonly readings: readonly Reading[];
  readonly requests: number;
  /** 429 answers among those requests (retried with back-off; see src/http/budget.ts). */
  readonly throttled: number;
  /** Maps the behaviour created and could not delete; the CLI's final sweep retries them. */
  readonly leakedSids: readonly string[];
  readonly durationMs: number;
  /** Why the harness could not finish the behaviour (a bug of ours, not the target's). */
  readonly brokenReason?: string;
  /** Why the behaviour could not be judged here: not the target's fault, nor ours. */
  readonly skipReason?: string;
}

export interface RunOptions {
  readonly timeoutMs?: number;
}

export async function runBehaviour(
  definition: BehaviourDefinition,
  environment: BehaviourEnvironment,
  options: RunOptions = {},
): Promise<BehaviourOutcome> {
  const started = performance.now();
  const context = new BehaviourContext(definition.id, environment);
  const requestsBefore = environment.api.requestCount;
  const throttledBefore = environment.api.throttledCount;
  let brokenReason: string | undefined;
  let skipReason: string | undefined;
  try {
    await withTimeout(definition.run(context), options.timeoutMs ?? 120_000, definition.id);
  } catch (error) {
    if (error instanceof BehaviourSkipped) skipReason = error.reason;
    else if (!(error instanceof BehaviourAborted))
      brokenReason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  // The target kept refusing with 429 after every retry: what the behaviour saw then is the
  // throttle, not the target's behaviour, so it is not judged (broken, with the reason).
  // A 429 while cleaning up only leaks a map, which the final sweep retries.
  const throttledOut = environment.api.throttledOut;
  const leakedSids = await context.cleanUp();
  if (throttledOut !== undefined) brokenReason = `rate limited: ${throttledOut}; not judged`;
  const failures = throttledOut === undefined ? [...context.failures] : [];
  // A behaviour that crashed on what the target sent has still judged the target: if a
  // failure was recorded first, the crash is its consequence and the verdict is "failed".
  const outcome: Outcome =
    failures.length > 0
      ? "failed"
      : brokenReason !== undefined
        ? "broken"
        : skipReason !== undefined
          ? "skipped"
          : "passed";
  return {
    id: definition.id,
    outcome,
    failures,
    readings: [...context.readings],
    requests: environment.api.requestCount - requestsBefore,
    throttled: environment.api.throttledCount - throttledBefore,
    leakedSids,
    durationMs: Math.round(performance.now() - started),
    ...(brokenReason === undefined ? {} : { brokenReason }),
    ...(outcome === "skipped" && skipReason !== undefined ? { skipReason } : {}),
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number, id: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${id} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
