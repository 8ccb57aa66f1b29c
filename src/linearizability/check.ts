// Checks a recorded history against a model: partition it (per key), search each part for
// a linearization, and on a violation say which operations no order can explain.

import { explainViolation } from "./explain.ts";
import { normalizeHistory, type History, type TimedOperation } from "./history.ts";
import { describeState, partitionOf, type Model } from "./model.ts";
import { searchLinearization, type Verdict } from "./search.ts";

export interface CheckOptions {
  /** Give up (verdict "timeout") after this long; no limit by default. */
  readonly timeoutMs?: number;
  /** Look for the smallest unexplained set on a violation (default true). */
  readonly explain?: boolean;
  /** Time for that search, per violated partition (default 2 s). */
  readonly explainBudgetMs?: number;
}

/** Every index below points into the history given to `checkHistory`. */
export interface PartitionVerdict {
  readonly verdict: Verdict;
  readonly operations: readonly number[];
  /** The whole linearization when linearizable, else the longest linearizable prefix found. */
  readonly order: readonly number[];
  /** The possible states after each operation of `order`, described by the model. */
  readonly statesAfter: readonly string[];
  /** On a violation: the operation that could not be placed after `order`. */
  readonly stuck?: number;
  /** On a violation: the operations called before the search got stuck. */
  readonly window?: readonly number[];
  /** On a violation: operations whose observed outcomes no order of the window explains. */
  readonly unexplained?: readonly number[];
  readonly unexplainedIsMinimal?: boolean;
}

export interface CheckResult<Input, Output> {
  /** A violation anywhere wins over a timeout anywhere. */
  readonly verdict: Verdict;
  readonly ok: boolean;
  readonly operations: readonly TimedOperation<Input, Output>[];
  readonly partitions: readonly PartitionVerdict[];
  readonly violations: readonly PartitionVerdict[];
}

const DEFAULT_EXPLAIN_BUDGET_MS = 2_000;

export function checkHistory<S, I, O>(
  model: Model<S, I, O>,
  history: History<I, O>,
  options: CheckOptions = {},
): CheckResult<I, O> {
  const operations = normalizeHistory(history);
  const deadline = performance.now() + (options.timeoutMs ?? Infinity);
  const partitions = partitionIndices(model, history).map((indices) =>
    checkPartition(model, indices, operations, deadline, options),
  );
  const violations = partitions.filter((p) => p.verdict === "violation");
  const verdict: Verdict =
    violations.length > 0
      ? "violation"
      : partitions.some((p) => p.verdict === "timeout")
        ? "timeout"
        : "linearizable";
  return { verdict, ok: verdict === "linearizable", operations, partitions, violations };
}

function checkPartition<S, I, O>(
  model: Model<S, I, O>,
  indices: readonly number[],
  all: readonly TimedOperation<I, O>[],
  deadline: number,
  options: CheckOptions,
): PartitionVerdict {
  const ops = indices.map((i) => all[i]!);
  const found = searchLinearization(model, ops, deadline);
  const verdict: PartitionVerdict = {
    verdict: found.verdict,
    operations: indices,
    order: found.order.map((i) => indices[i]!),
    statesAfter: found.statesAfter.map((states) =>
      states.map((state) => describeState(model, state)).join(" | "),
    ),
  };
  if (found.verdict !== "violation") return verdict;
  const stuck = { stuck: indices[found.stuck!]! };
  if (options.explain === false) return { ...verdict, ...stuck };
  const budget = options.explainBudgetMs ?? DEFAULT_EXPLAIN_BUDGET_MS;
  const why = explainViolation(
    model,
    ops,
    found.blockedAt!,
    Math.min(deadline, performance.now() + budget),
    found.stuck,
  );
  return {
    ...verdict,
    ...stuck,
    window: why.window.map((i) => indices[i]!),
    unexplained: why.unexplained.map((i) => indices[i]!),
    unexplainedIsMinimal: why.minimal,
  };
}

/** The model's partitions as positions in the history (partitions hand back operations). */
function partitionIndices<S, I, O>(model: Model<S, I, O>, history: History<I, O>): number[][] {
  const positions = new Map<object, number[]>();
  history.forEach((op, i) => {
    const list = positions.get(op);
    if (list) list.push(i);
    else positions.set(op, [i]);
  });
  return partitionOf(model, history).map((part) =>
    part.map((op) => {
      const index = positions.get(op)?.shift();
      if (index === undefined) throw new Error("a partition returned an operation not in history");
      return index;
    }),
  );
}
