// What a map answer must show, as the model holds the map, and as the map answered last.
import type { Exchange } from "../../../http/exchange.ts";
import type { ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { expectEqual, expectExpiry, expectExpiryFromThisWrite, type Json } from "../expect.ts";
import { expectShownAgain, type AnswerKind } from "../records.ts";
import {
  expectCreatedByShape,
  expectDateShapes,
  expectOwnedAt,
  expectRevisionShape,
  expectStampedNow,
  expectUpdatedStamp,
} from "../shapes.ts";

export function mapObject(map: { readonly ref: number }): string {
  return `m${map.ref}`;
}

/** What a map write may change in its answer: the ttl it sent, and so its revision and dates. */
export const MAP_WRITE_CHANGES = ["revision", "date_expires", "date_updated"] as const;

/** The fields the model predicts: the map addressed, its name, its expiry. */
export function expectMapAnswer(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
): void {
  const label = `map#${map.ref}`;
  const sid = real.sidOf(map.ref);
  expectEqual(exchange, `sid of ${label}`, body.sid, sid, "the map the address names");
  const named = "the UniqueName it was created with, or null";
  expectEqual(exchange, `unique_name of ${label}`, body.unique_name, map.uniqueName, named);
  expectExpiry(real, exchange, label, body.date_expires, map.expiry);
}

/**
 * A map answer compared whole: the fields the model predicts, the shape of the rest,
 * and every field against the map's last answer (a write changes only what it may).
 */
export function expectMapRecord(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
  kind: AnswerKind,
): void {
  const label = `map#${map.ref}`;
  const object = mapObject(map);
  expectMapAnswer(real, exchange, body, map);
  const path = real.api.mapPath(real.sidOf(map.ref));
  expectOwnedAt(real, exchange, label, body, path);
  const links = typeof body.url === "string" ? linksOf(body.url) : undefined;
  expectEqual(
    exchange,
    `links of ${label}`,
    body.links,
    links,
    "the map's url and /Items, /Permissions",
  );
  expectRevisionShape(exchange, label, body.revision);
  expectDateShapes(exchange, label, body);
  expectCreatedByShape(exchange, label, body.created_by);
  const before = real.shown.get(object);
  if (!kind.read && before === undefined) expectStampedNow(real, exchange, label, body);
  if (!kind.read && before !== undefined) {
    const previous = { date: before.body.date_updated, write: before.write };
    expectUpdatedStamp(real, exchange, label, previous, body.date_updated, false);
  }
  if (!kind.read) {
    expectExpiryFromThisWrite(real, exchange, object, label, body.date_expires, map.expiry);
  }
  expectShownAgain(real, exchange, object, label, body, kind);
}

function linksOf(url: string): Json {
  return { items: `${url}/Items`, permissions: `${url}/Permissions` };
}
