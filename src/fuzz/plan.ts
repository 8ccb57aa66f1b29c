// The plan: every case the fuzz phase sends, decided before the first request so it
// can be counted, printed and replayed from the seed. Coverage and syntax cases are
// enumerated; `runs` bounds the generated (positive + negative) cases per operation.
import type { SpecCatalog } from "../spec/index.ts";
import { buildCase } from "./cases.ts";
import { coverageDrafts } from "./coverage.ts";
import { negativeDrafts } from "./negative.ts";
import { positiveDrafts } from "./positive.ts";
import { describeSurfaces } from "./surface.ts";
import { syntaxCases } from "./syntax.ts";
import type { FuzzCase, FuzzPhase, FuzzPlan } from "./types.ts";

/** Generated cases per operation by default: the whole default plan runs in about a second. */
export const DEFAULT_FUZZ_RUNS = 10;

export interface PlanOptions {
  readonly seed: number;
  /** Positive plus negative cases per operation; half each, positive rounded up. */
  readonly runs?: number;
  /** Only these phases (all by default). */
  readonly phases?: readonly FuzzPhase[];
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
  return Object.freeze({
    spec,
    seed: options.seed,
    runs,
    cases,
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
