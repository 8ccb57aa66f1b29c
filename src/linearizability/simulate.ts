// Histories with a known answer, for tests and the benchmark: clients overlap as real ones
// do, but every operation takes effect at one moment inside its call and return, in one
// sequential order run against a reference item store. Such a history is linearizable by
// construction; a checker that refuses one is wrong.

import type { Operation } from "./history.ts";
import type { ItemInput, ItemOutput } from "./models/sync-map-item.ts";

export interface SimulationOptions {
  readonly operations: number;
  readonly keys: number;
  readonly clients: number;
  /** A source of numbers in [0, 1): pass a seeded one to replay. */
  readonly random: () => number;
  /** Share of operations that time out (no return, no output), half of them applied. */
  readonly unknownRate?: number;
  /** Mean time from call to return (default 2 ms). */
  readonly meanDurationNs?: number;
}

export type ItemOperation = Operation<ItemInput, ItemOutput>;

interface Draft {
  readonly clientId: number;
  readonly call: bigint;
  readonly return: bigint;
  /** The moment it takes effect, between call and return. */
  readonly at: bigint;
  readonly key: string;
  readonly timesOut: boolean;
  readonly applied: boolean;
}

/** A seeded source of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateItemHistory(options: SimulationOptions): ItemOperation[] {
  const drafts = draftTimings(options);
  const store = new ItemStore();
  const byEffect = [...drafts.keys()].sort((a, b) => compare(drafts[a]!.at, drafts[b]!.at));
  const history = new Array<ItemOperation>(drafts.length);
  for (const i of byEffect) {
    const draft = drafts[i]!;
    const input = chooseInput(store, draft.key, i, options.random);
    const output = draft.applied ? store.apply(input) : undefined;
    const timing = { clientId: draft.clientId, call: draft.call };
    history[i] = draft.timesOut
      ? { ...timing, input }
      : { ...timing, return: draft.return, input, output: output! };
  }
  return history;
}

function draftTimings(options: SimulationOptions): Draft[] {
  const { random } = options;
  const mean = options.meanDurationNs ?? 2_000_000;
  const clocks = Array.from({ length: options.clients }, () => 1_000_000_000_000n);
  const drafts: Draft[] = [];
  for (let n = 0; n < options.operations; n++) {
    const clientId = clocks.indexOf(clocks.reduce((a, b) => (b < a ? b : a)));
    const call = clocks[clientId]! + BigInt(Math.floor(random() * mean * 0.2));
    const duration = BigInt(Math.max(1, Math.floor(mean * -Math.log(1 - random()))));
    const ret = call + duration;
    const at = call + BigInt(Math.floor(Number(duration) * random()));
    const timesOut = random() < (options.unknownRate ?? 0);
    const key = `k${Math.floor(random() * options.keys)}`;
    drafts.push({
      clientId,
      call,
      return: ret,
      at,
      key,
      timesOut,
      applied: !timesOut || random() < 0.5,
    });
    clocks[clientId] = ret;
  }
  return drafts;
}

function chooseInput(store: ItemStore, key: string, n: number, random: () => number): ItemInput {
  const at = { map: "m", key };
  const roll = random();
  const ifMatch = random() < 0.5 ? store.revisionToMatch(key, random) : undefined;
  const data = { n };
  if (roll < 0.35) return { kind: "fetch", ...at };
  if (roll < 0.55) return { kind: "create", ...at, data };
  if (roll < 0.85) return { kind: "update", ...at, data, ...(ifMatch ? { ifMatch } : {}) };
  return { kind: "delete", ...at, ...(ifMatch ? { ifMatch } : {}) };
}

interface StoredItem {
  data: unknown;
  revision: number;
}

/** The Sync Map item semantics, one request at a time: the sequential truth. */
export class ItemStore {
  private readonly items = new Map<string, StoredItem>();
  /** Revisions restart with each life of a key, so a recreated key repeats old revisions. */
  private readonly lastRevision = new Map<string, number>();

  /** The current revision mostly, sometimes an earlier one, so some If-Match fail. */
  revisionToMatch(key: string, random: () => number): string {
    const last = this.lastRevision.get(key) ?? 0;
    return String(random() < 0.7 ? last : Math.floor(random() * (last + 1)));
  }

  apply(input: ItemInput): ItemOutput {
    const item = this.items.get(input.key);
    switch (input.kind) {
      case "create":
        if (item) return { status: 409 };
        return this.write(input.key, input.data, 0, 201);
      case "fetch":
        return item
          ? { status: 200, data: item.data, revision: String(item.revision) }
          : { status: 404 };
      case "update":
      case "delete": {
        if (!item) return { status: 404 };
        if (input.ifMatch !== undefined && input.ifMatch !== String(item.revision)) {
          return { status: 412 };
        }
        if (input.kind === "delete") {
          this.items.delete(input.key);
          this.lastRevision.delete(input.key);
          return { status: 204 };
        }
        return this.write(input.key, input.data ?? item.data, item.revision + 1, 200);
      }
    }
  }

  private write(key: string, data: unknown, revision: number, status: number): ItemOutput {
    this.items.set(key, { data, revision });
    this.lastRevision.set(key, revision);
    return { status, data, revision: String(revision) };
  }
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
