// The Sync Map item as a register per (map, key): absent, or data with a revision. Each
// operation is judged by its status, so a refused conditional write (412) must be legal
// where it is placed, like any other answer. Revisions are opaque: the model only asks
// that a write's revision is new to the item's current life and that a read shows the
// last write's. A revision nobody saw (an unknown outcome) is learned from a later answer.

import type { Operation } from "../history.ts";
import type { Model } from "../model.ts";
import { canonicalJson } from "./canonical-json.ts";
import { hasRevision, NO_REVISIONS, sameRevisions, withRevision } from "./revisions.ts";
import type { Revisions } from "./revisions.ts";

interface ItemAddress {
  readonly map: string;
  readonly key: string;
}

export type ItemInput =
  | (ItemAddress & { readonly kind: "create"; readonly data: unknown })
  | (ItemAddress & { readonly kind: "fetch"; readonly via?: "list" })
  | (ItemAddress & { readonly kind: "update"; readonly data?: unknown; readonly ifMatch?: string })
  | (ItemAddress & { readonly kind: "delete"; readonly ifMatch?: string });

/**
 * The answer as the model needs it. Feed timeouts and 5xx as unknown outcomes (no output);
 * any status not listed for an operation is illegal: create 201 | 409, fetch 200 | 404,
 * update 200 | 404 | 412, delete 204 | 404 | 412 (412 or 404 when an If-Match write finds
 * no item, since documents do not say which check comes first).
 */
export interface ItemOutput {
  readonly status: number;
  /** Absent when the answer did not show one: then the model does not judge it. */
  readonly revision?: string;
  readonly data?: unknown;
}

export interface PresentItem {
  /** Canonical JSON, so equal data compares equal whatever the key order. */
  readonly data: string;
  /** Undefined while nobody has seen it (written by an operation of unknown outcome). */
  readonly revision: string | undefined;
  readonly seen: Revisions;
}

/** `null` while the item does not exist. */
export type ItemState = PresentItem | null;

type Result = readonly ItemState[];
const ILLEGAL: Result = [];

export const syncMapItemModel: Model<ItemState, ItemInput, ItemOutput> = {
  init: () => null,
  step(state, input, output) {
    if (output === undefined) return ifItTookEffect(state, input);
    switch (input.kind) {
      case "create":
        if (output.status === 409) return state === null ? ILLEGAL : [state];
        if (output.status !== 201 || state !== null) return ILLEGAL;
        if (!sameData(output.data, canonicalJson(input.data))) return ILLEGAL;
        return [written(canonicalJson(input.data), output.revision, NO_REVISIONS)];
      case "fetch":
        if (output.status === 404) return state === null ? [state] : ILLEGAL;
        if (output.status !== 200 || state === null) return ILLEGAL;
        if (output.data === undefined || canonicalJson(output.data) !== state.data) return ILLEGAL;
        return learned(state, output.revision);
      case "update":
      case "delete":
        return conditionalWrite(state, input, output);
    }
  },
  hash(state) {
    if (state === null) return "absent";
    return `${state.revision ?? "?"}|${state.seen.size}:${state.seen.hash}|${state.data}`;
  },
  equal(a, b) {
    if (a === null || b === null) return a === b;
    return a.data === b.data && a.revision === b.revision && sameRevisions(a.seen, b.seen);
  },
  partition: partitionByItem,
  describe: describeItemOperation,
  describeState: (state) =>
    state === null ? "absent" : `${state.data} @${state.revision ?? "(unseen)"}`,
};

function conditionalWrite(state: ItemState, input: ItemInput, output: ItemOutput): Result {
  if (input.kind !== "update" && input.kind !== "delete") return ILLEGAL;
  const { status } = output;
  if (status === 404) return state === null ? [state] : ILLEGAL;
  if (status === 412) {
    if (input.ifMatch === undefined) return ILLEGAL;
    return state === null || state.revision !== input.ifMatch ? [state] : ILLEGAL;
  }
  if (state === null || status !== (input.kind === "update" ? 200 : 204)) return ILLEGAL;
  const before = input.ifMatch === undefined ? [state] : learned(state, input.ifMatch);
  if (input.kind === "delete") return before.length === 0 ? ILLEGAL : [null];
  const current = before[0];
  if (current === undefined) return ILLEGAL;
  const data = input.data === undefined ? current.data : canonicalJson(input.data);
  if (!sameData(output.data, data)) return ILLEGAL;
  const fresh = output.revision;
  if (fresh !== undefined && (fresh === current.revision || hasRevision(current.seen, fresh))) {
    return ILLEGAL;
  }
  return [written(data, fresh, current.seen)];
}

/** What an operation of unknown outcome leaves if it took effect (the checker adds "not"). */
function ifItTookEffect(state: ItemState, input: ItemInput): Result {
  switch (input.kind) {
    case "fetch":
      return [state];
    case "create":
      return state === null
        ? [written(canonicalJson(input.data), undefined, NO_REVISIONS)]
        : [state];
    case "update":
    case "delete": {
      if (state === null) return [state];
      const known = state.revision;
      if (input.ifMatch !== undefined && known !== undefined && known !== input.ifMatch) {
        return [state];
      }
      if (input.kind === "delete") return [null];
      // Learning the If-Match here would split states by what each unknown write taught
      // and grow the set of states exponentially; not learning only ever accepts more.
      const data = input.data === undefined ? state.data : canonicalJson(input.data);
      return [written(data, undefined, state.seen)];
    }
  }
}

function written(data: string, revision: string | undefined, seen: Revisions): PresentItem {
  return { data, revision, seen: revision === undefined ? seen : withRevision(seen, revision) };
}

/**
 * The state if the item's revision is `revision`, or nothing when it cannot be: a revision
 * nobody has seen is new to this life, so it takes any revision the life has not shown.
 */
function learned(state: PresentItem, revision: string | undefined): readonly PresentItem[] {
  if (revision === undefined) return [state];
  if (state.revision !== undefined) return state.revision === revision ? [state] : [];
  if (hasRevision(state.seen, revision)) return [];
  return [{ ...state, revision, seen: withRevision(state.seen, revision) }];
}

function sameData(answered: unknown, expected: string): boolean {
  return answered === undefined || canonicalJson(answered) === expected;
}

export function itemPartitionKey(input: ItemAddress): string {
  return `${input.map}\u0000${input.key}`;
}

function partitionByItem(history: readonly Operation<ItemInput, ItemOutput>[]) {
  const parts = new Map<string, Operation<ItemInput, ItemOutput>[]>();
  for (const op of history) {
    const key = itemPartitionKey(op.input);
    const part = parts.get(key);
    if (part) part.push(op);
    else parts.set(key, [op]);
  }
  return [...parts.values()];
}

export function describeItemOperation(input: ItemInput, output: ItemOutput | undefined): string {
  const ifMatch =
    "ifMatch" in input && input.ifMatch !== undefined ? ` if-match ${input.ifMatch}` : "";
  const data = "data" in input && input.data !== undefined ? ` ${canonicalJson(input.data)}` : "";
  const verb = input.kind === "fetch" && input.via === "list" ? "listed" : input.kind;
  const asked = `${verb} ${input.key}${data}${ifMatch}`;
  if (output === undefined) return `${asked} → ?`;
  const shown =
    output.data !== undefined && input.kind === "fetch" ? ` ${canonicalJson(output.data)}` : "";
  const revision = output.revision === undefined ? "" : ` @${output.revision}`;
  return `${asked} → ${output.status}${shown}${revision}`;
}
