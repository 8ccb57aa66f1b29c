// Trust behaviour groups: authentication beyond a missing or wrong token, tenancy, and
// the HTTP layer. Each entry is one *.behaviours.ts file of this folder.
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";
import trustAuth from "./auth.behaviours.ts";
import trustTenancy from "./tenancy.behaviours.ts";
import trustHttp from "./http.behaviours.ts";

export const trustGroups: ReadonlyArray<{
  readonly title: string;
  readonly definitions: readonly BehaviourDefinition[];
}> = [
  { title: "Authentication: both halves, malformed headers, refusals", definitions: trustAuth },
  { title: "Tenancy: one service's maps kept from every other", definitions: trustTenancy },
  { title: "The HTTP layer: media types and empty answers", definitions: trustHttp },
];
