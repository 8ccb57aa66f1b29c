// Items behaviour groups: each entry is one *.behaviours.ts file of this folder.
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";

export const itemsGroups: ReadonlyArray<{ readonly title: string; readonly definitions: readonly BehaviourDefinition[] }> = [];
