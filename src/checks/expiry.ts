import { parseTwilioDate } from "./dates.ts";
import { defineCheck, show, type Failure } from "./failure.ts";

export interface ExpiryInput {
  readonly resource: string;
  readonly dateExpires: unknown;
  /** The write's time: a date the target stamped (date_created), or a TargetTime estimate. */
  readonly writeTime: unknown;
  readonly writeTimeField: string;
  /** undefined or 0 = the object must not expire. */
  readonly ttl: number | undefined;
}

// Dates carry whole seconds, so a request that straddles a second boundary can be off by one.
const TOLERANCE_SECONDS = 1;

/**
 * The target's clock when a request was sent, estimated from a date it stamped on a write we timed.
 */
export interface TargetTime {
  readonly ms: number;
  /** How far off the estimate may be: the stamp's rounding plus both round trips. */
  readonly uncertaintySeconds: number;
}

export interface TimedExchange {
  readonly sentAt: number;
  readonly elapsedMs: number;
}

/**
 * Whether a ttl-only update moves date_updated is not documented
 * (docs/behaviour-reference.md#not-documented), so the time of such an update cannot
 * be read off the answer. It can be estimated on the target's own clock: the offset between a stamp
 * it gave an earlier write and when
 * we sent that write carries over to later requests, whatever the clock skew.
 */
export function targetTimeAt(
  reference: TimedExchange,
  stamped: unknown,
  at: TimedExchange,
): TargetTime | undefined {
  const stampedMs = typeof stamped === "string" ? parseTwilioDate(stamped) : undefined;
  if (stampedMs === undefined) return undefined;
  return {
    ms: at.sentAt + (stampedMs - reference.sentAt),
    uncertaintySeconds: Math.ceil((reference.elapsedMs + at.elapsedMs) / 1000),
  };
}

function isTargetTime(value: unknown): value is TargetTime {
  return (
    typeof value === "object" && value !== null && typeof (value as TargetTime).ms === "number"
  );
}

export const expiryDerivesFromTtl = defineCheck<ExpiryInput>({
  id: "expiry_derives_from_ttl",
  title: "date_expires does not equal the write time plus the ttl",
  run({ resource, dateExpires, writeTime, writeTimeField, ttl }): Failure[] {
    const fail = (received: string, documented: string): Failure[] => [
      { check: this.id, title: this.title, received, documented },
    ];
    if (ttl === undefined || ttl === 0) {
      if (dateExpires === null) return [];
      return fail(
        `${resource} date_expires = ${show(dateExpires)} with ttl ${ttl ?? "absent"}`,
        "date_expires is null when no ttl or ttl 0 is set",
      );
    }
    const expires = typeof dateExpires === "string" ? parseTwilioDate(dateExpires) : undefined;
    const estimated = isTargetTime(writeTime);
    const written = estimated
      ? writeTime.ms
      : typeof writeTime === "string"
        ? parseTwilioDate(writeTime)
        : undefined;
    // An estimate is itself a stamp away from the truth: one more second, plus the round trips.
    const tolerance = estimated
      ? TOLERANCE_SECONDS + 1 + writeTime.uncertaintySeconds
      : TOLERANCE_SECONDS;
    const documented = `date_expires − ${writeTimeField} = ttl (${ttl} s, ±${tolerance} s)`;
    const shownWriteTime = estimated ? new Date(writeTime.ms).toISOString() : show(writeTime);
    if (expires === undefined || written === undefined) {
      return fail(
        `date_expires = ${show(dateExpires)}, ${writeTimeField} = ${shownWriteTime}`,
        documented,
      );
    }
    const difference = Math.round((expires - written) / 100) / 10;
    if (Math.abs(difference - ttl) <= tolerance) return [];
    return fail(
      `date_expires − ${writeTimeField} = ${difference} s (${show(dateExpires)} − ${shownWriteTime})`,
      documented,
    );
  },
});
