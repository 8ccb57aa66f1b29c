// Wing & Gong's search for a linearization of one partition, with Lowe's memoisation of
// (linearized set, state) pairs, over a linked list of call and return events: the
// algorithm of Porcupine (github.com/anishathalye/porcupine, checker.go).

import { Bitset } from "./bitset.ts";
import type { Model } from "./model.ts";
import { sameStates, stateSet, stepSet, type StateSet } from "./states.ts";

/** What the search needs of an operation; `output` undefined means the outcome is unknown. */
export interface SearchOperation<Input, Output> {
  readonly call: number;
  readonly return: number;
  readonly input: Input;
  readonly output: Output | undefined;
}

export type Verdict = "linearizable" | "violation" | "timeout";

export interface SearchOutcome<State> {
  readonly verdict: Verdict;
  /** The whole linearization when linearizable, else the longest linearizable prefix found. */
  readonly order: readonly number[];
  /** The possible states after each operation of `order`. */
  readonly statesAfter: readonly (readonly State[])[];
  /** On a violation: the operation whose return no path could reach with it linearized. */
  readonly stuck?: number;
  /** On a violation: the latest return that stopped a path (nothing later matters). */
  readonly blockedAt?: number;
}

interface Event {
  readonly id: number;
  readonly time: number;
  /** The call's return event; null on a return event. */
  match: Event | null;
  prev: Event | null;
  next: Event | null;
}

interface Frame<S> {
  readonly event: Event;
  readonly before: StateSet<S>;
}

/** A deadline (performance.now() milliseconds) is checked every this many steps. */
const DEADLINE_STRIDE = 1024;

export function searchLinearization<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly SearchOperation<I, O>[],
  deadline = Infinity,
): SearchOutcome<S> {
  const anyModel = model as Model<S, unknown, unknown>;
  const head = linkEvents(ops);
  const linearized = new Bitset(ops.length, Bitset.saltsFor(ops.length));
  const cache = new Map<string, { words: Uint32Array; states: StateSet<S> }[]>();
  const calls: Frame<S>[] = [];
  let state = stateSet(anyModel, [model.init()]);
  let longest: { order: number[]; after: StateSet<S>[]; stuck: number } | undefined;
  let blockedAt = -Infinity;
  let event = head.next;
  for (let steps = 1; event !== null; steps++) {
    if (steps % DEADLINE_STRIDE === 0 && performance.now() > deadline) {
      return outcome("timeout", longest);
    }
    if (event.match !== null) {
      const op = ops[event.id]!;
      const next = stepSet(model, state, op.input, op.output);
      if (next !== undefined) {
        linearized.set(event.id);
        const key = `${linearized.hash}#${next.key}`;
        const bucket = cache.get(key);
        const seen = bucket?.some(
          (e) => linearized.equals(e.words) && sameStates(anyModel, e.states, next),
        );
        if (!seen) {
          const entry = { words: linearized.snapshot(), states: next };
          if (bucket) bucket.push(entry);
          else cache.set(key, [entry]);
          calls.push({ event, before: state });
          state = next;
          lift(event);
          event = head.next;
          continue;
        }
        linearized.clear(event.id);
      }
      event = event.next;
      continue;
    }
    // A return event: its operation had to be linearized by now and was not. Back up.
    blockedAt = Math.max(blockedAt, event.time);
    if (longest === undefined || calls.length > longest.order.length) {
      const after = calls.map((_, i) => calls[i + 1]?.before ?? state);
      longest = { order: calls.map((f) => f.event.id), after, stuck: event.id };
    }
    const top = calls.pop();
    if (top === undefined) return outcome("violation", longest, blockedAt);
    state = top.before;
    linearized.clear(top.event.id);
    unlift(top.event);
    event = top.event.next;
  }
  const after = calls.map((_, i) => calls[i + 1]?.before ?? state);
  return outcome("linearizable", { order: calls.map((f) => f.event.id), after, stuck: -1 });
}

function outcome<S>(
  verdict: Verdict,
  path: { order: number[]; after: StateSet<S>[]; stuck: number } | undefined,
  blockedAt?: number,
): SearchOutcome<S> {
  const base = {
    verdict,
    order: path?.order ?? [],
    statesAfter: (path?.after ?? []).map((set) => set.states),
  };
  if (verdict !== "violation" || path === undefined) return base;
  return { ...base, stuck: path.stuck, ...(blockedAt === undefined ? {} : { blockedAt }) };
}

/**
 * Call and return events in time order, calls first on a tie: two operations that touch
 * are concurrent, which can only accept more histories, never refuse a correct one.
 */
function linkEvents(ops: readonly SearchOperation<unknown, unknown>[]): Event {
  const events: Event[] = [];
  ops.forEach((op, id) => {
    const ret: Event = { id, time: op.return, match: null, prev: null, next: null };
    events.push({ id, time: op.call, match: ret, prev: null, next: null }, ret);
  });
  events.sort((a, b) => compareTimes(a.time, b.time) || kind(a) - kind(b) || a.id - b.id);
  const head: Event = { id: -1, time: -Infinity, match: null, prev: null, next: null };
  let last = head;
  for (const event of events) {
    last.next = event;
    event.prev = last;
    last = event;
  }
  return head;
}

/** Unknown outcomes return at Infinity, and Infinity - Infinity is NaN. */
function compareTimes(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function kind(event: Event): number {
  return event.match === null ? 1 : 0;
}

/** Takes an operation's call and return events out of the list. */
function lift(call: Event): void {
  call.prev!.next = call.next;
  call.next!.prev = call.prev;
  const ret = call.match!;
  ret.prev!.next = ret.next;
  if (ret.next !== null) ret.next.prev = ret.prev;
}

/** Puts them back, in the reverse order of `lift`. */
function unlift(call: Event): void {
  const ret = call.match!;
  ret.prev!.next = ret;
  if (ret.next !== null) ret.next.prev = ret;
  call.prev!.next = call;
  call.next!.prev = call;
}
