import {
  itemCommandArbitraries,
  itemPreamble,
  itemValueCommandArbitraries,
  mapPreamble,
} from "../../src/model/commands/items.ts";
import {
  itemExpiryCommandArbitraries,
  itemExpiryPreamble,
} from "../../src/model/commands/itemExpiry.ts";
import {
  nearDuplicateCommandArbitraries,
  nearDuplicatePreamble,
} from "../../src/model/commands/nearDuplicates.ts";
import { sequenceBehaviours, type SequenceOptionsById } from "./support.ts";

/** Sequences that pause: half of --runs (at least 16), sixteen side by side so pauses overlap. */
const EXPIRY_LANES = 16;

export const itemSequences: SequenceOptionsById = {
  // Long histories from a map already holding two items: twice --runs of them reach cursors
  // left open across writes, names re-used after a delete and data written back on most
  // seeds (bench/sequences.ts catch); the lanes keep it within the expiry sequences' time.
  "SEQ-ITEMS": () => ({
    arbitraries: itemCommandArbitraries(),
    preamble: itemPreamble(),
    maxCommands: 60,
    runsFrom: (runs) => runs * 2,
  }),
  // The values themselves: reserved-character keys, generated data, data over the limit.
  "SEQ-ITEM-VALUES": () => ({
    arbitraries: itemValueCommandArbitraries(),
    preamble: mapPreamble(),
    maxCommands: 30,
  }),
  // Time passing between item writes and reads: each sequence waits once, in its preamble.
  "SEQ-ITEM-EXPIRY": () => ({
    arbitraries: itemExpiryCommandArbitraries(),
    preamble: itemExpiryPreamble(),
    maxCommands: 12,
    runsFrom: (runs) => Math.max(EXPIRY_LANES, Math.ceil(runs / 2)),
    lanes: EXPIRY_LANES,
  }),
  // Keys, identities and unique names that differ only in case, whitespace, normal form…
  "SEQ-NEAR-DUPLICATES": () => ({
    arbitraries: nearDuplicateCommandArbitraries(),
    preamble: nearDuplicatePreamble(),
    maxCommands: 24,
  }),
};

export default sequenceBehaviours(itemSequences);
