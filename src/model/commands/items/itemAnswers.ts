// What an item answer must show, as the model holds the item.
import { etagCarriesRevision } from "../../../checks/etag.ts";
import type { Exchange } from "../../../http/exchange.ts";
import type { ModelItem, ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import {
  expectEqual,
  expectExpiry,
  expectExpiryFromThisWrite,
  expectSameRevision,
  hold,
  type Json,
} from "../expect.ts";
import { mapObject } from "../maps/mapAnswers.ts";
import { expectShownAgain, READ, unsettle, type AnswerKind } from "../records.ts";
import {
  expectCreatedByShape,
  expectDateShapes,
  expectOwnedAt,
  expectRevisionShape,
  expectStampedNow,
  expectUpdatedStamp,
} from "../shapes.ts";

/**
 * The object id RealSystem files an item's revisions under; the key is encoded, so
 * forgetting item "a" (a prefix match) never forgets an item "a/b".
 */
export function itemObject(map: ModelMap, key: string): string {
  return `m${map.ref}/${encodeURIComponent(key)}`;
}

export function itemLabel(map: ModelMap, key: string): string {
  return `map#${map.ref} item ${JSON.stringify(key)}`;
}

/** Item create, fetch and update carry an ETag equal to the revision, bare or quoted. */
export function expectEtag(exchange: Exchange, answer: string, revision: unknown): void {
  hold(etagCarriesRevision, { answer, headers: exchange.response?.headers, revision }, exchange);
}

/** An item as the model holds it: its key, its map, the data last written, its expiry. */
export function expectItemAnswer(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
  item: ModelItem,
): void {
  const label = itemLabel(map, item.key);
  expectEqual(exchange, `key of ${label}`, body.key, item.key, "the key addressed");
  expectEqual(
    exchange,
    `map_sid of ${label}`,
    body.map_sid,
    real.sidOf(map.ref),
    "the map the address reaches",
  );
  expectEqual(
    exchange,
    `data of ${label}`,
    body.data,
    item.data,
    "the Data last written to this item",
  );
  expectExpiry(real, exchange, label, body.date_expires, item.expiry);
}

/**
 * An item answer compared whole: the fields the model predicts, the shape of the rest,
 * and every field against the item's last answer (a write changes only what it may).
 * `changedData`: an update that changed what the item holds stamps date_updated.
 */
export function expectItemRecord(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
  item: ModelItem,
  kind: AnswerKind,
  changedData = false,
): void {
  const label = itemLabel(map, item.key);
  const object = itemObject(map, item.key);
  expectItemAnswer(real, exchange, body, map, item);
  expectOwnedAt(real, exchange, label, body, real.api.itemPath(real.sidOf(map.ref), item.key));
  expectRevisionShape(exchange, label, body.revision);
  expectDateShapes(exchange, label, body);
  expectCreatedByShape(exchange, label, body.created_by);
  const before = real.shown.get(object);
  if (!kind.read && before === undefined) expectStampedNow(real, exchange, label, body);
  if (!kind.read && before !== undefined) {
    const previous = { date: before.body.date_updated, write: before.write };
    expectUpdatedStamp(real, exchange, label, previous, body.date_updated, changedData);
  }
  if (!kind.read) {
    expectExpiryFromThisWrite(real, exchange, object, label, body.date_expires, item.expiry);
  }
  expectShownAgain(real, exchange, object, label, body, kind);
}

/** What an item write may change in its answer: data and ttl sent, revision, date_updated. */
export function itemWriteChanges(sent: { data: boolean; ttl: boolean }): string[] {
  return [
    "revision",
    "date_updated",
    ...(sent.data ? ["data"] : []),
    ...(sent.ttl ? ["date_expires"] : []),
  ];
}

/**
 * After a write to one of its items or permissions: what that does to the map's revision
 * and date_updated is not documented, and CollectionTtl moves its expiry.
 */
export function unsettleMap(real: RealSystem, map: ModelMap, movedExpiry = false): void {
  const fields = ["revision", "date_updated", ...(movedExpiry ? ["date_expires"] : [])];
  unsettle(real, mapObject(map), fields);
}

/** Listed items: each whole, as the model holds it and as a fetch answers it now. */
export function expectListedItems(
  real: RealSystem,
  exchange: Exchange,
  map: ModelMap,
  listed: readonly Json[],
): void {
  for (const body of listed) {
    const item = typeof body.key === "string" ? map.items.get(body.key) : undefined;
    if (item === undefined) continue; // the key sequence is compared separately
    expectItemRecord(real, exchange, body, map, item, READ);
    expectSameRevision(real, exchange, itemObject(map, item.key), body.revision);
  }
}
