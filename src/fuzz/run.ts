// Sends a plan through an executor with bounded concurrency, judges every answer with
// the generic checks, reads around writes that must be refused, then groups the
// failures and shrinks each group's example.
import { HarnessError } from "../errors.ts";
import type { Exchange } from "../http/exchange.ts";
import { checkAnswer, FUZZ_CHECK_IDS, invalidInputIsNotApplied } from "./checks.ts";
import { groupFailures, toGroup } from "./group.ts";
import type { FailureGroup, Observation } from "./group.ts";
import { shrinkGroup } from "./shrink.ts";
import { snapshotScope } from "./state.ts";
import { describeSurfaces } from "./surface.ts";
import type {
  FixtureKind,
  Fixtures,
  FuzzCase,
  FuzzExecutor,
  FuzzPhase,
  FuzzPlan,
} from "./types.ts";
import { toWire } from "./wireRequest.ts";

export interface RunFuzzOptions {
  /** Cases in flight at once; 4 keeps a real service under its per-object limits. */
  readonly concurrency?: number;
  /** Re-send smaller variants of each group's example (at most `shrinkAttempts` each). */
  readonly shrink?: boolean;
  readonly shrinkAttempts?: number;
  /**
   * The target keeps no state (--profile mock): one set of resources serves every case
   * and nothing is read around refused writes, since a mock cannot apply them.
   */
  readonly stateless?: boolean;
}

export interface CheckTally {
  passed: number;
  failed: number;
}

export interface FuzzRunResult {
  readonly cases: number;
  readonly casesByPhase: Readonly<Record<FuzzPhase, number>>;
  /** Every request the executor sent: cases, fixtures, snapshots, shrinking, clean-up. */
  readonly requests: number;
  readonly durationMs: number;
  /** Per check id: answers it passed and answers it failed (before grouping). */
  readonly checks: Readonly<Record<string, CheckTally>>;
  /** One entry per defect, most frequent first. */
  readonly failures: readonly FailureGroup[];
  /** Cases the harness could not send (a fixture it could not create), with why. */
  readonly harnessErrors: readonly string[];
  /** Each sent case's answer status by case id, 0 for no answer; unsent cases are absent. */
  readonly statuses: ReadonlyMap<string, number>;
  /** Maps the run created and could not delete. */
  readonly leakedSids: readonly string[];
}

/** A case ready to send: its request on its resources, and the state read before it. */
interface Prepared {
  readonly fuzzCase: FuzzCase;
  readonly wire: ReturnType<typeof toWire>;
  readonly scope: ReturnType<typeof snapshotScope>;
  readonly before: Awaited<ReturnType<FuzzExecutor["snapshot"]>> | undefined;
}

/** A case judged: its failing observations, and the ids of the checks that ran. */
interface Judged {
  readonly observations: Observation[];
  readonly ran: string[];
  /** The answer's status, 0 for none. */
  readonly status: number;
}

export async function runFuzz(
  plan: FuzzPlan,
  executor: FuzzExecutor,
  options: RunFuzzOptions = {},
): Promise<FuzzRunResult> {
  const started = performance.now();
  const checks: Record<string, CheckTally> = {};
  for (const id of FUZZ_CHECK_IDS) checks[id] = { passed: 0, failed: 0 };
  const casesByPhase: Record<FuzzPhase, number> = {
    coverage: 0,
    positive: 0,
    negative: 0,
    syntax: 0,
  };
  const observations: Observation[] = [];
  const harnessErrors: string[] = [];
  const statuses = new Map<string, number>();
  const shared = new Map<string, Promise<Fixtures>>();

  const provide = breaker(executor, FIXTURE_FAILURES_BEFORE_GIVING_UP);
  /** Reads share one set of resources; every write gets its own, so cases never interfere. */
  const fixturesFor = (fuzzCase: FuzzCase): Promise<Fixtures> => {
    const own = fuzzCase.request.method !== "GET" && options.stateless !== true;
    if (own) return provide(fuzzCase.needs);
    const key = [...fuzzCase.needs].sort().join(",");
    if (!shared.has(key)) shared.set(key, provide(fuzzCase.needs));
    return shared.get(key) as Promise<Fixtures>;
  };

  /** What a case needs before it is sent: its resources, its request, the state around it. */
  const prepare = async (fuzzCase: FuzzCase): Promise<Prepared> => {
    const fixtures = await fixturesFor(fuzzCase);
    const wire = toWire(fuzzCase.request, fixtures);
    const scope = options.stateless === true ? undefined : snapshotScope(fuzzCase, fixtures);
    const before = scope === undefined ? undefined : await executor.snapshot(scope);
    return { fuzzCase, wire, scope, before };
  };

  const sendPrepared = async (prepared: Prepared): Promise<Judged> => {
    const { fuzzCase, wire, scope, before } = prepared;
    const exchange: Exchange = await executor.send(wire, fuzzCase.operationId);
    const failures = checkAnswer({ spec: plan.spec, fuzzCase, exchange });
    const ran = FUZZ_CHECK_IDS.filter((id) => id !== invalidInputIsNotApplied.id);
    const status = exchange.response?.status ?? 0;
    if (scope !== undefined && before !== undefined && status >= 400 && status < 500) {
      const after = await executor.snapshot(scope);
      failures.push(...invalidInputIsNotApplied.run({ fuzzCase, before, after }));
      ran.push(invalidInputIsNotApplied.id);
    }
    return {
      observations: failures.map((failure) => ({ fuzzCase, wire, exchange, failure })),
      ran,
      status,
    };
  };

  const judge = async (fuzzCase: FuzzCase): Promise<Judged> =>
    sendPrepared(await prepare(fuzzCase));

  let silentInARow = 0;
  const sendCase = async (fuzzCase: FuzzCase, preparation?: Promise<Prepared>) => {
    casesByPhase[fuzzCase.phase] += 1;
    if (silentInARow >= SILENT_ANSWERS_BEFORE_GIVING_UP) {
      const why = `the target answered none of the last ${silentInARow} cases`;
      harnessErrors.push(`${fuzzCase.id}: not sent: ${why}`);
      return;
    }
    try {
      const prepared = await (preparation ?? prepare(fuzzCase));
      const { observations: found, ran, status } = await sendPrepared(prepared);
      silentInARow = status === 0 ? silentInARow + 1 : 0;
      statuses.set(fuzzCase.id, status);
      const failed = new Set(found.map((observation) => observation.failure.check));
      for (const id of ran) (checks[id] as CheckTally)[failed.has(id) ? "failed" : "passed"] += 1;
      observations.push(...found);
    } catch (error) {
      if (!(error instanceof HarnessError)) throw error;
      harnessErrors.push(`${fuzzCase.id}: ${error.message}`);
    }
  };
  // The HTTP-layer cases go one at a time after the rest: one that brings a fragile
  // target down then takes no API case in flight with it, and no other HTTP-layer case
  // either, so what broke it is named exactly. Their resources (and the state read before
  // each) are made beforehand, side by side: only the cases themselves wait on each other.
  const api = plan.cases.filter((fuzzCase) => fuzzCase.transport !== true);
  await inPool(api, options.concurrency ?? 4, (fuzzCase) => sendCase(fuzzCase));
  const transport = plan.cases.filter((fuzzCase) => fuzzCase.transport === true);
  const preparations = new Map<FuzzCase, Promise<Prepared>>();
  await inPool(transport, options.concurrency ?? 4, async (fuzzCase) => {
    const preparation = prepare(fuzzCase);
    preparations.set(fuzzCase, preparation);
    // Its failure is the case's harness error, reported when the case's turn comes.
    await preparation.catch(() => undefined);
  });
  await inPool(transport, 1, (fuzzCase) => sendCase(fuzzCase, preparations.get(fuzzCase)));

  let groups = groupFailures(observations, executor.accountSid);
  if (options.shrink !== false) {
    const attempts = options.shrinkAttempts ?? 12;
    const { surfaces } = describeSurfaces(plan.spec);
    groups = await Promise.all(
      groups.map(async (group) => {
        const surface = surfaces.find((entry) => entry.operationId === group.operationId);
        const retry = (candidate: FuzzCase) => judgeQuietly(judge, candidate);
        const smaller = await shrinkGroup(group, attempts, retry, surface, plan.spec.limits);
        return smaller === undefined
          ? group
          : toGroup(group.key, smaller, group.members, executor.accountSid);
      }),
    );
  }
  const leakedSids = await executor.release();
  return {
    cases: plan.cases.length,
    casesByPhase,
    requests: executor.requestCount(),
    durationMs: performance.now() - started,
    checks,
    failures: groups.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    harnessErrors,
    statuses,
    leakedSids,
  };
}

/**
 * A target that cannot make resources (down, hanging, refusing every create) is not
 * asked hundreds more times: after this many failures in a row the cases that need
 * one are not sent, each a harness error naming the last failure.
 */
const FIXTURE_FAILURES_BEFORE_GIVING_UP = 5;
/** The same for a target that stops answering: the verdict is in after this many. */
const SILENT_ANSWERS_BEFORE_GIVING_UP = 5;

function breaker(executor: FuzzExecutor, limit: number) {
  let failuresInARow = 0;
  let last: HarnessError | undefined;
  return async (needs: readonly FixtureKind[]): Promise<Fixtures> => {
    if (needs.length > 0 && failuresInARow >= limit && last !== undefined) {
      throw new HarnessError(
        "SMC_ERR_FIXTURE",
        `not sent after ${limit} failures: ${last.message}`,
      );
    }
    try {
      const fixtures = await executor.provide(needs);
      failuresInARow = 0;
      return fixtures;
    } catch (error) {
      if (error instanceof HarnessError) {
        failuresInARow += 1;
        last = error;
      }
      throw error;
    }
  };
}

async function judgeQuietly(
  judge: (fuzzCase: FuzzCase) => Promise<Judged>,
  fuzzCase: FuzzCase,
): Promise<Observation[]> {
  try {
    return (await judge(fuzzCase)).observations;
  } catch (error) {
    if (error instanceof HarnessError) return [];
    throw error;
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
