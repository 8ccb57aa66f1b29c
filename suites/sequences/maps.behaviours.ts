import {
  MAP_EXPIRY_PREAMBLE,
  mapCommandArbitraries,
  mapExpiryCommandArbitraries,
} from "../../src/model/commands/maps.ts";
import { sequenceBehaviours, type SequenceOptionsById } from "./support.ts";

export const mapSequences: SequenceOptionsById = {
  "SEQ-MAPS": () => ({ arbitraries: mapCommandArbitraries(), maxCommands: 12 }),
  // Each sequence here pauses for seconds: a fifth of --runs (at least 6), run side by side
  // in six lanes so the pauses overlap, keeps a default run short.
  "SEQ-MAP-EXPIRY": () => ({
    arbitraries: mapExpiryCommandArbitraries(),
    preamble: MAP_EXPIRY_PREAMBLE,
    maxCommands: 6,
    runsFrom: (runs) => Math.max(6, Math.ceil(runs / 5)),
    lanes: 6,
  }),
};

export default sequenceBehaviours(mapSequences);
