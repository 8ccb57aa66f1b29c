import {
  MAP_EXPIRY_PREAMBLE,
  mapCommandArbitraries,
  mapExpiryCommandArbitraries,
} from "../../src/model/commands/maps.ts";
import { sequenceBehaviours, type SequenceOptionsById } from "./support.ts";

export const mapSequences: SequenceOptionsById = {
  // Short histories, so twice --runs of them: a list that shows a record as it was created
  // needs a write and a list walk after it, reached within 50 histories on 20 of 20 seeds.
  "SEQ-MAPS": () => ({
    arbitraries: mapCommandArbitraries(),
    maxCommands: 12,
    runsFrom: (runs) => runs * 2,
  }),
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
