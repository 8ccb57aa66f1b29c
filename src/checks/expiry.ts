import { parseTwilioDate } from "./dates.ts";
import { defineCheck, show, type Failure } from "./failure.ts";

export interface ExpiryInput {
  readonly resource: string;
  readonly dateExpires: unknown;
  /** The write's time as the target reports it (date_created or date_updated). */
  readonly writeTime: unknown;
  readonly writeTimeField: string;
  /** undefined or 0 = the object must not expire. */
  readonly ttl: number | undefined;
}

// Dates carry whole seconds, so a request that straddles a second boundary can be off by one.
const TOLERANCE_SECONDS = 1;

export const expiryDerivesFromTtl = defineCheck<ExpiryInput>({
  id: "expiry_derives_from_ttl",
  title: "date_expires does not equal the write time plus the ttl",
  run({ resource, dateExpires, writeTime, writeTimeField, ttl }): Failure[] {
    const fail = (received: string, documented: string): Failure[] => [{ check: this.id, title: this.title, received, documented }];
    if (ttl === undefined || ttl === 0) {
      if (dateExpires === null) return [];
      return fail(`${resource} date_expires = ${show(dateExpires)} with ttl ${ttl ?? "absent"}`, "date_expires is null when no ttl or ttl 0 is set");
    }
    const expires = typeof dateExpires === "string" ? parseTwilioDate(dateExpires) : undefined;
    const written = typeof writeTime === "string" ? parseTwilioDate(writeTime) : undefined;
    const documented = `date_expires − ${writeTimeField} = ttl (${ttl} s, ±${TOLERANCE_SECONDS} s)`;
    if (expires === undefined || written === undefined) {
      return fail(`date_expires = ${show(dateExpires)}, ${writeTimeField} = ${show(writeTime)}`, documented);
    }
    const difference = (expires - written) / 1000;
    if (Math.abs(difference - ttl) <= TOLERANCE_SECONDS) return [];
    return fail(`date_expires − ${writeTimeField} = ${difference} s (${show(dateExpires)} − ${show(writeTime)})`, documented);
  },
});
