// The plan: every case the fuzz phase sends, decided before the first request so it
// can be counted, printed and replayed from the seed. Coverage and syntax cases are
// enumerated; `runs` bounds the generated (positive + negative) cases per operation.
import { DEFAULT_FUZZ_RUNS } from "../config/cli-options.ts";
import type { SpecCatalog } from "../spec/index.ts";
import { buildCase } from "./cases.ts";
import { coverageDrafts } from "./coverage.ts";
import { negativeDrafts } from "./negative.ts";
import { positiveDrafts } from "./positive.ts";
import { describeSurfaces } from "./surface.ts";
import { syntaxCases } from "./syntax.ts";
import type { FuzzCase, FuzzPhase, FuzzPlan } from "./types.ts";

/** Generated cases per operation by default (--fuzz-runs), defined with the CLI option. */
export { DEFAULT_FUZZ_RUNS };

export interface PlanOptions {
  readonly seed: number;
  /** Positive plus negative cases per operation; half each, positive rounded up. */
  readonly runs?: number;
  /** Only these phases (all by default). */
  readonly phases?: readonly FuzzPhase[];
  /**
   * Send the cases aimed at the HTTP layer (FuzzCase.transport)? Yes by default; a
   * stateless mock is judged on the API contract, not on how it survives a broken path.
   */
  readonly transport?: boolean;
}

export function planFuzz(spec: SpecCatalog, options: PlanOptions): FuzzPlan {
  const runs = Math.max(0, Math.floor(options.runs ?? DEFAULT_FUZZ_RUNS));
  const wanted = new Set(options.phases ?? ["coverage", "positive", "negative", "syntax"]);
  const { surfaces, gaps } = describeSurfaces(spec);
  const cases: FuzzCase[] = [];
  for (const surface of surfaces) {
    const positives = surface.fields.length === 0 ? Math.min(runs, 1) : Math.ceil(runs / 2);
    const negatives = runs - Math.ceil(runs / 2);
    const drafts = [
      ...(wanted.has("coverage") ? coverageDrafts(surface, spec.limits) : []),
      ...(wanted.has("positive")
        ? positiveDrafts(surface, spec.limits, options.seed, positives)
        : []),
      ...(wanted.has("negative")
        ? negativeDrafts(surface, spec.limits, options.seed, negatives)
        : []),
    ];
    const built = drafts.map((draft, index) => buildCase(surface, draft, index, spec.limits));
    cases.push(...built);
    if (wanted.has("syntax")) cases.push(...syntaxCases(surface, spec.limits, built.length));
  }
  // Stable: the API cases in plan order, then the HTTP-layer ones, which may end a target.
  const api = cases.filter((entry) => entry.transport !== true);
  const transport = options.transport === false ? [] : cases.filter((entry) => entry.transport);
  return Object.freeze({
    spec,
    seed: options.seed,
    runs,
    cases: [...api, ...transport],
    gaps,
    operations: surfaces.map((surface) => surface.operationId),
  });
}

/** Cases per phase, for the closing note and the report. */
export function countByPhase(plan: FuzzPlan): Record<FuzzPhase, number> {
  const counts: Record<FuzzPhase, number> = { coverage: 0, positive: 0, negative: 0, syntax: 0 };
  for (const entry of plan.cases) counts[entry.phase] += 1;
  return counts;
}
