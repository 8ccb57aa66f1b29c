// Shrinking a group's example: a greedy delta-shrink over its form fields (drop one,
// halve one), re-sent with fresh resources. A candidate counts only when it keeps the
// case's expectation on the wire and fails the same way (the group key is unchanged),
// so shrinking never turns a valid input into an invalid one.
import type { SpecLimits } from "../spec/index.ts";
import type { FailureGroup, Observation } from "./group.ts";
import { groupKey, inputSize } from "./group.ts";
import type { FuzzCase, OperationSurface, Pairs } from "./types.ts";
import { classifyOnWire } from "./wire.ts";
import { EXPECTATION_OF } from "./cases.ts";

export type Attempt = (candidate: FuzzCase) => Promise<Observation[]>;

export async function shrinkGroup(
  group: FailureGroup,
  attempts: number,
  attempt: Attempt,
  surface: OperationSurface | undefined,
  limits: SpecLimits,
): Promise<Observation | undefined> {
  const original = group.example.fuzzCase;
  if (surface === undefined || original.request.form === undefined) return undefined;
  if (original.request.rawBody !== undefined || original.phase === "syntax") return undefined;
  let best: Observation | undefined;
  let current = original;
  let left = attempts;
  let improved = true;
  while (improved && left > 0) {
    improved = false;
    for (const form of smallerForms(current.request.form ?? [])) {
      if (left <= 0) break;
      const candidate = reclassified(current, form, surface, limits);
      if (candidate === undefined) continue;
      left -= 1;
      const match = (await attempt(candidate)).find((found) => groupKey(found) === group.key);
      if (match !== undefined && inputSize(match.wire) < inputSize((best ?? group.example).wire)) {
        best = match;
        current = candidate;
        improved = true;
        break;
      }
    }
  }
  return best;
}

/** Each field dropped, then each long value halved. */
export function smallerForms(form: Pairs): Pairs[] {
  const dropped = form.map((_pair, index) => form.filter((_other, at) => at !== index));
  const halved = form.flatMap(([name, value], index) =>
    value.length > 1
      ? [
          form.map((pair, at) =>
            at === index ? ([name, value.slice(0, value.length >> 1)] as const) : pair,
          ),
        ]
      : [],
  );
  return [...dropped, ...halved];
}

function reclassified(
  fuzzCase: FuzzCase,
  form: Pairs,
  surface: OperationSurface,
  limits: SpecLimits,
): FuzzCase | undefined {
  const wire = classifyOnWire(
    surface.fields,
    { query: fuzzCase.request.query, form },
    limits,
    surface.operationId,
  );
  if (EXPECTATION_OF[wire.verdict] !== fuzzCase.expect) return undefined;
  return { ...fuzzCase, request: { ...fuzzCase.request, form }, reason: wire.reasons.join("; ") };
}
