// The sequential specification the checker judges a history against (Porcupine's Model).

import type { Operation } from "./history.ts";

/**
 * What a step allows: `{ ok, next }` for a deterministic model, or every state the
 * operation may leave (none when the observed output is illegal in this state).
 */
export type StepResult<State> = { readonly ok: boolean; readonly next: State } | readonly State[];

export interface Model<State, Input, Output> {
  init(): State;
  /**
   * Whether `input` answered with `output` is legal in `state`, and the states it leaves.
   * `output` is `undefined` when the outcome is unknown: return the states the operation
   * leaves if it took effect; the checker adds "it never took effect" itself.
   */
  step(state: State, input: Input, output: Output | undefined): StepResult<State>;
  /**
   * A key for memoisation. Without `equal`, equal keys mean equal states, so make it
   * canonical; with `equal`, it only needs to agree for equal states.
   */
  hash(state: State): string;
  equal?(a: State, b: State): boolean;
  /** Independent sub-histories (per key); one history when absent. */
  partition?(history: readonly Operation<Input, Output>[]): Operation<Input, Output>[][];
  /** A short readable line for an operation (its output is `undefined` when unknown). */
  describe?(input: Input, output: Output | undefined): string;
  describeState?(state: State): string;
}

export function nextStates<State>(result: StepResult<State>): readonly State[] {
  if (Array.isArray(result)) return result;
  const single = result as { readonly ok: boolean; readonly next: State };
  return single.ok ? [single.next] : [];
}

/** Porcupine's default: a history is one partition. */
export function partitionOf<S, I, O>(
  model: Model<S, I, O>,
  history: readonly Operation<I, O>[],
): Operation<I, O>[][] {
  return model.partition ? model.partition(history) : [[...history]];
}

export function describeOperation<S, I, O>(model: Model<S, I, O>, input: I, output: O | undefined) {
  if (model.describe) return model.describe(input, output);
  return `${JSON.stringify(input)} → ${output === undefined ? "?" : JSON.stringify(output)}`;
}

export function describeState<S, I, O>(model: Model<S, I, O>, state: S): string {
  return model.describeState ? model.describeState(state) : model.hash(state);
}
