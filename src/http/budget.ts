// A polite client: how many requests may be in flight at once, how fast the whole run may
// go (--max-rps), and how hard any one map may be hit. Sync documents per-object limits of
// 20 writes and 20 reads a second with a 10-second burst window, writes to items counting
// against their map (docs/behaviour-reference.md#rate-limits): the budget keeps every map's
// reads and writes at or under that average over any burst window, so a run against a real
// service never earns a 429 of its own making. A 429 that comes anyway pauses everyone for
// a moment, and the budget learns a rate: a little under what the target took in the last
// second, raised by a tenth each quiet second after, so a throttling target is probed, not
// flooded (the additive-increase idea of TCP, with a gentler step).
import {
  BURST_WINDOW_SECONDS,
  PER_OBJECT_READS_PER_SECOND,
  PER_OBJECT_WRITES_PER_SECOND,
} from "../spec/documented.ts";
import type { Release, SlotSource } from "./shared-slots.ts";

export type { Release };

export interface BudgetOptions {
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Where the slots come from instead (the run's shared ones): `concurrency` is then unused. */
  readonly slots?: SlotSource;
  /** Requests a second for the whole client (its share of --max-rps); absent: no cap. */
  readonly maxRps?: number;
  /** Per map, per direction; default: the documented per-object limits. */
  readonly perMap?: { readonly perSecond: number; readonly windowSeconds: number } | false;
  /** For tests: a clock and a sleep that need not wait. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What the budget needs to know of a request: GET reads, anything else writes. */
export interface BudgetedRequest {
  readonly method: string;
  readonly path: string;
}

/** Every this many requests, windows of maps no longer used are dropped (memory stays flat). */
const PRUNE_EVERY = 512;
/** A learnt rate that has grown this far no longer limits anything: forget it. */
const LEARNT_RPS_FORGOTTEN = 10_000;

export class RequestBudget {
  private readonly slots: SlotSource;
  private readonly run: SlidingWindow | undefined;
  private readonly maps = new Map<string, SlidingWindow>();
  private readonly mapLimit: { readonly count: number; readonly windowMs: number } | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private pausedUntil = 0;
  private acquired = 0;
  private throttledAnswers = 0;
  /** Answers other than 429 in the last second: what the target is known to take. */
  private readonly taken = new SlidingWindow(Number.MAX_SAFE_INTEGER, 1000);
  /** The rate learnt from 429s, when one came; undefined: none yet (or long forgotten). */
  private learnt: { rps: number; window: SlidingWindow; since: number } | undefined;

  constructor(options: BudgetOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new RangeError(`concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
    this.slots = options.slots ?? new Semaphore(options.concurrency);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? delay;
    this.run = options.maxRps === undefined ? undefined : new SlidingWindow(options.maxRps, 1000);
    const perMap =
      options.perMap ??
      ({ perSecond: PER_OBJECT_WRITES_PER_SECOND, windowSeconds: BURST_WINDOW_SECONDS } as const);
    // Reads and writes have the same documented rate; one number serves both directions.
    if (
      PER_OBJECT_READS_PER_SECOND !== PER_OBJECT_WRITES_PER_SECOND &&
      options.perMap === undefined
    )
      throw new Error("documented read and write rates differ: give each its own window");
    this.mapLimit =
      perMap === false
        ? undefined
        : { count: perMap.perSecond * perMap.windowSeconds, windowMs: perMap.windowSeconds * 1000 };
  }

  /** 429 answers this budget has heard of (each one was retried or given up on). */
  get throttled(): number {
    return this.throttledAnswers;
  }

  get concurrency(): number {
    return this.slots.size;
  }

  /** Waits until the request may go: a free slot, room in the run's and the map's windows. */
  async acquire(request: BudgetedRequest): Promise<Release> {
    const mapWindow = this.mapWindowFor(request);
    await this.roomIn(mapWindow, false);
    const release = await this.slots.take();
    // The wait for a slot may have let others fill the windows: look again, holding it, and
    // claim the room in the same turn of the event loop as the look.
    await this.roomIn(mapWindow, true);
    this.acquired += 1;
    if (this.acquired % PRUNE_EVERY === 0) this.prune(this.now());
    return release;
  }

  /** An answer other than 429 came: the target took a request; quiet time relaxes the rate. */
  answered(): void {
    const now = this.now();
    this.taken.record(now);
    const learnt = this.learnt;
    if (learnt === undefined || now - learnt.since < 1000) return;
    if (learnt.rps >= LEARNT_RPS_FORGOTTEN) {
      this.learnt = undefined;
      return;
    }
    learnt.rps = Math.ceil(learnt.rps * 1.1);
    learnt.window.resize(learnt.rps);
    learnt.since = now;
  }

  /** A 429: everyone waits `ms` before the next request goes (jitter is the caller's). */
  throttle(ms: number): void {
    const now = this.now();
    this.throttledAnswers += 1;
    this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    const rps = Math.max(1, Math.floor(this.taken.count(now) * 0.9));
    if (this.learnt === undefined) {
      this.learnt = { rps, window: new SlidingWindow(rps, 1000), since: now };
    } else {
      this.learnt.rps = Math.min(this.learnt.rps, rps);
      this.learnt.window.resize(this.learnt.rps);
      this.learnt.since = now;
    }
  }

  private async roomIn(mapWindow: SlidingWindow | undefined, claim: boolean): Promise<void> {
    for (;;) {
      const now = this.now();
      const learnt = this.learnt?.window;
      const wait = Math.max(
        this.pausedUntil - now,
        this.run?.waitMs(now) ?? 0,
        learnt?.waitMs(now) ?? 0,
        mapWindow?.waitMs(now) ?? 0,
      );
      if (wait <= 0) {
        if (claim) {
          this.run?.record(now);
          learnt?.record(now);
          mapWindow?.record(now);
        }
        return;
      }
      await this.sleep(wait);
    }
  }

  private mapWindowFor(request: BudgetedRequest): SlidingWindow | undefined {
    if (this.mapLimit === undefined) return undefined;
    const map = mapOfPath(request.path);
    if (map === undefined) return undefined;
    const key = `${request.method === "GET" ? "read" : "write"} ${map}`;
    let window = this.maps.get(key);
    if (window === undefined) {
      window = new SlidingWindow(this.mapLimit.count, this.mapLimit.windowMs);
      this.maps.set(key, window);
    }
    return window;
  }

  private prune(now: number): void {
    for (const [key, window] of this.maps) if (window.idleSince(now)) this.maps.delete(key);
  }
}

/**
 * The map a request reads or writes: ".../Maps/{map}" and everything below it (its items and
 * permissions count against it). Creating or listing maps touches no one map: undefined.
 * A map named by sid and by unique name gets two windows; each stays under the limit.
 */
export function mapOfPath(path: string): string | undefined {
  const match = /\/Services\/([^/?]+)\/Maps\/([^/?]+)/.exec(path);
  return match === null ? undefined : `${match[1]}/${match[2]}`;
}

/** At most `limit` events in any `windowMs`: the times of the last `limit` events, oldest first. */
export class SlidingWindow {
  private readonly times: number[] = [];

  private limit: number;

  constructor(
    limit: number,
    private readonly windowMs: number,
  ) {
    if (!(limit >= 1)) throw new RangeError(`a window needs a limit ≥ 1, got ${limit}`);
    this.limit = Math.floor(limit);
  }

  /** How long until one more event fits; 0 when it fits now. */
  waitMs(now: number): number {
    this.forget(now);
    if (this.times.length < this.limit) return 0;
    const oldest = this.times[this.times.length - this.limit] ?? now;
    return Math.max(1, oldest + this.windowMs - now);
  }

  record(now: number): void {
    this.times.push(now);
    this.forget(now);
  }

  /** Events in the window ending now. */
  count(now: number): number {
    this.forget(now);
    return this.times.length;
  }

  resize(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
  }

  idleSince(now: number): boolean {
    this.forget(now);
    return this.times.length === 0;
  }

  private forget(now: number): void {
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? 0) <= now - this.windowMs) drop += 1;
    if (drop > 0) this.times.splice(0, drop);
  }
}

/** A FIFO counting semaphore: `take` resolves to the function that gives the slot back. */
class Semaphore implements SlotSource {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  take(): Promise<Release> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next === undefined) this.free += 1;
      else next();
    };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
