// Small models for the checker's own tests: a register with compare-and-set, and a counter
// whose increments answer the new value. Both partition by an optional key.

import type { Operation } from "../history.ts";
import type { Model } from "../model.ts";

export type RegisterInput =
  | { readonly kind: "read"; readonly key?: string }
  | { readonly kind: "write"; readonly key?: string; readonly value: number }
  | {
      readonly kind: "cas";
      readonly key?: string;
      readonly expected: number;
      readonly value: number;
    };

/** read → the value; write → "ok"; cas → whether it swapped. */
export type RegisterOutput = number | "ok" | boolean;

/** A register holding a number, 0 at first. */
export const registerModel: Model<number, RegisterInput, RegisterOutput> = {
  init: () => 0,
  step(state, input, output) {
    switch (input.kind) {
      case "read":
        return { ok: output === undefined || output === state, next: state };
      case "write":
        return { ok: output === undefined || output === "ok", next: input.value };
      case "cas": {
        const swaps = state === input.expected;
        if (output === undefined) return [swaps ? input.value : state];
        return { ok: output === swaps, next: swaps ? input.value : state };
      }
    }
  },
  hash: (state) => String(state),
  partition: byKey,
  describe(input, output) {
    const told = output === undefined ? "?" : String(output);
    if (input.kind === "read") return `read → ${told}`;
    if (input.kind === "write") return `write ${input.value} → ${told}`;
    return `cas ${input.expected}→${input.value} → ${told}`;
  },
};

export type CounterInput =
  | { readonly kind: "read"; readonly key?: string }
  | { readonly kind: "add"; readonly key?: string; readonly delta: number };

/** Both operations answer the counter's value (after the addition for "add"). */
export type CounterOutput = number;

export const counterModel: Model<number, CounterInput, CounterOutput> = {
  init: () => 0,
  step(state, input, output) {
    const next = input.kind === "add" ? state + input.delta : state;
    return { ok: output === undefined || output === next, next };
  },
  hash: (state) => String(state),
  partition: byKey,
  describe(input, output) {
    const told = output === undefined ? "?" : String(output);
    return input.kind === "read" ? `read → ${told}` : `add ${input.delta} → ${told}`;
  },
};

function byKey<I extends { readonly key?: string }, O>(history: readonly Operation<I, O>[]) {
  const parts = new Map<string, Operation<I, O>[]>();
  for (const op of history) {
    const key = op.input.key ?? "";
    const part = parts.get(key);
    if (part) part.push(op);
    else parts.set(key, [op]);
  }
  return [...parts.values()];
}

export { byKey as partitionByInputKey };
