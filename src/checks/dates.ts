import { defineCheck, show, type Failure } from "./failure.ts";

// Twilio writes UTC with whole seconds and a literal Z; twilio-node parses exactly that.
const TWILIO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export interface DateInput {
  readonly field: string;
  readonly value: unknown;
  readonly nullable?: boolean;
}

export const dateIsTwilioUtc = defineCheck<DateInput>({
  id: "date_is_utc_whole_seconds",
  title: "Date is not UTC YYYY-MM-DDTHH:MM:SSZ",
  run({ field, value, nullable = false }): Failure[] {
    if (value === null && nullable) return [];
    if (typeof value === "string" && parseTwilioDate(value) !== undefined) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: `${field} = ${show(value)}`,
        documented: `${field} is UTC "YYYY-MM-DDTHH:MM:SSZ"${nullable ? " or null" : ""}`,
      },
    ];
  },
});

/** Epoch ms of a Twilio date, or undefined when it is not one (or not a real date). */
export function parseTwilioDate(value: string): number | undefined {
  const match = TWILIO_DATE.exec(value);
  if (match === null) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2026-02-31 over to March; a real date round-trips.
  if (new Date(ms).toISOString().slice(0, 19) !== value.slice(0, 19)) return undefined;
  return ms;
}
