// One Sync service as the checker sees it: items per (map, key), permissions per (map,
// identity) and maps per unique_name, each an independent register, so a recorded history
// of all three is checked partition by partition with the model of its resource.

import type { Model, StepResult } from "../model.ts";
import { nextStates } from "../model.ts";
import {
  itemPartitionKey,
  syncMapItemModel,
  type ItemInput,
  type ItemOutput,
  type ItemState,
} from "./sync-map-item.ts";
import {
  syncMapByNameModel,
  type NamedMapInput,
  type NamedMapOutput,
  type NamedMapState,
} from "./sync-map-by-name.ts";
import {
  partitionBy,
  permissionPartitionKey,
  syncMapPermissionModel,
  type PermissionInput,
  type PermissionOutput,
  type PermissionState,
} from "./sync-map-permission.ts";

export type ServiceInput =
  | ({ readonly resource: "item" } & ItemInput)
  | ({ readonly resource: "permission" } & PermissionInput)
  | ({ readonly resource: "map" } & NamedMapInput);

export type ServiceOutput = ItemOutput | PermissionOutput | NamedMapOutput;

/** Tagged with its resource, so one memo never mixes two models' states. */
export type ServiceState =
  | { readonly resource: "item"; readonly state: ItemState }
  | { readonly resource: "permission"; readonly state: PermissionState }
  | { readonly resource: "map"; readonly state: NamedMapState }
  | null;

type AnyModel = Model<unknown, unknown, unknown>;

const MODELS: Readonly<Record<ServiceInput["resource"], AnyModel>> = {
  item: syncMapItemModel as AnyModel,
  permission: syncMapPermissionModel as AnyModel,
  map: syncMapByNameModel as AnyModel,
};

export const syncServiceModel: Model<ServiceState, ServiceInput, ServiceOutput> = {
  init: () => null,
  step(state, input, output): StepResult<ServiceState> {
    const model = MODELS[input.resource];
    const inner = state === null ? model.init() : state.state;
    const next = nextStates(model.step(inner, input, output));
    return next.map((s) => ({ resource: input.resource, state: s }) as ServiceState);
  },
  hash(state) {
    if (state === null) return "init";
    return `${state.resource}:${MODELS[state.resource].hash(state.state)}`;
  },
  equal(a, b) {
    if (a === null || b === null) return a === b;
    if (a.resource !== b.resource) return false;
    const model = MODELS[a.resource];
    if (model.equal) return model.equal(a.state, b.state);
    return model.hash(a.state) === model.hash(b.state);
  },
  partition: (history) => partitionBy(history, servicePartitionKey),
  describe(input, output) {
    const model = MODELS[input.resource];
    return model.describe?.(input, output) ?? `${input.resource} ${input.kind}`;
  },
  describeState(state) {
    if (state === null) return "none";
    const model = MODELS[state.resource];
    return model.describeState?.(state.state) ?? model.hash(state.state);
  },
};

export function servicePartitionKey(input: ServiceInput): string {
  switch (input.resource) {
    case "item":
      return `item\u0000${itemPartitionKey(input)}`;
    case "permission":
      return `permission\u0000${permissionPartitionKey(input)}`;
    case "map":
      return `map\u0000${input.name}`;
  }
}
