// Steps many Map Item behaviours share: create an item that must exist, fetch one,
// walk every page of a listing. Each stops the behaviour when the target refuses a
// step the behaviour needs, so later checks never judge a missing precondition.
import {
  BehaviourAborted,
  type Answer,
  type BehaviourContext,
} from "../../src/behaviours/context.ts";
import { show } from "../../src/checks/failure.ts";
import type { FormValue } from "../../src/http/client.ts";
import type { Json } from "../../src/http/json.ts";
import type { Query } from "../../src/http/syncApi.ts";
import { walkPages, type PageWalk } from "../common/walk.ts";
import { servicePath } from "../common/helpers.ts";

type Form = Readonly<Record<string, FormValue>>;

/** The fields of an item that fetch and list must report as create did. */
export const ITEM_FIELDS = [
  ...["key", "account_sid", "service_sid", "map_sid", "url", "revision", "data"],
  ...["date_expires", "date_created", "date_updated", "created_by"],
] as const;

/** A JSON object whose text is exactly `bytes` bytes of UTF-8 (ASCII padding). */
export function dataOfBytes(bytes: number): string {
  const frame = JSON.stringify({ pad: "" });
  return JSON.stringify({ pad: "x".repeat(Math.max(0, bytes - frame.length)) });
}

/** Creates an item the behaviour needs; any answer but 201 stops the behaviour. */
export async function newItem(
  t: BehaviourContext,
  map: string,
  key: string,
  data: unknown = { key },
  extra: Form = {},
): Promise<Answer> {
  const form = { Key: key, Data: JSON.stringify(data), ...extra };
  return t.expectAnswer(await t.api.createItem(map, form), 201);
}

/** Fetches an item the behaviour expects to exist; any answer but 200 stops the behaviour. */
export async function fetchedItem(t: BehaviourContext, map: string, key: string): Promise<Answer> {
  return t.expectAnswer(await t.api.fetchItem(map, key), 200);
}

/** Updates an item; any answer but 200 stops the behaviour. */
export async function updatedItem(
  t: BehaviourContext,
  map: string,
  key: string,
  form: Form,
  ifMatch?: string,
): Promise<Answer> {
  return t.expectAnswer(await t.api.updateItem(map, key, form, ifMatch), 200);
}

/** The item's revision as a string, or the behaviour stops: If-Match needs it. */
export function revisionOf(t: BehaviourContext, answer: Answer): string {
  const revision = answer.body.revision;
  if (typeof revision === "string" && revision.length > 0) return revision;
  const title = "Item revision is not a non-empty string";
  const found = {
    check: "item_revision_is_string",
    title,
    received: `revision = ${show(revision)}`,
  };
  t.fail({ ...found, documented: "revision is an opaque string" }, answer);
  throw new BehaviourAborted();
}

/** The path an item's url must have: canonical service and map sids, percent-encoded key. */
export function itemUrlPath(t: BehaviourContext, item: Json, mapSid: string, key: string): string {
  const service = servicePath(t.serviceSid, item.service_sid);
  return `${service}/Maps/${mapSid}/Items/${encodeURIComponent(key)}`;
}

/** Our maps hold a handful of items, so a few hundred pages means the target loops. */
const MAX_PAGES = 200;

export interface ItemWalk extends PageWalk {
  readonly keys: string[];
  readonly items: Json[];
}

/** Follows next_page_url from the first page of a listing; every page must answer 200. */
export async function walkItems(
  t: BehaviourContext,
  map: string,
  query: Query = {},
): Promise<ItemWalk> {
  const first = await t.api.listItems(map, query);
  const walk = await walkPages(t, first, "ListSyncMapItem", "items", MAX_PAGES);
  return { ...walk, keys: walk.records.map(keyOf), items: walk.records };
}

/** The keys on one list page, or the behaviour stops when the page is not a 200 list. */
export async function listedKeys(
  t: BehaviourContext,
  map: string,
  query: Query,
): Promise<Answer & { keys: string[] }> {
  const listed = t.expectAnswer(await t.api.listItems(map, query), 200);
  const items = Array.isArray(listed.body.items) ? (listed.body.items as Json[]) : [];
  return { ...listed, keys: items.map(keyOf) };
}

/** Creates the keys in the order given (not sorted), so ordering is the target's work. */
export async function seedKeys(
  t: BehaviourContext,
  map: string,
  keys: readonly string[],
): Promise<void> {
  for (const key of keys) await newItem(t, map, key, { key });
}

function keyOf(item: Json | null | undefined): string {
  return typeof item?.key === "string" ? item.key : JSON.stringify(item?.key);
}
