import type { BehaviourContext } from "./context.ts";

/**
 * How one catalogue behaviour is proven against a target. The statement, level and
 * source live in spec/behaviours/*.yaml under the same id; the definition only acts.
 */
export interface BehaviourDefinition {
  readonly id: string;
  run(t: BehaviourContext): Promise<void>;
}

export function behaviour(
  id: string,
  run: (t: BehaviourContext) => Promise<void>,
): BehaviourDefinition {
  return Object.freeze({ id, run });
}
