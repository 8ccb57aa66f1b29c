import { behaviour } from "../../src/behaviours/define.ts";
import { proveBySequences } from "../../src/behaviours/sequences.ts";
import {
  MAP_EXPIRY_PREAMBLE,
  mapCommandArbitraries,
  mapExpiryCommandArbitraries,
} from "../../src/model/commands/maps.ts";

export default [
  behaviour("SEQ-MAPS", (t) =>
    proveBySequences(t, { arbitraries: mapCommandArbitraries(), maxCommands: 12 }),
  ),
  // Each sequence here pauses for seconds: a fifth of --runs (at least 6) keeps a default run
  // short.
  behaviour("SEQ-MAP-EXPIRY", (t) =>
    proveBySequences(t, {
      arbitraries: mapExpiryCommandArbitraries(),
      preamble: MAP_EXPIRY_PREAMBLE,
      maxCommands: 6,
      runsFrom: (runs) => Math.max(6, Math.ceil(runs / 5)),
    }),
  ),
];
