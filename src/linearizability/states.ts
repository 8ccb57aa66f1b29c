// The checker walks sets of model states, so a nondeterministic step (several states an
// operation may leave, or "took effect or not" for an unknown outcome) needs no backtracking
// of its own: Porcupine's NondeterministicModel, turned into a deterministic one.

import { nextStates, type Model } from "./model.ts";

export interface StateSet<State> {
  readonly states: readonly State[];
  /** Canonical for the set when the model's hash is canonical for its states. */
  readonly key: string;
}

export function stateSet<S>(model: Model<S, unknown, unknown>, states: readonly S[]): StateSet<S> {
  const kept: S[] = [];
  const hashes: string[] = [];
  for (const state of states) {
    const hash = model.hash(state);
    if (!isKept(model, kept, hashes, state, hash)) {
      kept.push(state);
      hashes.push(hash);
    }
  }
  if (kept.length === 1) return { states: kept, key: hashes[0]! };
  const order = hashes.map((_, i) => i).sort((a, b) => cmp(hashes[a]!, hashes[b]!));
  return { states: order.map((i) => kept[i]!), key: order.map((i) => hashes[i]).join("\u0001") };
}

function isKept<S>(
  model: Model<S, unknown, unknown>,
  kept: S[],
  hashes: string[],
  s: S,
  h: string,
) {
  for (let i = 0; i < kept.length; i++) {
    if (hashes[i] !== h) continue;
    if (!model.equal || model.equal(kept[i]!, s)) return true;
  }
  return false;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The states `input` answered with `output` may leave from any state of `from`; for an
 * unknown outcome (`output` undefined) "it never took effect" is always among them.
 */
export function stepSet<S, I, O>(
  model: Model<S, I, O>,
  from: StateSet<S>,
  input: I,
  output: O | undefined,
): StateSet<S> | undefined {
  if (from.states.length === 1 && output !== undefined) {
    const only = nextStates(model.step(from.states[0]!, input, output));
    if (only.length === 0) return undefined;
    if (only.length === 1) return { states: only, key: model.hash(only[0]!) };
  }
  const next: S[] = [];
  for (const state of from.states) {
    next.push(...nextStates(model.step(state, input, output)));
    if (output === undefined) next.push(state);
  }
  if (next.length === 0) return undefined;
  return stateSet(model as Model<S, unknown, unknown>, next);
}

export function sameStates<S>(model: Model<S, unknown, unknown>, a: StateSet<S>, b: StateSet<S>) {
  if (a.key !== b.key) return false;
  if (!model.equal) return true;
  const equal = model.equal.bind(model);
  return a.states.every((s) => b.states.some((t) => equal(s, t)));
}
