// One command per Map Item operation, plus a list walk and a page-at-a-time cursor.
// Like maps.ts, each predicts the answer from the model, sends the request, holds the
// answer to the prediction, then moves the model on as the documents say. Keys come
// from a tiny ASCII pool (facts C10) and data from a tiny pool, so collisions, reuse
// after a delete and writing back earlier data all happen often.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { etagCarriesRevision } from "../../checks/etag.ts";
import { show } from "../../checks/failure.ts";
import type { Exchange } from "../../http/exchange.ts";
import { SyncModel, type ModelCursor, type ModelItem, type ModelMap } from "../model.ts";
import { ModelMismatch, type RealSystem } from "../real.ts";
import { SyncCommand, addressOf } from "./command.ts";
import { bodyOf, expectEqual, expectExpiry, expectNewRevision, expectRefusal, expectSameRevision, expectStatus, expectThat, type Json } from "./expect.ts";
import { CreateMap, DeleteMap, FetchMap, ttlForm, type TtlAlias } from "./maps.ts";
import { describeTtl, isValidTtl, ttlChoiceArbitrary, type TtlChoice } from "./ttl.ts";
import { jsonDataArbitrary } from "../../arbitraries/jsonData.ts";

/** Facts C5: any of the documented not-found codes, for a missing map or a missing item. */
export const NOT_FOUND_CODES = [20404, 54200, 54201, 54300];
/** Facts C6: a stale If-Match answers 412 with either code. */
const PRECONDITION_CODES = [54205, 20412];
/** ASCII only: collation beyond code points is not specified (facts C10). */
export const KEY_POOL = ["a", "b", "c", "d", "e"] as const;
/** JSON objects only (facts C11); a few, so earlier data comes back. */
export const DATA_POOL: readonly Json[] = [{}, { n: 1 }, { n: 2 }, { s: "x", on: true }, { list: [1, "two", null], nested: { deep: 0.5 } }];
/** A walk that has not ended after this many pages never will. */
const MAX_PAGES = 200;

export type ItemTtlAlias = "ItemTtl" | "Ttl" | "both";
export type IfMatchChoice = "none" | "current" | "stale";

/** Item ttl fields: with both, ItemTtl carries the ttl and Ttl a decoy it must lose to (facts §3). */
function itemTtlForm(ttl: TtlChoice, alias: ItemTtlAlias): Record<string, string> {
  const mapAlias: TtlAlias = alias === "ItemTtl" ? "CollectionTtl" : alias;
  return ttlForm(ttl, mapAlias, "ItemTtl", "Ttl");
}

function collectionTtlForm(ttl: TtlChoice): Record<string, string> {
  return ttl === undefined ? {} : { CollectionTtl: String(ttl) };
}

/** Choices below this pick a live map; the rest any map ever created, dead ones included (404). */
const LIVE_CHOICES = 6;

/**
 * The map a command addresses: mostly a live one, so histories build up on few maps;
 * now and then any map ever created, so deleted maps are addressed too.
 */
export function targetOf(model: Readonly<SyncModel>, choice: number): ModelMap {
  return ((choice < LIVE_CHOICES ? model.pick(choice) : undefined) ?? model.pickAny(choice)) as ModelMap;
}

/** A key from the pool as given, or (a number n) the n-th key the addressed map holds now. */
export type KeyChoice = string | number;

/**
 * The key a command addresses. Held keys make reads and writes land on items that
 * exist (pool keys alone mostly miss); a map holding none falls back to the pool.
 * Deterministic in the model, so a replay addresses the same key.
 */
function resolveKey(model: Readonly<SyncModel>, args: { readonly choice: number; readonly byName: boolean; readonly key: KeyChoice }): { readonly key: string; readonly held: boolean } {
  if (typeof args.key === "string") return { key: args.key, held: false };
  const reached = model.maps.length === 0 ? undefined : model.reach(targetOf(model, args.choice), args.byName);
  const held = reached === undefined ? [] : SyncModel.orderedKeys(reached, "asc", undefined, "inclusive");
  const from = held.length > 0 ? held : KEY_POOL;
  return { key: from[args.key % from.length] as string, held: held.length > 0 };
}

/** Commands that address an existing key remember it at check time, so the script names it. */
abstract class KeyedCommand<Args extends { readonly choice: number; readonly byName: boolean; readonly key: KeyChoice }> extends SyncCommand {
  abstract override readonly args: Args;
  private shown: { readonly key: string; readonly held: boolean } | undefined;

  protected keyIn(model: Readonly<SyncModel>): string {
    this.shown = resolveKey(model, this.args);
    return this.shown.key;
  }

  protected describeKey(): string {
    const { key } = this.args;
    if (typeof key === "string") return `key=${JSON.stringify(key)}`;
    if (this.shown === undefined) return `key=held #${key}`;
    return `key=${JSON.stringify(this.shown.key)} (${this.shown.held ? `held #${key}` : `pool #${key}: the map holds none`})`;
  }
}

function describeMap(args: { readonly choice: number; readonly byName: boolean }): string {
  return `${args.byName ? "by name" : "by sid"}, pick ${args.choice}`;
}

/** Data a command sends: one of the pool (so earlier data comes back), a generated object, or too much. */
export type DataChoice = number | Json | "oversize";

/** Well over the 16 KiB limit; the exact boundary is not asserted (facts §3). */
const OVERSIZE_BYTES = 20 * 1024;

function describeData(choice: DataChoice | null): string {
  if (choice === null) return "";
  if (choice === "oversize") return `, data=${OVERSIZE_BYTES / 1024} KiB`;
  return `, data=${JSON.stringify(dataAt(choice))}`;
}

function dataText(choice: DataChoice): string {
  return choice === "oversize" ? JSON.stringify({ pad: "x".repeat(OVERSIZE_BYTES) }) : JSON.stringify(dataAt(choice));
}

function dataAt(index: number | Json): Json {
  if (typeof index !== "number") return index;
  return DATA_POOL[index % DATA_POOL.length] as Json;
}

/** The object id RealSystem files an item's revisions under; the key is encoded, so
 * forgetting item "a" (a prefix match) never forgets an item "a/b". */
export function itemObject(map: ModelMap, key: string): string {
  return `m${map.ref}/${encodeURIComponent(key)}`;
}

function itemLabel(map: ModelMap, key: string): string {
  return `map#${map.ref} item ${JSON.stringify(key)}`;
}

/** What is wrong with a request, as the documents see it; none means it succeeds. */
interface Problem {
  readonly status: number | "4xx";
  readonly codes: readonly number[];
  readonly why: string;
}

/**
 * Holds a refusal to the problems: one problem fixes the status and codes; with two
 * or more, which error wins is not documented, so any 4xx will do. True if refused.
 */
function expectProblems(exchange: Exchange, problems: readonly Problem[]): boolean {
  const [only] = problems;
  if (only === undefined) return false;
  if (problems.length === 1) expectRefusal(exchange, only.status, only.codes, only.why);
  else expectRefusal(exchange, "4xx", [], `${problems.map((problem) => problem.why).join("; and ")}: which refusal wins is not documented`);
  return true;
}

function ttlProblems(fields: ReadonlyArray<readonly [string, TtlChoice]>): Problem[] {
  return fields.filter(([, ttl]) => !isValidTtl(ttl)).map(([name, ttl]) => ({ status: "4xx", codes: [], why: `${name} ${JSON.stringify(ttl)} is refused (54011)` }));
}

/** Facts C8/§3: item create, fetch and update carry an ETag equal to the revision, bare or quoted. */
function expectEtag(exchange: Exchange, answer: string, revision: unknown): void {
  const found = etagCarriesRevision.run({ answer, headers: exchange.response?.headers, revision })[0];
  if (found !== undefined) throw new ModelMismatch(found, exchange);
}

/** An item as the model holds it: its key, its map, the data last written, its expiry. */
function expectItemAnswer(real: RealSystem, exchange: Exchange, body: Json, map: ModelMap, item: ModelItem): void {
  const label = itemLabel(map, item.key);
  expectEqual(exchange, `key of ${label}`, body.key, item.key, "the key addressed");
  expectEqual(exchange, `map_sid of ${label}`, body.map_sid, real.sidOf(map.ref), "the map the address reaches");
  expectEqual(exchange, `data of ${label}`, body.data, item.data, "the Data last written to this item");
  expectExpiry(real, exchange, label, body.date_expires, item.expiry);
}

/** Listed items: each as the model holds it, showing the revision last seen. */
function expectListedItems(real: RealSystem, exchange: Exchange, map: ModelMap, listed: readonly Json[]): void {
  for (const body of listed) {
    const item = typeof body.key === "string" ? map.items.get(body.key) : undefined;
    if (item === undefined) continue; // the key sequence is compared separately
    expectItemAnswer(real, exchange, body, map, item);
    expectSameRevision(real, exchange, itemObject(map, item.key), body.revision);
  }
}

function nextPageUrl(body: Json): string | undefined {
  const next = (body.meta as Json | undefined)?.next_page_url;
  // Facts C9: null (OAS) or "" (older sample) both end the list.
  return typeof next === "string" && next !== "" ? next : undefined;
}

/** The records of one page under its list key, or a mismatch when there is no such array. */
export function pageRecords(exchange: Exchange, body: Json, key: "items" | "permissions"): Json[] {
  const records = body[key];
  expectThat(exchange, Array.isArray(records), `${key} = ${show(records)}`, `a page lists its records under "${key}"`);
  return (records as unknown[]).filter((record): record is Json => record !== null && typeof record === "object" && !Array.isArray(record));
}

/** Follows next_page_url from the first page to the end; every page must answer 200. */
export async function walkPages(real: RealSystem, first: Exchange, key: "items" | "permissions", operationId: string): Promise<{ readonly records: Json[]; readonly last: Exchange }> {
  const records: Json[] = [];
  let exchange = first;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    expectStatus(exchange, 200, `every page of ${operationId} answers 200`);
    const body = bodyOf(exchange);
    records.push(...pageRecords(exchange, body, key));
    const next = nextPageUrl(body);
    if (next === undefined) return { records, last: exchange };
    exchange = real.noteExchange(await real.api.follow(operationId, next));
  }
  throw new ModelMismatch({ check: "model_property_holds", title: "The target disagrees with the model", received: `${operationId} still led on after ${MAX_PAGES} pages`, documented: "next_page_url is null (or empty) on the last page" }, exchange);
}

function keysOf(records: readonly Json[]): unknown[] {
  return records.map((record) => record.key);
}

// ---- the commands ----------------------------------------------------------------

type MapArgs = {
  readonly choice: number;
  readonly byName: boolean;
};

export class CreateItem extends SyncCommand {
  readonly op = "CreateItem";
  constructor(readonly args: MapArgs & { readonly key: string; readonly data: DataChoice; readonly ttl: TtlChoice; readonly alias: ItemTtlAlias; readonly collectionTtl: TtlChoice }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    const { ttl, alias, collectionTtl } = this.args;
    const ttlText = ttl === undefined ? "" : `${describeTtl(ttl)} via ${alias}`;
    const collection = collectionTtl === undefined ? "" : `, CollectionTtl=${JSON.stringify(collectionTtl)}`;
    return `CreateItem(${describeMap(this.args)}, key=${JSON.stringify(this.args.key)}${describeData(this.args.data)}${ttlText}${collection})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { key, ttl, alias, collectionTtl } = this.args;
    const target = targetOf(model, this.args.choice);
    const form = { Key: key, Data: dataText(this.args.data), ...itemTtlForm(ttl, alias), ...collectionTtlForm(collectionTtl) };
    const exchange = real.noteExchange(await real.api.createItem(addressOf(real, target, this.args.byName), form));
    const reached = model.reach(target, this.args.byName);
    const problems = ttlProblems([[alias === "Ttl" ? "Ttl" : "ItemTtl", ttl], ["CollectionTtl", collectionTtl]]);
    if (this.args.data === "oversize") problems.push({ status: "4xx", codes: [], why: "Data over 16 KiB is refused (54006)" });
    if (reached === undefined) problems.push({ status: 404, codes: NOT_FOUND_CODES, why: "the address names no live map" });
    else if (reached.items.has(key)) problems.push({ status: 409, codes: [54208], why: `key ${JSON.stringify(key)} already exists in the map` });
    if (expectProblems(exchange, problems) || reached === undefined || this.args.data === "oversize") return;
    const data = dataAt(this.args.data);

    expectStatus(exchange, 201, "CreateSyncMapItem answers 201");
    const body = bodyOf(exchange);
    real.calibrate(exchange, body.date_created);
    const write = real.recordWrite(exchange);
    const item = SyncModel.createItem(reached, key, data, ttl as number | undefined, write);
    // CollectionTtl on an item write is the parent map's ttl (facts §3); FetchMap holds it.
    SyncModel.setExpiry(reached, collectionTtl as number | undefined, write);
    expectItemAnswer(real, exchange, body, reached, item);
    expectNewRevision(real, exchange, itemObject(reached, key), body.revision);
    expectEtag(exchange, "CreateSyncMapItem answer", body.revision);
  }
}

export class FetchItem extends KeyedCommand<MapArgs & { readonly key: KeyChoice }> {
  readonly op = "FetchItem";
  constructor(readonly args: MapArgs & { readonly key: KeyChoice }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    if (model.maps.length === 0) return false;
    this.keyIn(model);
    return true;
  }
  describe(): string {
    return `FetchItem(${describeMap(this.args)}, ${this.describeKey()})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const key = this.keyIn(model);
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(await real.api.fetchItem(addressOf(real, target, this.args.byName), key));
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) return expectRefusal(exchange, 404, NOT_FOUND_CODES, "the address names no live map");
    const item = reached.items.get(key);
    if (item === undefined) return expectRefusal(exchange, 404, NOT_FOUND_CODES, `${itemLabel(reached, key)} does not exist (never created, or deleted)`);
    expectStatus(exchange, 200, "FetchSyncMapItem answers 200");
    const body = bodyOf(exchange);
    expectItemAnswer(real, exchange, body, reached, item);
    expectSameRevision(real, exchange, itemObject(reached, item.key), body.revision);
    expectEtag(exchange, "FetchSyncMapItem answer", body.revision);
  }
}

/**
 * An update that changes nothing the documents show (the same data, expiry untouched):
 * "every change gives a new revision" leaves open whether it is a change, so the
 * revision may stay as it was; it must not go back to an earlier one.
 */
function expectRevisionAfterNoChange(real: RealSystem, exchange: Exchange, object: string, revision: unknown): void {
  if (revision !== real.seen(object).at(-1)) expectNewRevision(real, exchange, object, revision);
}

/** The revision an If-Match choice sends: the last one seen, or an earlier one of this lifetime. */
function ifMatchValue(real: RealSystem, object: string, choice: IfMatchChoice, stale: number): string | undefined {
  if (choice === "none") return undefined;
  const seen = real.seen(object);
  if (choice === "current") return seen.at(-1);
  return seen.length < 2 ? undefined : seen[stale % (seen.length - 1)];
}

/** If-Match needs a revision to send: current needs the item, stale an earlier write of it. */
function ifMatchPossible(model: Readonly<SyncModel>, args: MapArgs & { readonly ifMatch: IfMatchChoice }, key: string): boolean {
  if (args.ifMatch === "none") return true;
  const target = targetOf(model, args.choice);
  const item = model.reach(target, args.byName)?.items.get(key);
  return item !== undefined && (args.ifMatch === "current" || item.writes >= 1);
}

function describeIfMatch(choice: IfMatchChoice, stale: number): string {
  return choice === "none" ? "" : `, If-Match=${choice === "stale" ? `stale#${stale}` : "current"}`;
}

type UpdateItemArgs = MapArgs & {
  readonly key: KeyChoice;
  readonly data: Exclude<DataChoice, "oversize"> | null;
  readonly ttl: TtlChoice;
  readonly alias: ItemTtlAlias;
  readonly collectionTtl: TtlChoice;
  readonly ifMatch: IfMatchChoice;
  readonly stale: number;
};

export class UpdateItem extends KeyedCommand<UpdateItemArgs> {
  readonly op = "UpdateItem";
  constructor(readonly args: UpdateItemArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0 && ifMatchPossible(model, this.args, this.keyIn(model));
  }
  describe(): string {
    const { ttl, alias, collectionTtl } = this.args;
    const ttlText = ttl === undefined ? "" : `${describeTtl(ttl)} via ${alias}`;
    const collection = collectionTtl === undefined ? "" : `, CollectionTtl=${JSON.stringify(collectionTtl)}`;
    return `UpdateItem(${describeMap(this.args)}, ${this.describeKey()}${describeData(this.args.data)}${ttlText}${collection}${describeIfMatch(this.args.ifMatch, this.args.stale)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { ttl, alias, collectionTtl, ifMatch } = this.args;
    const key = this.keyIn(model);
    const target = targetOf(model, this.args.choice);
    const reached = model.reach(target, this.args.byName);
    const data = this.args.data === null ? undefined : dataAt(this.args.data);
    const form = { ...(data === undefined ? {} : { Data: JSON.stringify(data) }), ...itemTtlForm(ttl, alias), ...collectionTtlForm(collectionTtl) };
    const object = reached === undefined ? undefined : itemObject(reached, key);
    const sentIfMatch = object === undefined ? undefined : ifMatchValue(real, object, ifMatch, this.args.stale);
    const exchange = real.noteExchange(await real.api.updateItem(addressOf(real, target, this.args.byName), key, form, sentIfMatch));

    const item = reached?.items.get(key);
    const problems = ttlProblems([[alias === "Ttl" ? "Ttl" : "ItemTtl", ttl], ["CollectionTtl", collectionTtl]]);
    if (data === undefined && ttl === undefined) problems.push({ status: "4xx", codes: [], why: "CollectionTtl on an item update is refused without Data or a ttl (facts §3)" });
    if (reached === undefined || item === undefined) problems.push({ status: 404, codes: NOT_FOUND_CODES, why: reached === undefined ? "the address names no live map" : `${itemLabel(reached, key)} does not exist` });
    else if (ifMatch === "stale") problems.push({ status: 412, codes: PRECONDITION_CODES, why: `If-Match ${JSON.stringify(sentIfMatch)} is an earlier revision of ${itemLabel(reached, key)}, so nothing changes` });
    if (expectProblems(exchange, problems) || reached === undefined || item === undefined) return;

    expectStatus(exchange, 200, "UpdateSyncMapItem answers 200");
    const body = bodyOf(exchange);
    const write = real.recordWrite(exchange);
    const changes = !isDeepStrictEqual(data ?? item.data, item.data) || !(ttl === undefined || (ttl === 0 && item.expiry === undefined));
    SyncModel.updateItem(item, data, ttl as number | undefined, write);
    SyncModel.setExpiry(reached, collectionTtl as number | undefined, write);
    expectItemAnswer(real, exchange, body, reached, item);
    if (changes) expectNewRevision(real, exchange, itemObject(reached, key), body.revision);
    else expectRevisionAfterNoChange(real, exchange, itemObject(reached, key), body.revision);
    expectEtag(exchange, "UpdateSyncMapItem answer", body.revision);
  }
}

type DeleteItemArgs = MapArgs & { readonly key: KeyChoice; readonly ifMatch: IfMatchChoice; readonly stale: number };

export class DeleteItem extends KeyedCommand<DeleteItemArgs> {
  readonly op = "DeleteItem";
  constructor(readonly args: DeleteItemArgs) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0 && ifMatchPossible(model, this.args, this.keyIn(model));
  }
  describe(): string {
    return `DeleteItem(${describeMap(this.args)}, ${this.describeKey()}${describeIfMatch(this.args.ifMatch, this.args.stale)})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { ifMatch } = this.args;
    const key = this.keyIn(model);
    const target = targetOf(model, this.args.choice);
    const reached = model.reach(target, this.args.byName);
    const object = reached === undefined ? undefined : itemObject(reached, key);
    const sentIfMatch = object === undefined ? undefined : ifMatchValue(real, object, ifMatch, this.args.stale);
    const exchange = real.noteExchange(await real.api.deleteItem(addressOf(real, target, this.args.byName), key, sentIfMatch));
    if (reached === undefined) return expectRefusal(exchange, 404, NOT_FOUND_CODES, "the address names no live map");
    if (!reached.items.has(key)) return expectRefusal(exchange, 404, NOT_FOUND_CODES, `${itemLabel(reached, key)} does not exist`);
    if (ifMatch === "stale") return expectRefusal(exchange, 412, PRECONDITION_CODES, `If-Match ${JSON.stringify(sentIfMatch)} is an earlier revision of ${itemLabel(reached, key)}, so nothing is deleted`);
    expectStatus(exchange, 204, "DeleteSyncMapItem answers 204");
    reached.items.delete(key);
    real.forget(itemObject(reached, key));
  }
}

/** Lists every page: exactly the keys the model orders for Order, From and Bounds (facts §3, C10). */
export class ListItems extends SyncCommand {
  readonly op = "ListItems";
  constructor(readonly args: MapArgs & { readonly order: "asc" | "desc"; readonly from: string | null; readonly bounds: "inclusive" | "exclusive"; readonly pageSize: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    const { order, from, bounds, pageSize } = this.args;
    return `ListItems(${describeMap(this.args)}, Order=${order}${from === null ? "" : `, From=${JSON.stringify(from)}, Bounds=${bounds}`}, PageSize=${pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { order, from, bounds, pageSize } = this.args;
    const target = targetOf(model, this.args.choice);
    const query = { Order: order, PageSize: pageSize, ...(from === null ? {} : { From: from, Bounds: bounds }) };
    const first = real.noteExchange(await real.api.listItems(addressOf(real, target, this.args.byName), query));
    const reached = model.reach(target, this.args.byName);
    if (reached === undefined) return expectRefusal(first, 404, NOT_FOUND_CODES, "the address names no live map");
    const { records, last } = await walkPages(real, first, "items", "ListSyncMapItem");
    const expected = SyncModel.orderedKeys(reached, order, from ?? undefined, bounds);
    expectEqual(last, `keys listed over pages of ${pageSize}`, keysOf(records), expected, "each item once, in code-point order of its key, from From on (facts §3)");
    expectListedItems(real, last, reached, records);
  }
}

// ---- page at a time ------------------------------------------------------------------

/** The next_page_url each open cursor (by map ref) was handed: server values stay off the model. */
const nextUrls = new WeakMap<RealSystem, Map<number, string>>();

function cursorUrls(real: RealSystem): Map<number, string> {
  let urls = nextUrls.get(real);
  if (urls === undefined) {
    urls = new Map();
    nextUrls.set(real, urls);
  }
  return urls;
}

/** After a page: the cursor moves past its last key while more is to come, else it closes. */
function advanceCursor(real: RealSystem, exchange: Exchange, body: Json, map: ModelMap, cursor: Omit<ModelCursor, "after">, keys: readonly string[], more: boolean): void {
  const next = nextPageUrl(body);
  const last = keys.at(-1);
  if (!more || last === undefined) {
    map.cursor = undefined;
    cursorUrls(real).delete(map.ref);
    return;
  }
  expectThat(exchange, next !== undefined, `next_page_url = ${show((body.meta as Json | undefined)?.next_page_url)} with ${keys.length} keys shown and more after ${JSON.stringify(last)}`, "next_page_url leads on while more items exist");
  map.cursor = { ...cursor, after: last };
  cursorUrls(real).set(map.ref, next as string);
}

/** Reads the first page only and keeps its next_page_url for NextItemPage. */
export class OpenItemPage extends SyncCommand {
  readonly op = "OpenItemPage";
  constructor(readonly args: MapArgs & { readonly order: "asc" | "desc"; readonly pageSize: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.maps.length > 0;
  }
  describe(): string {
    return `OpenItemPage(${describeMap(this.args)}, Order=${this.args.order}, PageSize=${this.args.pageSize})`;
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const { order, pageSize, byName } = this.args;
    const target = targetOf(model, this.args.choice);
    const exchange = real.noteExchange(await real.api.listItems(addressOf(real, target, byName), { Order: order, PageSize: pageSize }));
    const reached = model.reach(target, byName);
    if (reached === undefined) return expectRefusal(exchange, 404, NOT_FOUND_CODES, "the address names no live map");
    expectStatus(exchange, 200, "ListSyncMapItem answers 200");
    const body = bodyOf(exchange);
    const records = pageRecords(exchange, body, "items");
    const all = SyncModel.orderedKeys(reached, order, undefined, "inclusive");
    const keys = all.slice(0, pageSize);
    expectEqual(exchange, `keys on the first page of ${pageSize}`, keysOf(records), keys, `the first ${pageSize} keys in ${order} code-point order`);
    expectListedItems(real, exchange, reached, records);
    advanceCursor(real, exchange, body, reached, { order, pageSize }, keys, all.length > pageSize);
  }
}

/**
 * Follows an open cursor's next_page_url, however long after it was handed out: the
 * page holds the keys after the cursor that exist now. Offset paging shows here: a
 * delete before the cursor makes it skip a key, an insert makes it repeat one.
 */
export class NextItemPage extends SyncCommand {
  readonly op = "NextItemPage";
  /** Which map's cursor this picks, remembered at check time so the script names it. */
  private shownRef: number | undefined;
  constructor(readonly args: { readonly cursor: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    this.shownRef = this.openCursor(model)?.ref;
    return this.shownRef !== undefined;
  }
  describe(): string {
    return `NextItemPage(${this.shownRef === undefined ? `open cursor ${this.args.cursor}` : `the cursor open on map#${this.shownRef}`})`;
  }
  private openCursor(model: Readonly<SyncModel>): ModelMap | undefined {
    const open = model.live().filter((map) => map.cursor !== undefined);
    return open[this.args.cursor % Math.max(open.length, 1)];
  }
  async run(model: SyncModel, real: RealSystem): Promise<void> {
    const map = this.openCursor(model) as ModelMap;
    const cursor = map.cursor as ModelCursor;
    const url = cursorUrls(real).get(map.ref);
    if (url === undefined) throw new Error(`map#${map.ref} has an open cursor but no next_page_url: the model and the run fell out of step`);
    const exchange = real.noteExchange(await real.api.follow("ListSyncMapItem", url));
    expectStatus(exchange, 200, "the next page of ListSyncMapItem answers 200");
    const body = bodyOf(exchange);
    const records = pageRecords(exchange, body, "items");
    const { keys, more } = SyncModel.nextPageKeys(map, cursor);
    expectEqual(
      exchange,
      `keys on the page after ${JSON.stringify(cursor.after)} (map#${map.ref}, Order=${cursor.order}, PageSize=${cursor.pageSize})`,
      keysOf(records),
      keys,
      "the keys after the last one shown that exist now: page tokens carry the last key, not an offset (facts §4)",
    );
    expectListedItems(real, exchange, map, records);
    advanceCursor(real, exchange, body, map, cursor, keys, more);
  }
}

// ---- generation ----------------------------------------------------------------------

const pick = fc.nat({ max: 7 });
const mapAlias = fc.constantFrom<TtlAlias>("CollectionTtl", "Ttl", "both");
const itemAlias = fc.constantFrom<ItemTtlAlias>("ItemTtl", "Ttl", "both");
const key = fc.constantFrom(...KEY_POOL);
/** Mostly a key the map holds (reads and writes land), else any pool key (404s, and creates). */
const keyChoice: fc.Arbitrary<KeyChoice> = fc.oneof({ weight: 2, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: key });
const data = fc.nat({ max: DATA_POOL.length - 1 });
const order = fc.constantFrom<"asc" | "desc">("asc", "desc");
/** CollectionTtl on item writes: now and then, so the map's expiry moves under item writes. */
const collectionTtl: fc.Arbitrary<TtlChoice> = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: ttlChoiceArbitrary() });
/** Mostly none, so writes land; current and stale often enough to matter. */
const ifMatch = fc.oneof({ weight: 3, arbitrary: fc.constant<IfMatchChoice>("none") }, { weight: 2, arbitrary: fc.constant<IfMatchChoice>("current") }, { weight: 2, arbitrary: fc.constant<IfMatchChoice>("stale") });

/** Each arbitrary as many times as its weight: fast-check picks among the list evenly. */
export function weighted(entries: ReadonlyArray<readonly [number, fc.Arbitrary<SyncCommand>]>): Array<fc.Arbitrary<SyncCommand>> {
  return entries.flatMap(([weight, arbitrary]) => Array.from({ length: weight }, () => arbitrary));
}

/**
 * The map commands item and permission sequences need: create, fetch (holds what
 * CollectionTtl did to the map), delete. Sequences start from map n0 (the preamble);
 * with reuseName, new maps take the name n0 or none, so a deleted map's name is often
 * taken again (maps.ts covers more names). Creates and deletes stay rare, or most of
 * a history would address dead maps.
 */
export function mapLifecycleArbitraries(options: { readonly reuseName: boolean }): Array<readonly [number, fc.Arbitrary<SyncCommand>]> {
  const name = options.reuseName ? fc.option(fc.constant(0), { nil: null, freq: 4 }) : fc.constant(null);
  return [
    [1, fc.record({ name, ttl: ttlChoiceArbitrary(), alias: mapAlias }).map((args) => new CreateMap(args))],
    [1, fc.record({ choice: pick, byName: fc.boolean() }).map((args) => new FetchMap(args))],
    [1, fc.record({ choice: pick, byName: fc.boolean() }).map((args) => new DeleteMap(args))],
  ];
}

/** Every sequence starts with a map named n0: item and permission commands need one to bite. */
export function mapPreamble(): SyncCommand[] {
  return [new CreateMap({ name: 0, ttl: undefined, alias: "CollectionTtl" })];
}

/**
 * Item sequences start from map n0 holding "b" and "d": a cursor can open at once, and
 * a new key can land before, between or after them. Three lines of every script.
 */
export function itemPreamble(): SyncCommand[] {
  const item = { choice: 0, byName: false, ttl: undefined, alias: "ItemTtl", collectionTtl: undefined } as const;
  return [...mapPreamble(), new CreateItem({ ...item, key: "b", data: 0 }), new CreateItem({ ...item, key: "d", data: 1 })];
}

export function itemCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const create = fc.record({ choice: pick, byName: fc.boolean(), key, data, ttl: ttlChoiceArbitrary(), alias: itemAlias, collectionTtl }).map((args) => new CreateItem(args));
  const update = fc
    .record({ choice: pick, byName: fc.boolean(), key: keyChoice, data: fc.option(data, { nil: null, freq: 3 }), ttl: ttlChoiceArbitrary(), alias: itemAlias, collectionTtl, ifMatch, stale: fc.nat({ max: 7 }) })
    // An update with nothing at all in it is not documented either way (facts §3, 54010).
    .filter((args) => args.data !== null || args.ttl !== undefined || args.collectionTtl !== undefined)
    .map((args) => new UpdateItem(args));
  const bounds = fc.constantFrom<"inclusive" | "exclusive">("inclusive", "exclusive");
  // Writes make the histories; NextItemPage only runs while a cursor is open.
  return weighted([
    ...mapLifecycleArbitraries({ reuseName: true }),
    [6, create],
    [2, fc.record({ choice: pick, byName: fc.boolean(), key: keyChoice }).map((args) => new FetchItem(args))],
    [4, update],
    [3, fc.record({ choice: pick, byName: fc.boolean(), key: keyChoice, ifMatch, stale: fc.nat({ max: 7 }) }).map((args) => new DeleteItem(args))],
    // From only ascending: where From starts a descending list is inferred, a SHOULD (ITEM-LIST-FROM-DESC).
    [2, fc.record({ choice: pick, byName: fc.boolean(), order, from: fc.option(key, { nil: null }), bounds, pageSize: fc.integer({ min: 1, max: 4 }) }).map((args) => new ListItems(args.order === "asc" ? args : { ...args, from: null }))],
    [3, fc.record({ choice: pick, byName: fc.boolean(), order, pageSize: fc.integer({ min: 1, max: 2 }) }).map((args) => new OpenItemPage(args))],
    [4, fc.record({ cursor: fc.nat({ max: 3 }) }).map((args) => new NextItemPage(args))],
  ]);
}

/**
 * Keys with a space and the characters that mean something in a URL (ASCII, so their
 * order is documented, facts C10): they travel percent-encoded in every item path.
 */
export const VALUE_KEY_POOL = ["a b", "a/b", "a?b#c", "100%", "a+b&c=d", "x"] as const;

/**
 * The values themselves: reserved-character keys, generated JSON objects up to 2 KiB
 * (spec arbitraries: unicode text, numbers every parser keeps) and now and then data
 * over the 16 KiB limit, which must be refused and change nothing.
 */
export function itemValueCommandArbitraries(): Array<fc.Arbitrary<SyncCommand>> {
  const valueKey = fc.constantFrom(...VALUE_KEY_POOL);
  const valueKeyChoice: fc.Arbitrary<KeyChoice> = fc.oneof({ weight: 2, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: valueKey });
  const generated: fc.Arbitrary<Exclude<DataChoice, "oversize">> = fc.oneof({ weight: 3, arbitrary: jsonDataArbitrary({ maxBytes: 2048 }) }, { weight: 1, arbitrary: fc.nat({ max: DATA_POOL.length - 1 }) });
  const createData: fc.Arbitrary<DataChoice> = fc.oneof({ weight: 6, arbitrary: generated }, { weight: 1, arbitrary: fc.constant<DataChoice>("oversize") });
  const none = fc.constant(undefined);
  const create = fc.record({ choice: fc.constant(0), byName: fc.boolean(), key: valueKey, data: createData, ttl: none, alias: itemAlias, collectionTtl: none }).map((args) => new CreateItem(args));
  const update = fc
    .record({ choice: fc.constant(0), byName: fc.boolean(), key: valueKeyChoice, data: generated, ttl: none, alias: itemAlias, collectionTtl: none, ifMatch, stale: fc.nat({ max: 7 }) })
    .map((args) => new UpdateItem(args));
  return weighted([
    [4, create],
    [3, update],
    [3, fc.record({ choice: fc.constant(0), byName: fc.boolean(), key: valueKeyChoice }).map((args) => new FetchItem(args))],
    [2, fc.record({ choice: fc.constant(0), byName: fc.boolean(), key: valueKeyChoice, ifMatch: fc.constant<IfMatchChoice>("none"), stale: fc.constant(0) }).map((args) => new DeleteItem(args))],
    [2, fc.record({ choice: fc.constant(0), byName: fc.boolean(), order, from: fc.constant(null), bounds: fc.constant<"inclusive" | "exclusive">("inclusive"), pageSize: fc.integer({ min: 1, max: 4 }) }).map((args) => new ListItems(args))],
  ]);
}
