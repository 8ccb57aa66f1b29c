// What the model cannot predict but the documents shape: the account and service an
// object belongs to, its url, its revision, its dates, created_by. Each is checked here
// where it shows, and records.ts compares it on every later answer.
import { dateIsTwilioUtc } from "../../checks/dates.ts";
import { dateMovesWithWrites } from "../../checks/dateMoves.ts";
import { show } from "../../checks/failure.ts";
import { sidMatchesPattern } from "../../checks/sid.ts";
import { urlPointsAtResource } from "../../checks/url.ts";
import type { Exchange } from "../../http/exchange.ts";
import { REFERENCE, cite } from "../../spec/documented.ts";
import type { RealSystem } from "../real.ts";
import { expectEqual, expectThat, hold, type Json } from "./expect.ts";

/** account_sid, service_sid and url: the same account throughout, this service, this path. */
export function expectOwnedAt(
  real: RealSystem,
  exchange: Exchange,
  label: string,
  body: Json,
  path: string,
): void {
  hold(
    sidMatchesPattern,
    { field: `account_sid of ${label}`, value: body.account_sid, prefix: "AC" },
    exchange,
  );
  real.accountSid ??= body.account_sid as string;
  const sameAccount = "every object of one Service belongs to the account that owns it";
  expectEqual(exchange, `account_sid of ${label}`, body.account_sid, real.accountSid, sameAccount);
  const service = "the Service the path names";
  expectEqual(exchange, `service_sid of ${label}`, body.service_sid, real.api.serviceSid, service);
  hold(urlPointsAtResource, { field: `url of ${label}`, value: body.url, path }, exchange);
}

/** A revision is an opaque, non-empty string (docs/behaviour-reference.md#revisions-and-etag). */
export function expectRevisionShape(exchange: Exchange, label: string, revision: unknown): void {
  expectThat(
    exchange,
    typeof revision === "string" && revision !== "",
    `revision of ${label} = ${show(revision)}`,
    `a revision is a non-empty opaque string: ${cite(REFERENCE.revisions)}`,
  );
}

/** date_created and date_updated (and date_expires, nullable) in the documented form. */
export function expectDateShapes(exchange: Exchange, label: string, body: Json): void {
  for (const field of ["date_created", "date_updated"] as const)
    hold(dateIsTwilioUtc, { field: `${field} of ${label}`, value: body[field] }, exchange);
  hold(
    dateIsTwilioUtc,
    { field: `date_expires of ${label}`, value: body.date_expires, nullable: true },
    exchange,
  );
}

/** created_by is a string (system over REST); later answers must repeat it. */
export function expectCreatedByShape(exchange: Exchange, label: string, createdBy: unknown): void {
  expectThat(
    exchange,
    typeof createdBy === "string" && createdBy !== "",
    `created_by of ${label} = ${show(createdBy)}`,
    "created_by names who created the object (system over REST)",
  );
}

const timed = (exchange: Exchange) => ({ sentAt: exchange.sentAt, elapsedMs: exchange.elapsedMs });

/**
 * A create stamps date_created and date_updated with its own time: measured against the
 * stamp the sequence read the target's clock from, so clock skew cancels.
 */
export function expectStampedNow(
  real: RealSystem,
  exchange: Exchange,
  label: string,
  body: Json,
): void {
  const reference = real.clockReference;
  if (reference === undefined || reference.exchange === exchange) return;
  for (const field of ["date_created", "date_updated"] as const) {
    hold(
      dateMovesWithWrites,
      {
        subject: `${field} of ${label}`,
        earlier: { date: reference.stamped, ...timed(reference.exchange) },
        later: { date: body[field], ...timed(exchange) },
        mode: "moves",
        documented: `a new object is stamped with the time it was created (${cite(REFERENCE.dates)})`,
      },
      exchange,
    );
  }
}

/**
 * An update stamps date_updated with its time when it changes what the object holds;
 * whether one that changes nothing shown (a ttl alone, the same data) stamps it is not
 * documented, so it may also stay. Measured from the write that stamped it last.
 */
export function expectUpdatedStamp(
  real: RealSystem,
  exchange: Exchange,
  label: string,
  previous: { readonly date: unknown; readonly write: number | undefined } | undefined,
  dateUpdated: unknown,
  changedData: boolean,
): void {
  const earlier = previous?.write === undefined ? undefined : real.writeExchange(previous.write);
  if (previous === undefined || earlier === undefined) return;
  hold(
    dateMovesWithWrites,
    {
      subject: `date_updated of ${label}`,
      earlier: { date: previous.date, ...timed(earlier) },
      later: { date: dateUpdated, ...timed(exchange) },
      mode: changedData ? "moves" : "may-stay",
      documented: changedData
        ? "date_updated is when the object was last changed, and this update changed it"
        : "an update that changes nothing but the ttl may or may not stamp date_updated " +
          `(${cite(REFERENCE.undocumented)})`,
    },
    exchange,
  );
}
