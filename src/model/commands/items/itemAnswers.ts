// What an item answer must show, as the model holds the item.
import { etagCarriesRevision } from "../../../checks/etag.ts";
import type { Exchange } from "../../../http/exchange.ts";
import type { ModelItem, ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { expectEqual, expectExpiry, expectSameRevision, hold, type Json } from "../expect.ts";

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

/** Listed items: each as the model holds it, showing the revision last seen. */
export function expectListedItems(
  real: RealSystem,
  exchange: Exchange,
  map: ModelMap,
  listed: readonly Json[],
): void {
  for (const body of listed) {
    const item = typeof body.key === "string" ? map.items.get(body.key) : undefined;
    if (item === undefined) continue; // the key sequence is compared separately
    expectItemAnswer(real, exchange, body, map, item);
    expectSameRevision(real, exchange, itemObject(map, item.key), body.revision);
  }
}
