// Permissions behaviour groups: each entry is one *.behaviours.ts file of this folder.
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";
import permissionUpdate from "./update.behaviours.ts";
import permissionAddressing from "./addressing.behaviours.ts";
import permissionList from "./list.behaviours.ts";
import permissionDelete from "./delete.behaviours.ts";
import permissionRefused from "./refused.behaviours.ts";
import permissionOperations from "./operations.behaviours.ts";

export const permissionsGroups: ReadonlyArray<{
  readonly title: string;
  readonly definitions: readonly BehaviourDefinition[];
}> = [
  { title: "Permissions: update and fetch", definitions: permissionUpdate },
  { title: "Permissions: addressing and identities", definitions: permissionAddressing },
  { title: "Permissions: list and paging", definitions: permissionList },
  { title: "Permissions: delete and cascade", definitions: permissionDelete },
  { title: "Permissions: refused requests", definitions: permissionRefused },
  { title: "Permissions: every operation as documented", definitions: permissionOperations },
];
