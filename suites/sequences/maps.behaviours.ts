import { behaviour } from "../../src/behaviours/define.ts";
import { proveBySequences } from "../../src/behaviours/sequences.ts";
import { mapCommandArbitraries } from "../../src/model/commands/maps.ts";

export default [
  behaviour("SEQ-MAPS", (t) => proveBySequences(t, { arbitraries: mapCommandArbitraries(), maxCommands: 12 })),
];
