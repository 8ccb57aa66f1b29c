import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext, Json } from "../../src/behaviours/context.ts";
import { pagingMetaIsComplete, propertyHolds, valueIsDocumented } from "../../src/checks/index.ts";
import { pageUrlsCarryFilters } from "../../src/checks/pagingFilters.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import type { Query } from "../../src/http/syncApi.ts";
import { listedKeys, seedKeys, showKeys, walkItems } from "./support.ts";
import { LAST_PAGE_DOCUMENTED } from "../shared/walk.ts";

/**
 * ASCII lower-case letters and digits only (facts C10: collation beyond that is not
 * specified), created out of order; prefixes and digit runs tell lexicographic order
 * from natural or creation order.
 */
const ORDER_KEYS = ["delta", "alpha", "echo10", "charlie", "a", "echo2", "bravo", "ab", "echo1", "0zero"] as const;
const ORDER_ASC = [...ORDER_KEYS].sort();
/** For From/Bounds: the key named by From exists, with keys on both sides. */
const RANGE_KEYS = ["fig", "cherry", "apple", "elder", "banana", "date"] as const;
const RANGE_ASC = [...RANGE_KEYS].sort();
const FROM = "cherry";
/**
 * Filters the paging URLs must repeat. The ascending case leaves 5 of RANGE_KEYS, so a
 * page of 2 must lead on; the descending one relies on the inferred reading of From
 * (ITEM-LIST-FROM-DESC), so its next page is followed only when there is one.
 */
const FILTER_CASES: ReadonlyArray<{ readonly filters: Readonly<Record<string, string>>; readonly mustPage: boolean }> = [
  { filters: { Order: "asc", From: "banana", Bounds: "inclusive" }, mustPage: true },
  { filters: { Order: "desc", From: "fig", Bounds: "exclusive" }, mustPage: false },
];

function expectKeys(t: BehaviourContext, listed: { keys: string[]; exchange: Exchange }, expected: readonly string[], what: string, documented: string): void {
  t.check(propertyHolds, { holds: showKeys(listed.keys) === showKeys(expected), received: `${what}: ${showKeys(listed.keys)}`, documented: `${documented}: ${showKeys(expected)}` }, listed.exchange);
}

function metaOf(body: Json): Json {
  return (body.meta ?? {}) as Json;
}

export default [
  behaviour("ITEM-LIST-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    const empty = await t.api.listItems(sid);
    t.expectStatus(empty, 200, "ListSyncMapItem answers 200 for a map without items");
    t.schema(empty);
    const emptyItems = t.json(empty).items;
    t.check(propertyHolds, { holds: Array.isArray(emptyItems) && emptyItems.length === 0, received: `items = ${JSON.stringify(emptyItems)}`, documented: "a new map lists no items" }, empty);
    await seedKeys(t, sid, ["one", "two"]);
    const listed = await t.api.listItems(sid, { PageSize: 5 });
    t.expectStatus(listed, 200, "ListSyncMapItem answers 200");
    t.schema(listed);
  }),

  behaviour("ITEM-LIST-ORDER-ASC", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ORDER_KEYS);
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100 }), ORDER_ASC, "keys without Order", "ascending lexicographic key order by default");
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, Order: "asc" }), ORDER_ASC, "keys with Order=asc", "ascending lexicographic key order");
  }),

  behaviour("ITEM-LIST-ORDER-DESC", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ORDER_KEYS);
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, Order: "desc" }), [...ORDER_ASC].reverse(), "keys with Order=desc", "descending lexicographic key order");
  }),

  behaviour("ITEM-LIST-FROM-INCLUSIVE", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    const expected = RANGE_ASC.filter((key) => key >= FROM);
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, From: FROM }), expected, `keys with From=${FROM}`, "From is the first key read (Bounds defaults to inclusive)");
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, From: FROM, Bounds: "inclusive" }), expected, `keys with From=${FROM}&Bounds=inclusive`, "From is the first key read");
  }),

  behaviour("ITEM-LIST-FROM-EXCLUSIVE", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    const expected = RANGE_ASC.filter((key) => key > FROM);
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, From: FROM, Bounds: "exclusive" }), expected, `keys with From=${FROM}&Bounds=exclusive`, "Bounds=exclusive starts with the key after From");
  }),

  behaviour("ITEM-LIST-FROM-DESC", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    const below = [...RANGE_ASC].reverse();
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, Order: "desc", From: FROM }), below.filter((key) => key <= FROM), `keys with Order=desc&From=${FROM}`, "descending from From, From included");
    expectKeys(t, await listedKeys(t, sid, { PageSize: 100, Order: "desc", From: FROM, Bounds: "exclusive" }), below.filter((key) => key < FROM), `keys with Order=desc&From=${FROM}&Bounds=exclusive`, "descending from the key below From");
  }),

  behaviour("ITEM-LIST-PAGE-SIZE", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ["p1", "p2", "p3", "p4", "p5"]);
    const byDefault = await t.api.listItems(sid);
    t.expectStatus(byDefault, 200, "ListSyncMapItem answers 200");
    t.check(valueIsDocumented, { subject: "meta.page_size without PageSize", actual: metaOf(t.json(byDefault)).page_size, expected: 50, documented: "the default page size is 50" }, byDefault);
    for (const pageSize of [1, 2, 100]) {
      const listed = await t.api.listItems(sid, { PageSize: pageSize });
      t.expectStatus(listed, 200, `ListSyncMapItem with PageSize=${pageSize} answers 200`);
      const body = t.json(listed);
      const count = Array.isArray(body.items) ? body.items.length : -1;
      t.check(valueIsDocumented, { subject: `meta.page_size with PageSize=${pageSize}`, actual: metaOf(body).page_size, expected: pageSize, documented: "the page size asked for (1..100 in every reading)" }, listed);
      const expected = Math.min(pageSize, 5);
      t.check(propertyHolds, { holds: count === expected, received: `${count} items with PageSize=${pageSize} in a map of 5`, documented: `${expected} items: a page is full while more items exist, and holds at most PageSize` }, listed);
    }
  }),

  behaviour("ITEM-LIST-META", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ["m1", "m2", "m3"]);
    const first = await t.api.listItems(sid, { PageSize: 2 });
    t.expectStatus(first, 200, "ListSyncMapItem answers 200");
    const firstBody = t.json(first);
    t.check(pagingMetaIsComplete, { body: firstBody, key: "items", expectedPageSize: 2, expectedPage: 0, firstPage: true }, first);
    const next = metaOf(firstBody).next_page_url;
    t.check(propertyHolds, { holds: typeof next === "string" && next.length > 0, received: `next_page_url = ${JSON.stringify(next)} with PageSize=2 and 3 items`, documented: "next_page_url leads on while more items exist" }, first);
    if (typeof next !== "string" || next.length === 0) return;
    const second = await t.api.follow("ListSyncMapItem", next);
    t.expectStatus(second, 200, "the next page answers 200");
    const secondBody = t.json(second);
    t.check(pagingMetaIsComplete, { body: secondBody, key: "items", expectedPageSize: 2, expectedPage: 1, firstPage: false }, second);
    const end = metaOf(secondBody).next_page_url;
    t.check(propertyHolds, { holds: end === null || end === "", received: `next_page_url on the last page = ${JSON.stringify(end)}`, documented: LAST_PAGE_DOCUMENTED }, second);
  }),

  behaviour("ITEM-LIST-META-FILTERS", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    for (const { filters } of FILTER_CASES) {
      const first = await t.api.listItems(sid, { ...filters, PageSize: 2 });
      t.expectStatus(first, 200, "ListSyncMapItem answers 200");
      t.check(pageUrlsCarryFilters, { meta: metaOf(t.json(first)), filters, fields: ["url", "first_page_url"] }, first);
    }
  }),

  behaviour("ITEM-LIST-NEXT-FILTERS", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    for (const { filters, mustPage } of FILTER_CASES) {
      const first = await t.api.listItems(sid, { ...filters, PageSize: 2 });
      t.expectStatus(first, 200, "ListSyncMapItem answers 200");
      const meta = metaOf(t.json(first));
      const next = meta.next_page_url;
      const leadsOn = typeof next === "string" && next.length > 0;
      if (mustPage) {
        t.check(propertyHolds, { holds: leadsOn, received: `next_page_url = ${JSON.stringify(next)} with PageSize=2 and 5 matching items`, documented: "next_page_url leads on while more items exist" }, first);
      }
      if (typeof next !== "string" || !leadsOn) continue;
      t.check(pageUrlsCarryFilters, { meta, filters, fields: ["next_page_url"] }, first);
      const second = await t.api.follow("ListSyncMapItem", next);
      t.expectStatus(second, 200, "the next page answers 200");
      t.check(pageUrlsCarryFilters, { meta: metaOf(t.json(second)), filters, fields: ["url", "first_page_url"] }, second);
    }
  }),

  behaviour("ITEM-LIST-WALK", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ORDER_KEYS);
    const walks: ReadonlyArray<readonly [Query, readonly string[], string]> = [
      [{ PageSize: 3 }, ORDER_ASC, "every key once, ascending"],
      [{ PageSize: 4, Order: "desc" }, [...ORDER_ASC].reverse(), "every key once, descending"],
      [{ PageSize: 2, From: "bravo", Bounds: "exclusive" }, ORDER_ASC.filter((key) => key > "bravo"), "every key after From once, ascending"],
    ];
    for (const [query, expected, documented] of walks) {
      const walk = await walkItems(t, sid, query);
      const what = `keys over ${walk.pages} pages of ${JSON.stringify(query)}`;
      t.check(propertyHolds, { holds: showKeys(walk.keys) === showKeys(expected), received: `${what}: ${showKeys(walk.keys)}`, documented: `${documented}: ${showKeys(expected)}` }, walk.last);
      t.check(propertyHolds, { holds: walk.ended, received: `${what}: the walk stopped without an end`, documented: LAST_PAGE_DOCUMENTED }, walk.last);
    }
  }),
];
