import { behaviour } from "../../src/behaviours/define.ts";
import { proveBySequences } from "../../src/behaviours/sequences.ts";
import {
  permissionCommandArbitraries,
  permissionPreamble,
} from "../../src/model/commands/permissions.ts";

export default [
  behaviour("SEQ-PERMISSIONS", (t) =>
    proveBySequences(t, {
      arbitraries: permissionCommandArbitraries(),
      preamble: permissionPreamble(),
      maxCommands: 40,
    }),
  ),
];
