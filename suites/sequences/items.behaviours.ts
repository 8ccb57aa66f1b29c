import { behaviour } from "../../src/behaviours/define.ts";
import { proveBySequences } from "../../src/behaviours/sequences.ts";
import {
  itemCommandArbitraries,
  itemPreamble,
  itemValueCommandArbitraries,
  mapPreamble,
} from "../../src/model/commands/items.ts";

export default [
  // Long histories from a map already holding two items: a few dozen runs then reach
  // cursors left open across writes, names re-used after a delete, data written back.
  behaviour("SEQ-ITEMS", (t) =>
    proveBySequences(t, {
      arbitraries: itemCommandArbitraries(),
      preamble: itemPreamble(),
      maxCommands: 60,
    }),
  ),
  // The values themselves: reserved-character keys, generated data, data over the limit.
  behaviour("SEQ-ITEM-VALUES", (t) =>
    proveBySequences(t, {
      arbitraries: itemValueCommandArbitraries(),
      preamble: mapPreamble(),
      maxCommands: 30,
    }),
  ),
];
