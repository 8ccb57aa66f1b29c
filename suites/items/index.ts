// Items behaviour groups: each entry is one *.behaviours.ts file of this folder.
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";
import itemCreate from "./create.behaviours.ts";
import itemData from "./data.behaviours.ts";
import itemKeys from "./keys.behaviours.ts";
import itemUpdate from "./update.behaviours.ts";
import itemIfMatch from "./ifMatch.behaviours.ts";
import itemTtl from "./ttl.behaviours.ts";
import itemList from "./list.behaviours.ts";
import itemNotFound from "./notFound.behaviours.ts";
import itemOperations from "./operations.behaviours.ts";

export const itemsGroups: ReadonlyArray<{
  readonly title: string;
  readonly definitions: readonly BehaviourDefinition[];
}> = [
  { title: "Map Items: create and fetch", definitions: itemCreate },
  { title: "Map Items: data", definitions: itemData },
  { title: "Map Items: keys", definitions: itemKeys },
  { title: "Map Items: update and delete", definitions: itemUpdate },
  { title: "Map Items: If-Match", definitions: itemIfMatch },
  { title: "Map Items: ttl and expiry", definitions: itemTtl },
  { title: "Map Items: list and paging", definitions: itemList },
  { title: "Map Items: not found", definitions: itemNotFound },
  { title: "Map Items: every operation as documented", definitions: itemOperations },
];
