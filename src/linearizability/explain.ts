// The smallest set of operations no order can explain, by delta debugging (Zeller's ddmin).
// It *weakens* operations, never deletes them: a weakened operation keeps its call and
// return but may have taken effect or not, with any output. Deleting a write would leave
// its readers unexplained for a new reason; weakening only ever admits more orders, so
// what stays is a set of observed outcomes that contradict each other whatever the rest did.
//
// Two cuts keep each try small, and both are exact. The search stopped at the latest return
// that blocked a path (`blockedAt`): operations called later were never candidates, so the
// first try keeps only the ones called before it. And an operation called after every kept
// operation has returned can go last, where a weakened one is always legal, so it is left out.

import type { Model } from "./model.ts";
import { searchLinearization, type SearchOperation } from "./search.ts";

export interface Explanation {
  /** Positions (in the partition) of the operations called before the search got stuck. */
  readonly window: readonly number[];
  /** Positions of the operations whose observed outcomes no order can explain. */
  readonly unexplained: readonly number[];
  /** False when the time budget ran out before every operation was tried. */
  readonly minimal: boolean;
}

export function explainViolation<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly SearchOperation<I, O>[],
  blockedAt: number,
  deadline: number,
  stuck?: number,
): Explanation {
  const window = ops.flatMap((op, i) => (op.call <= blockedAt ? [i] : []));
  // An unknown outcome is as weak as it gets already: it never needs explaining.
  const observed = window.filter((i) => ops[i]!.output !== undefined);
  let complete = true;
  const violatedKeeping = (kept: readonly number[]): boolean => {
    if (performance.now() > deadline) {
      complete = false;
      return false;
    }
    const found = searchLinearization(model, keepOnly(ops, kept), deadline).verdict;
    if (found === "timeout") complete = false;
    return found === "violation";
  };
  // The operation the search could not place often explains itself (a value never written).
  if (stuck !== undefined && violatedKeeping([stuck])) {
    return { window, unexplained: [stuck], minimal: true };
  }
  if (!violatedKeeping(observed)) return { window, unexplained: observed, minimal: false };
  return { window, unexplained: ddmin(observed, violatedKeeping), minimal: complete };
}

/** The history with every operation but `kept` weakened, cut after the kept ones return. */
function keepOnly<I, O>(
  ops: readonly SearchOperation<I, O>[],
  kept: readonly number[],
): SearchOperation<I, O>[] {
  const keep = new Set(kept);
  const cutoff = Math.max(...kept.map((i) => ops[i]!.return));
  return ops.flatMap((op, i) => {
    if (op.call > cutoff) return [];
    return keep.has(i) ? [op] : [{ ...op, output: undefined }];
  });
}

/** Zeller & Hildebrandt's ddmin over complements: a 1-minimal subset that still fails. */
function ddmin(items: readonly number[], fails: (kept: readonly number[]) => boolean): number[] {
  let kept = [...items];
  let granularity = 2;
  while (kept.length >= 2) {
    const size = Math.ceil(kept.length / granularity);
    let reduced = false;
    for (let start = 0; start < kept.length; start += size) {
      const complement = [...kept.slice(0, start), ...kept.slice(start + size)];
      if (complement.length > 0 && fails(complement)) {
        kept = complement;
        granularity = Math.max(granularity - 1, 2);
        reduced = true;
        break;
      }
    }
    if (reduced) continue;
    if (granularity >= kept.length) break;
    granularity = Math.min(kept.length, granularity * 2);
  }
  return kept;
}
