// The smallest set of operations no order can explain. The search stops at the latest
// return that blocked a path; operations called after it never took part, so the window
// before it fails the same way. Inside the window, delta debugging (Zeller's ddmin)
// *weakens* operations, never deletes them: a weakened operation keeps its call and
// return but may have taken effect or not, with any output. Deleting a write would leave
// its readers unexplained for a new reason; weakening only ever admits more orders, so
// what stays is a set of observed outcomes that contradict each other whatever the rest did.

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
): Explanation {
  const window = ops.flatMap((op, i) => (op.call <= blockedAt ? [i] : []));
  const windowOps = window.map((i) => ops[i]!);
  let complete = true;
  const violatedKeeping = (kept: readonly number[]): boolean => {
    if (performance.now() > deadline) {
      complete = false;
      return false;
    }
    const keep = new Set(kept);
    const weakened = windowOps.map((op, i) => (keep.has(i) ? op : { ...op, output: undefined }));
    const found = searchLinearization(model, weakened, deadline).verdict;
    if (found === "timeout") complete = false;
    return found === "violation";
  };
  const all = window.map((_, i) => i);
  if (!violatedKeeping(all)) return { window, unexplained: window, minimal: false };
  const core = ddmin(all, violatedKeeping);
  return { window, unexplained: core.map((i) => window[i]!), minimal: complete };
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
