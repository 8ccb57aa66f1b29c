import { parseTwilioDate } from "./dates.ts";
import { defineCheck, show, type Failure } from "./failure.ts";

/** A date the target stamped on an answer, with when we sent that request and its round trip. */
export interface StampedDate {
  readonly date: unknown;
  readonly sentAt: number;
  readonly elapsedMs: number;
}

export interface DateMovesInput {
  /** What is compared, for people: `date_updated of map#0 item "a"`. */
  readonly subject: string;
  /** An earlier stamp the target gave, on a request we timed (its clock's reference). */
  readonly earlier: StampedDate;
  readonly later: StampedDate;
  /**
   * "moves": the later stamp is the time of the later request. "may-stay": whether the
   * later request stamps at all is not documented, so staying put is accepted too.
   */
  readonly mode: "moves" | "may-stay";
  readonly documented: string;
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * Two stamps of one target's clock lie as far apart as the requests that set them (on
 * our clock, so clock skew cancels). Dates carry whole seconds: one second of slack,
 * plus both round trips. Shows a date_updated left behind, or a date_created that moved,
 * which no single answer can show.
 */
export const dateMovesWithWrites = defineCheck<DateMovesInput>({
  id: "date_moves_with_writes",
  title: "A stamped date did not move with the request that set it",
  run({ subject, earlier, later, mode, documented }): Failure[] {
    const before = typeof earlier.date === "string" ? parseTwilioDate(earlier.date) : undefined;
    const after = typeof later.date === "string" ? parseTwilioDate(later.date) : undefined;
    // An unreadable date is judged where it was read (date_is_utc_whole_seconds).
    if (before === undefined || after === undefined) return [];
    const between = later.sentAt - earlier.sentAt;
    const toleranceMs = 1000 + earlier.elapsedMs + later.elapsedMs;
    if (Math.abs(after - before - between) <= toleranceMs) return [];
    if (mode === "may-stay" && after === before) return [];
    const dates = `${show(earlier.date)} → ${show(later.date)}`;
    const stay = mode === "may-stay" ? ", or stays as it was" : "";
    return [
      {
        check: this.id,
        title: this.title,
        received:
          `${subject} moved ${seconds(after - before)} s (${dates}) ` +
          `between requests ${seconds(between)} s apart`,
        documented:
          `${documented}: it moves by the time between the requests ` +
          `(${seconds(between)} s ± ${seconds(toleranceMs)} s)${stay}`,
      },
    ];
  },
});
