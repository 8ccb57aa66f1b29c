// A Sync Map as a register per unique_name: no map holds the name, or one map with its sid.
// A unique_name is unique within the service (409 and 54301 for a second map), and a map is
// addressed by its unique_name as well as by its sid (docs/behaviour-reference.md#addressing).
// A sid nobody saw yet (a create of unknown outcome) is learned from a later answer.

import type { Model } from "../model.ts";
import { partitionBy } from "./sync-map-permission.ts";

export interface NamedMapInput {
  readonly kind: "create" | "fetch" | "delete";
  readonly name: string;
}

export interface NamedMapOutput {
  readonly status: number;
  /** The map's sid, when the answer showed one. */
  readonly sid?: string;
}

/** null while no map holds the name; `sid` undefined while nobody has seen it. */
export type NamedMapState = { readonly sid: string | undefined } | null;

const ILLEGAL: readonly NamedMapState[] = [];
const UNSEEN: NamedMapState = { sid: undefined };

export const syncMapByNameModel: Model<NamedMapState, NamedMapInput, NamedMapOutput> = {
  init: () => null,
  step(state, input, output) {
    if (output === undefined) {
      if (input.kind === "create") return [state ?? UNSEEN];
      return input.kind === "delete" ? [null] : [state];
    }
    const { status } = output;
    switch (input.kind) {
      case "create":
        if (status === 409) return state === null ? ILLEGAL : [state];
        return status === 201 && state === null ? [{ sid: output.sid }] : ILLEGAL;
      case "fetch":
        if (status === 404) return state === null ? [state] : ILLEGAL;
        if (status !== 200 || state === null) return ILLEGAL;
        if (output.sid === undefined || state.sid === output.sid) return [state];
        return state.sid === undefined ? [{ sid: output.sid }] : ILLEGAL;
      case "delete":
        if (status === 404) return state === null ? [state] : ILLEGAL;
        return status === 204 && state !== null ? [null] : ILLEGAL;
    }
  },
  hash: (state) => (state === null ? "none" : `map ${state.sid ?? "(unseen)"}`),
  partition: (history) => partitionBy(history, (input) => input.name),
  describe(input, output) {
    const asked = `${input.kind} map ${input.name}`;
    if (output === undefined) return `${asked} → ?`;
    return `${asked} → ${output.status}${output.sid === undefined ? "" : ` ${output.sid}`}`;
  },
  describeState: (state) => (state === null ? "none" : `map ${state.sid ?? "(unseen)"}`),
};
