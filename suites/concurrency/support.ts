// What every concurrent behaviour shares: how many rounds to race (enough for a window of
// tens of milliseconds to show on every run), how many clients, the polite pacing of bursts,
// and a record of each round's requests so a failure carries the round's timeline.
import fc from "fast-check";
import type { BehaviourContext, CreatedMap } from "../../src/behaviours/context.ts";
import type { Failure } from "../../src/checks/failure.ts";
import {
  itemOutputOf,
  limitsFor,
  mapOutputOf,
  MapWritePacer,
  permissionOutputOf,
  timed,
  timelineOf,
  together,
  type ConcurrencyLimits,
  type ServiceOperation,
} from "../../src/concurrency/index.ts";
import { toCurl } from "../../src/http/curl.ts";
import { describeAnswer, type Exchange } from "../../src/http/exchange.ts";
import type { ServiceInput, ServiceOutput } from "../../src/linearizability/index.ts";

/** Rounds per behaviour: a share of --runs (5 at the default 25, 40 at --runs 200). */
export function roundsFor(runs: number): number {
  return Math.max(1, Math.ceil(runs / 5));
}

type Observe = (exchange: Exchange) => ServiceOutput | undefined;

/** One behaviour's races: the limits for this target, its pacing, the current round's record. */
export class Races {
  private history: ServiceOperation[] = [];
  private readonly pacer: MapWritePacer;
  private readonly failuresBefore: number;

  private constructor(
    readonly t: BehaviourContext,
    readonly limits: ConcurrencyLimits,
  ) {
    this.pacer = new MapWritePacer({ writesPerSecond: limits.writesPerSecondPerMap });
    this.failuresBefore = t.failures.length;
  }

  /** The limits come from where the target is: the first answer's URL says. */
  static for(t: BehaviourContext, first: CreatedMap | Exchange): Races {
    const exchange = "exchange" in first ? first.exchange : first;
    return new Races(t, limitsFor(exchange.request.url, t.clients));
  }

  get clients(): number {
    return this.limits.clients;
  }

  /** Map creates at once: a handful against a target off the loopback. */
  get mapClients(): number {
    return Math.min(this.limits.clients, this.limits.mapsAtOnce);
  }

  get rounds(): number {
    return roundsFor(this.t.runs);
  }

  /** Whether a round so far has found something (then later rounds add nothing). */
  get failed(): boolean {
    return this.t.failures.length > this.failuresBefore;
  }

  newRound(): void {
    this.history = [];
  }

  /** Waits until `count` writes to `map` fit the polite rate (at once on the loopback). */
  reserve(map: string, count: number): Promise<void> {
    return this.pacer.reserve(map, count);
  }

  /**
   * How long each of `count` clients waits before it starts, in a round that staggers them:
   * none on even rounds (every client at the same moment), on odd ones a share of two round
   * trips drawn from --seed. A window between a check and its write that is shorter than a
   * round trip is never met by clients in step: the one refused learns of it a round trip
   * later, after the window has shut. A client that starts later can land in it, as requests
   * from unrelated clients do.
   */
  staggers(count: number, round: number, roundTripMs: number): number[] {
    if (round % 2 === 0) return new Array<number>(count).fill(0);
    const shares = this.t.generate(fc.integer({ min: 0, max: 999 }), count, `stagger-${round}`);
    return shares.map((share) => Math.round((share / 1000) * 2 * roundTripMs));
  }

  /** `count` clients send at the same moment; each answer is recorded for the timeline. */
  together<T>(count: number, task: (client: number) => Promise<T>): Promise<T[]> {
    return together(count, task);
  }

  item(client: string, input: ServiceInput, send: () => Promise<Exchange>): Promise<Exchange> {
    return this.record(client, input, send, itemOutputOf);
  }

  map(client: string, input: ServiceInput, send: () => Promise<Exchange>): Promise<Exchange> {
    return this.record(client, input, send, mapOutputOf);
  }

  permission(
    client: string,
    input: ServiceInput,
    send: () => Promise<Exchange>,
  ): Promise<Exchange> {
    return this.record(client, input, send, permissionOutputOf);
  }

  /** A race claim that failed: the round's timeline goes with it. */
  fail(found: Omit<Failure, "reproduction">, exchange?: Exchange): void {
    const timeline = timelineOf(this.history);
    const curl =
      exchange === undefined
        ? []
        : [
            toCurl(exchange, { accountSid: this.t.accountSid }),
            `# answered: ${describeAnswer(exchange)}`,
          ];
    const reproduction = [...curl, "# the round's requests, per client:", timeline.text].join("\n");
    this.t.failWith({ ...found, timeline }, reproduction, exchange);
  }

  /** A 429 that outlived its retries leaves the race unjudged: the harness says so. */
  judged(exchanges: readonly Exchange[]): void {
    const throttled = exchanges.filter((exchange) => exchange.response?.status === 429).length;
    if (throttled > 0) {
      throw new Error(`${throttled} request(s) still rate limited (429) after retries: not judged`);
    }
  }

  private async record(
    client: string,
    input: ServiceInput,
    send: () => Promise<Exchange>,
    observe: Observe,
  ): Promise<Exchange> {
    const recorded = await timed<ServiceInput, ServiceOutput>(client, send, (exchange) => [
      { input, output: observe(exchange) },
    ]);
    this.history.push(...recorded.operations);
    return recorded.exchange;
  }
}

/** The status of an answer, or 0 when none came. */
export function statusOf(exchange: Exchange): number {
  return exchange.response?.status ?? 0;
}

export function succeeded(exchange: Exchange): boolean {
  const status = statusOf(exchange);
  return status >= 200 && status < 300;
}

export function clientName(index: number): string {
  return `c${index + 1}`;
}
