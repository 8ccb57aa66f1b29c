import { parseTwilioDate } from "./dates.ts";
import { defineCheck, type Failure } from "./failure.ts";

/** One write that set a ttl: what date_expires it showed, when we sent it, how long it took. */
export interface TtlWrite {
  readonly dateExpires: unknown;
  readonly ttl: number;
  readonly sentAt: number;
  readonly elapsedMs: number;
}

export interface ExpiryMovesInput {
  readonly resource: string;
  readonly previous: TtlWrite;
  readonly current: TtlWrite;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * Between two writes that each set a ttl, expiry moves by the time between them (on our
 * clock, so clock skew cancels) plus the change of ttl. Both dates are floored to the
 * second: one second of slack, plus both round trips. Shows expiry counted from the
 * wrong write, which a single answer cannot show.
 */
export const expiryMovesWithWrites = defineCheck<ExpiryMovesInput>({
  id: "expiry_moves_with_writes",
  title: "date_expires did not move with the write that set the ttl",
  run({ resource, previous, current }): Failure[] {
    const before =
      typeof previous.dateExpires === "string" ? parseTwilioDate(previous.dateExpires) : undefined;
    const after =
      typeof current.dateExpires === "string" ? parseTwilioDate(current.dateExpires) : undefined;
    // An unreadable date is judged where it was read (expiry_derives_from_ttl, date checks).
    if (before === undefined || after === undefined) return [];
    const between = current.sentAt - previous.sentAt;
    const expectedMs = between + (current.ttl - previous.ttl) * 1000;
    const toleranceMs = 1000 + previous.elapsedMs + current.elapsedMs;
    if (Math.abs(after - before - expectedMs) <= toleranceMs) return [];
    const dates = `${String(previous.dateExpires)} → ${String(current.dateExpires)}`;
    return [
      {
        check: this.id,
        title: this.title,
        received:
          `${resource}: date_expires moved ${seconds(after - before)} s (${dates}) ` +
          `between writes ${seconds(between)} s apart`,
        documented:
          "a ttl counts from the write that sent it, so expiry moves by the time between the " +
          `writes plus the change of ttl (${seconds(expectedMs)} s ± ${seconds(toleranceMs)} s)`,
      },
    ];
  },
});
