import { walkPages, type PageWalk } from "../shared/walk.ts";
// Steps many Map Item behaviours share: create an item that must exist, fetch one,
// walk every page of a listing. Each stops the behaviour when the target refuses a
// step the behaviour needs, so later checks never judge a missing precondition.
import { BehaviourAborted, type BehaviourContext, type Json } from "../../src/behaviours/context.ts";
import type { FormValue } from "../../src/http/client.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import type { Query } from "../../src/http/syncApi.ts";
import { servicePath } from "./documented.ts";

export interface ItemAnswer {
  readonly exchange: Exchange;
  readonly item: Json;
}

/** Creates an item the behaviour needs; any answer but 201 stops the behaviour. */
export async function newItem(t: BehaviourContext, map: string, key: string, data: unknown = { key }, extra: Readonly<Record<string, FormValue>> = {}): Promise<ItemAnswer> {
  const exchange = await t.api.createItem(map, { Key: key, Data: JSON.stringify(data), ...extra });
  t.expectStatus(exchange, 201, "CreateSyncMapItem answers 201");
  return { exchange, item: t.json(exchange) };
}

/** Fetches an item the behaviour expects to exist; any answer but 200 stops the behaviour. */
export async function fetchedItem(t: BehaviourContext, map: string, key: string, documented = "FetchSyncMapItem answers 200 for an existing item"): Promise<ItemAnswer> {
  const exchange = await t.api.fetchItem(map, key);
  t.expectStatus(exchange, 200, documented);
  return { exchange, item: t.json(exchange) };
}

/** Updates an item; any answer but 200 stops the behaviour. */
export async function updatedItem(t: BehaviourContext, map: string, key: string, form: Readonly<Record<string, FormValue>>, ifMatch?: string): Promise<ItemAnswer> {
  const exchange = await t.api.updateItem(map, key, form, ifMatch);
  t.expectStatus(exchange, 200, "UpdateSyncMapItem answers 200");
  return { exchange, item: t.json(exchange) };
}

/** The item's revision as a string, or the behaviour stops: If-Match needs it. */
export function revisionOf(t: BehaviourContext, answer: ItemAnswer): string {
  const revision = answer.item.revision;
  if (typeof revision === "string" && revision.length > 0) return revision;
  t.fail({ check: "item_revision_is_string", title: "Item revision is not a non-empty string", received: `revision = ${JSON.stringify(revision)}`, documented: "revision is an opaque string" }, answer.exchange);
  throw new BehaviourAborted();
}

/** The path an item's url must have: canonical service and map sids, percent-encoded key. */
export function itemUrlPath(t: BehaviourContext, item: Json, mapSid: string, key: string): string {
  return `${servicePath(t.serviceSid, item.service_sid)}/Maps/${mapSid}/Items/${encodeURIComponent(key)}`;
}

/** Our maps hold a handful of items, so a few hundred pages means the target loops. */
const MAX_PAGES = 200;

export interface ItemWalk extends PageWalk {
  readonly keys: string[];
  readonly items: Json[];
}

/** Follows next_page_url from the first page of a listing; every page must answer 200. */
export async function walkItems(t: BehaviourContext, map: string, query: Query = {}): Promise<ItemWalk> {
  const walk = await walkPages(t, await t.api.listItems(map, query), "ListSyncMapItem", "items", MAX_PAGES);
  const keys = walk.records.map((item) => (typeof item.key === "string" ? item.key : JSON.stringify(item.key)));
  return { ...walk, keys, items: walk.records };
}

/** The keys on one list page, or the behaviour stops when the page is not a 200 list. */
export async function listedKeys(t: BehaviourContext, map: string, query: Query): Promise<{ keys: string[]; exchange: Exchange; body: Json }> {
  const exchange = await t.api.listItems(map, query);
  t.expectStatus(exchange, 200, "ListSyncMapItem answers 200");
  const body = t.json(exchange);
  const items = Array.isArray(body.items) ? (body.items as Json[]) : [];
  return { keys: items.map((item) => (typeof item?.key === "string" ? item.key : JSON.stringify(item?.key))), exchange, body };
}

/** Creates the keys in the order given (not sorted), so ordering is the target's work. */
export async function seedKeys(t: BehaviourContext, map: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) await newItem(t, map, key, { key });
}

export function showKeys(keys: readonly string[]): string {
  return JSON.stringify(keys);
}
