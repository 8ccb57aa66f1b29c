// Domain assertions: the claims behaviours make about Sync resources, each one line in
// a behaviour, each failing with the same received / documented / reproduction text a
// hand-built check would. They name the answer from its operation and request.
import { dateIsTwilioUtc, parseTwilioDate } from "../checks/dates.ts";
import { etagCarriesRevision, etagForm } from "../checks/etag.ts";
import { expiryDerivesFromTtl, targetTimeAt } from "../checks/expiry.ts";
import { show } from "../checks/failure.ts";
import { pagingMetaIsComplete } from "../checks/paging.ts";
import { sidMatchesPattern } from "../checks/sid.ts";
import { urlPointsAtResource } from "../checks/url.ts";
import type { Exchange } from "../http/exchange.ts";
import { DATE_RESOLUTION_MS, DEFAULT_PAGE_SIZE } from "../spec/documented.ts";
import { describeAnswerOf, fieldIn, fieldOf, operationOf, type Answer } from "./answer.ts";
import type { BehaviourSpec } from "./environment.ts";
import type { Recorder } from "./recorder.ts";
import { Verdicts } from "./verdicts.ts";

/** Where a write's time is read to judge date_expires. */
export interface ExpiryBasis {
  /** The ttl sent; undefined or 0 = the resource must not expire. */
  readonly ttl: number | undefined;
  /** The date field the ttl counts from (default date_created). */
  readonly from?: "date_created" | "date_updated";
  /** Read `from` off another answer: the item whose write set its map's ttl. */
  readonly of?: Answer;
  /**
   * The write stamped no date of its own (a ttl-only update need not move date_updated,
   * docs/behaviour-reference.md#not-documented): its time is estimated on the target's
   * clock from the date_created this earlier answer carries.
   */
  readonly clock?: Answer;
}

/** The owner a sid field names, by the prefix its sids carry. */
const SID_PREFIX = { sid: "MP", map_sid: "MP", account_sid: "AC", service_sid: "IS" } as const;
/** The records key of each list operation's envelope. */
const RECORDS_KEY: Readonly<Record<string, string>> = {
  ListSyncMap: "maps",
  ListSyncMapItem: "items",
  ListSyncMapPermission: "permissions",
};

/** Whose resources the run makes: the caller's account and the service in the path. */
export interface Owner {
  readonly accountSid: string;
  readonly serviceSid: string;
}

export class Assertions extends Verdicts {
  constructor(
    recorder: Recorder,
    spec: BehaviourSpec,
    protected readonly owner: Owner,
  ) {
    super(recorder, spec);
  }

  /** date_expires is the write time plus the ttl (or null without one). */
  expires(answer: Answer, basis: ExpiryBasis): boolean {
    const from = basis.from ?? "date_created";
    const source = basis.of ?? answer;
    const writeTime =
      basis.clock === undefined
        ? fieldOf(source, from)
        : targetTimeAt(basis.clock.exchange, basis.clock.body.date_created, answer.exchange);
    const writeTimeField =
      basis.clock !== undefined
        ? "the update's time on the target's clock"
        : basis.of === undefined
          ? from
          : `the ${resourceOf(basis.of)}'s ${from}`;
    const input = {
      resource: describeAnswerOf(answer),
      dateExpires: answer.body.date_expires,
      writeTime,
      writeTimeField,
      ttl: basis.ttl,
    };
    return this.check(expiryDerivesFromTtl, input, answer);
  }

  /** The later answer's date_expires is at least one date resolution after the earlier one's. */
  expiresLater(earlier: Answer, later: Answer, documented: string): boolean {
    const [before, after] = [earlier.body.date_expires, later.body.date_expires];
    const at = (value: unknown): number | undefined =>
      typeof value === "string" ? parseTwilioDate(value) : undefined;
    const [from, to] = [at(before), at(after)];
    const moved = from !== undefined && to !== undefined && to - from >= DATE_RESOLUTION_MS;
    const shown = (value: unknown, answer: Answer): string =>
      `${show(value)} in the ${operationOf(answer)} answer`;
    const received = `date_expires ${shown(before, earlier)}, ${shown(after, later)}`;
    return this.holds(later, moved, received, documented);
  }

  /** date_created, date_updated and date_expires (nullable) are whole-second UTC dates. */
  datesAreUtc(answer: Answer): void {
    for (const field of ["date_created", "date_updated"]) {
      this.check(dateIsTwilioUtc, { field, value: answer.body[field] }, answer);
    }
    const expires = { field: "date_expires", value: answer.body.date_expires, nullable: true };
    this.check(dateIsTwilioUtc, expires, answer);
  }

  /** A sid field has the documented shape of its owner (MP…, AC…, IS…). */
  sidShaped(answer: Answer, field: keyof typeof SID_PREFIX): boolean {
    const input = {
      field: fieldIn(answer, field),
      value: answer.body[field],
      prefix: SID_PREFIX[field],
    };
    return this.check(sidMatchesPattern, input, answer);
  }

  /** account_sid and service_sid are sids, and name the caller's account and service. */
  ownedByCaller(answer: Answer): void {
    this.sidShaped(answer, "account_sid");
    this.sidShaped(answer, "service_sid");
    const owner = `the account that owns the ${resourceOf(answer)}`;
    // An API key (SK…) may authenticate; only an AC… user names the owning account.
    if (this.owner.accountSid.startsWith("AC"))
      this.field(answer, "account_sid", this.owner.accountSid, owner);
    // "default" may stand for the service in the path; only an IS… sid is compared.
    if (this.owner.serviceSid.startsWith("IS")) {
      this.field(answer, "service_sid", this.owner.serviceSid, "the service in the request path");
    }
  }

  /** map_sid is a map sid, the one of the map holding the resource. */
  heldBy(answer: Answer, mapSid: string, why = "the sid of the map that holds it"): void {
    this.sidShaped(answer, "map_sid");
    this.field(answer, "map_sid", mapSid, why);
  }

  /** A (dotted) URL field is absolute and its path is the resource's. */
  pointsAt(answer: Answer, field: string, path: string): boolean {
    const input = { field: fieldIn(answer, field), value: fieldOf(answer, field), path };
    return this.check(urlPointsAtResource, input, answer);
  }

  /** The ETag header names the answer's revision; the form it uses is a reading. */
  etagIsRevision(answer: Answer, topic = `${resourceOf(answer)} ETag form`): boolean {
    const headers = answer.exchange.response?.headers;
    const input = { answer: describeAnswerOf(answer), headers, revision: answer.body.revision };
    const etag = headers?.etag;
    if (etag !== undefined) this.recorder.reading(topic, etagForm(etag));
    return this.check(etagCarriesRevision, input, answer);
  }

  /** The list envelope describes page `page` of `pageSize`. */
  pageMeta(answer: Answer, page: number, pageSize: number): boolean {
    const key = RECORDS_KEY[operationOf(answer)] ?? "records";
    const input = {
      body: answer.body,
      key,
      expectedPageSize: pageSize,
      expectedPage: page,
      firstPage: page === 0,
    };
    return this.check(pagingMetaIsComplete, input, answer);
  }

  /** meta.page_size is the PageSize asked for, or the documented default without one. */
  pageSize(answer: Answer, expected: number): boolean {
    const url = new URL(answer.exchange.request.url, "http://target.invalid");
    const asked = url.searchParams.has("PageSize");
    const why = asked
      ? "the page size asked for (1..100 in every reading)"
      : `the default page size is ${DEFAULT_PAGE_SIZE}`;
    return this.field(answer, "meta.page_size", expected, why);
  }

  /** next_page_url leads on while more records exist; returns it when it does. */
  nextPage(answer: Answer, documented: string): string | undefined {
    const next = fieldOf(answer, "meta.next_page_url");
    const leads = typeof next === "string" && next.length > 0;
    this.holds(answer, leads, `next_page_url = ${show(next)}${pageOf(answer)}`, documented);
    return leads ? next : undefined;
  }

  /** A 204 has no body. */
  noBody(exchange: Exchange): boolean {
    const text = exchange.response?.bodyText ?? "";
    return this.holds(
      exchange,
      text === "",
      `body ${show(text.slice(0, 200))}`,
      "a 204 answer has no body",
    );
  }

  /** `value` appears exactly once in what a list or walk showed. */
  listedOnce(
    on: Answer | Exchange,
    listed: readonly string[],
    value: string,
    documented: string,
  ): boolean {
    const times = listed.filter((seen) => seen === value).length;
    return this.holds(
      on,
      times === 1,
      `${show(value)} listed ${times} times in ${show(listed)}`,
      documented,
    );
  }

  /** `value` is among what a list showed. */
  lists(
    on: Answer | Exchange,
    listed: readonly string[],
    value: string,
    documented: string,
  ): boolean {
    return this.holds(
      on,
      listed.includes(value),
      `${show(value)} missing from ${show(listed)}`,
      documented,
    );
  }

  /** `value` is not among what a list showed. */
  omits(
    on: Answer | Exchange,
    listed: readonly string[],
    value: string,
    documented: string,
  ): boolean {
    return this.holds(
      on,
      !listed.includes(value),
      `${show(value)} still listed in ${show(listed)}`,
      documented,
    );
  }

  /** The records key of a list answer holds nothing. */
  listsNothing(answer: Answer, documented: string): boolean {
    const key = RECORDS_KEY[operationOf(answer)] ?? "records";
    const records = answer.body[key];
    const empty = Array.isArray(records) && records.length === 0;
    return this.holds(answer, empty, `${key} = ${show(records)}`, documented);
  }
}

/** "map", "item" or "permission", read off the answer's operation. */
function resourceOf(answer: Answer): string {
  const operation = operationOf(answer);
  return operation.includes("Item")
    ? "item"
    : operation.includes("Permission")
      ? "permission"
      : "map";
}

function pageOf(answer: Answer): string {
  const size = fieldOf(answer, "meta.page_size");
  return size === undefined ? "" : ` on a page of ${show(size)}`;
}
