// Each model-based behaviour is its sequence options, named by id: the suite proves them,
// and bench/sequences.ts measures the very same options (how soon a fault is caught).
import { behaviour, type BehaviourDefinition } from "../../src/behaviours/define.ts";
import { proveBySequences, type SequenceBehaviourOptions } from "../../src/behaviours/sequences.ts";

export type SequenceOptionsById = Readonly<Record<string, () => SequenceBehaviourOptions>>;

export function sequenceBehaviours(sequences: SequenceOptionsById): BehaviourDefinition[] {
  return Object.entries(sequences).map(([id, options]) =>
    behaviour(id, (t) => proveBySequences(t, options())),
  );
}
