// Every behaviour definition, in catalogue order of areas. The vitest files and the
// meta-suite both draw from here, so what is proven and what is catalogued agree.
import type { BehaviourDefinition } from "../src/behaviours/define.ts";
import mapAuth from "./maps/auth.behaviours.ts";
import mapCreate from "./maps/create.behaviours.ts";
import mapUniqueName from "./maps/uniqueName.behaviours.ts";
import mapTtl from "./maps/ttl.behaviours.ts";
import mapFetchUpdate from "./maps/fetchUpdate.behaviours.ts";
import mapDelete from "./maps/delete.behaviours.ts";
import mapList from "./maps/list.behaviours.ts";
import mapOperations from "./maps/operations.behaviours.ts";
import { itemsGroups } from "./items/index.ts";
import { permissionsGroups } from "./permissions/index.ts";
import sequenceMaps from "./sequences/maps.behaviours.ts";
import sequenceItems from "./sequences/items.behaviours.ts";
import sequencePermissions from "./sequences/permissions.behaviours.ts";
import fuzz from "./fuzz/fuzz.behaviours.ts";
import { trustGroups } from "./trust/index.ts";
import { concurrencyGroups } from "./concurrency/index.ts";
import laterWrites from "./time/laterWrites.behaviours.ts";

export const behaviourGroups: ReadonlyArray<{
  readonly title: string;
  readonly definitions: readonly BehaviourDefinition[];
}> = [
  { title: "Authentication", definitions: mapAuth },
  { title: "Maps: create", definitions: mapCreate },
  { title: "Maps: unique name", definitions: mapUniqueName },
  { title: "Maps: ttl and expiry", definitions: mapTtl },
  { title: "Maps: fetch and update", definitions: mapFetchUpdate },
  { title: "Maps: delete and cascade", definitions: mapDelete },
  { title: "Maps: list and paging", definitions: mapList },
  { title: "Maps: every operation as documented", definitions: mapOperations },
  ...itemsGroups,
  ...permissionsGroups,
  { title: "Time: a write seconds after another", definitions: laterWrites },
  { title: "Sequences: maps", definitions: sequenceMaps },
  { title: "Sequences: items", definitions: sequenceItems },
  { title: "Sequences: permissions", definitions: sequencePermissions },
  { title: "Every operation: schema-derived fuzzing", definitions: fuzz },
  ...trustGroups,
  ...concurrencyGroups,
];

export const allBehaviours: readonly BehaviourDefinition[] = behaviourGroups.flatMap(
  (group) => group.definitions,
);
