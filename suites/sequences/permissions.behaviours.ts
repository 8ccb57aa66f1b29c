import {
  permissionCommandArbitraries,
  permissionPreamble,
} from "../../src/model/commands/permissions.ts";
import { sequenceBehaviours, type SequenceOptionsById } from "./support.ts";

export const permissionSequences: SequenceOptionsById = {
  "SEQ-PERMISSIONS": () => ({
    arbitraries: permissionCommandArbitraries(),
    preamble: permissionPreamble(),
    maxCommands: 40,
  }),
};

export default sequenceBehaviours(permissionSequences);
