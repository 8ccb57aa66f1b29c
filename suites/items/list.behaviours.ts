import { behaviour } from "../../src/behaviours/define.ts";
import { fieldOf } from "../../src/behaviours/answer.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { pageUrlsCarryFilters } from "../../src/checks/pagingFilters.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import type { Query } from "../../src/http/syncApi.ts";
import { DEFAULT_PAGE_SIZE } from "../../src/spec/documented.ts";
import { walkEnded } from "../common/helpers.ts";
import { LAST_PAGE_DOCUMENTED } from "../common/walk.ts";
import { listedKeys, seedKeys, walkItems } from "./support.ts";

/**
 * ASCII lower-case letters and digits only (collation beyond that is not specified:
 * docs/behaviour-reference.md#c10-item-order), created out of order; prefixes and
 * digit runs tell lexicographic order from natural or creation order.
 */
const ORDER_KEYS = [
  "delta",
  "alpha",
  "echo10",
  "charlie",
  "a",
  "echo2",
  "bravo",
  "ab",
  "echo1",
  "0zero",
];
const ORDER_ASC = [...ORDER_KEYS].sort();
/** For From/Bounds: the key named by From exists, with keys on both sides. */
const RANGE_KEYS = ["fig", "cherry", "apple", "elder", "banana", "date"];
const RANGE_ASC = [...RANGE_KEYS].sort();
const FROM = "cherry";
/**
 * Filters the paging URLs must repeat. The ascending case leaves 5 of RANGE_KEYS, so a
 * page of 2 must lead on; the descending one relies on the inferred reading of From
 * (ITEM-LIST-FROM-DESC), so its next page is followed only when there is one.
 */
const FILTER_CASES: ReadonlyArray<{
  readonly filters: Readonly<Record<string, string>>;
  readonly mustPage: boolean;
}> = [
  { filters: { Order: "asc", From: "banana", Bounds: "inclusive" }, mustPage: true },
  { filters: { Order: "desc", From: "fig", Bounds: "exclusive" }, mustPage: false },
];
const LEADS_ON = "next_page_url leads on while more items exist";

/** The keys listed in this order, exactly; `what` names the listing in the failure. */
function expectKeys(
  t: BehaviourContext,
  on: Exchange,
  listed: readonly string[],
  expected: readonly string[],
  what: string,
  documented: string,
): void {
  const [got, want] = [JSON.stringify(listed), JSON.stringify(expected)];
  t.holds(on, got === want, `${what}: ${got}`, `${documented}: ${want}`);
}

/** One page of keys for a query over the seeded map, judged against `expected`. */
async function expectPage(
  t: BehaviourContext,
  map: string,
  query: Query,
  expected: readonly string[],
  documented: string,
): Promise<void> {
  const page = await listedKeys(t, map, { PageSize: 100, ...query });
  const filters = new URLSearchParams(query as Record<string, string>).toString();
  const what = filters === "" ? "keys without Order" : `keys with ${filters}`;
  expectKeys(t, page.exchange, page.keys, expected, what, documented);
}

export default [
  behaviour("ITEM-LIST-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    const empty = t.expectAnswer(await t.api.listItems(sid), 200);
    t.schema(empty);
    t.listsNothing(empty, "a new map lists no items");
    await seedKeys(t, sid, ["one", "two"]);
    t.schema(t.expectAnswer(await t.api.listItems(sid, { PageSize: 5 }), 200));
  }),

  behaviour("ITEM-LIST-ORDER-ASC", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ORDER_KEYS);
    await expectPage(t, sid, {}, ORDER_ASC, "ascending lexicographic key order by default");
    await expectPage(t, sid, { Order: "asc" }, ORDER_ASC, "ascending lexicographic key order");
  }),

  behaviour("ITEM-LIST-ORDER-DESC", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ORDER_KEYS);
    const descending = [...ORDER_ASC].reverse();
    await expectPage(t, sid, { Order: "desc" }, descending, "descending lexicographic key order");
  }),

  behaviour("ITEM-LIST-FROM-INCLUSIVE", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    const expected = RANGE_ASC.filter((key) => key >= FROM);
    const first = "From is the first key read";
    await expectPage(t, sid, { From: FROM }, expected, `${first} (Bounds defaults to inclusive)`);
    await expectPage(t, sid, { From: FROM, Bounds: "inclusive" }, expected, first);
  }),

  behaviour("ITEM-LIST-FROM-EXCLUSIVE", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    const expected = RANGE_ASC.filter((key) => key > FROM);
    const after = "Bounds=exclusive starts with the key after From";
    await expectPage(t, sid, { From: FROM, Bounds: "exclusive" }, expected, after);
  }),

  behaviour("ITEM-LIST-FROM-DESC", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    const below = [...RANGE_ASC].reverse();
    const query = { Order: "desc", From: FROM };
    const included = below.filter((key) => key <= FROM);
    await expectPage(t, sid, query, included, "descending from From, From included");
    const excluded = below.filter((key) => key < FROM);
    const exclusive = { ...query, Bounds: "exclusive" };
    await expectPage(t, sid, exclusive, excluded, "descending from the key below From");
  }),

  behaviour("ITEM-LIST-PAGE-SIZE", async (t) => {
    const { sid } = await t.createMap();
    const seeded = ["p1", "p2", "p3", "p4", "p5"];
    await seedKeys(t, sid, seeded);
    const byDefault = t.expectAnswer(await t.api.listItems(sid), 200);
    t.pageSize(byDefault, DEFAULT_PAGE_SIZE);
    for (const pageSize of [1, 2, 100]) {
      const listed = t.expectAnswer(await t.api.listItems(sid, { PageSize: pageSize }), 200);
      const items = listed.body.items;
      const count = Array.isArray(items) ? items.length : -1;
      t.pageSize(listed, pageSize);
      const expected = Math.min(pageSize, seeded.length);
      const received = `${count} items with PageSize=${pageSize} in a map of ${seeded.length}`;
      const full = `${expected} items: a page is full while more exist, and holds at most PageSize`;
      t.holds(listed, count === expected, received, full);
    }
  }),

  behaviour("ITEM-LIST-META", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ["m1", "m2", "m3"]);
    const first = t.expectAnswer(await t.api.listItems(sid, { PageSize: 2 }), 200);
    t.pageMeta(first, 0, 2);
    const next = t.nextPage(first, `${LEADS_ON} (3 of them)`);
    if (next === undefined) return;
    const second = t.expectAnswer(await t.api.follow("ListSyncMapItem", next), 200);
    t.pageMeta(second, 1, 2);
    const end = fieldOf(second, "meta.next_page_url");
    const received = `next_page_url on the last page = ${JSON.stringify(end)}`;
    t.holds(second, end === null || end === "", received, LAST_PAGE_DOCUMENTED);
  }),

  behaviour("ITEM-LIST-META-FILTERS", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    for (const { filters } of FILTER_CASES) {
      const first = t.expectAnswer(await t.api.listItems(sid, { ...filters, PageSize: 2 }), 200);
      const meta = first.body.meta;
      t.check(pageUrlsCarryFilters, { meta, filters, fields: ["url", "first_page_url"] }, first);
    }
  }),

  behaviour("ITEM-LIST-NEXT-FILTERS", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, RANGE_KEYS);
    for (const { filters, mustPage } of FILTER_CASES) {
      const first = t.expectAnswer(await t.api.listItems(sid, { ...filters, PageSize: 2 }), 200);
      const meta = first.body.meta as { next_page_url?: unknown } | undefined;
      const next = meta?.next_page_url;
      if (mustPage) t.nextPage(first, `${LEADS_ON} (5 match the filters)`);
      if (typeof next !== "string" || next.length === 0) continue;
      t.check(pageUrlsCarryFilters, { meta, filters, fields: ["next_page_url"] }, first);
      const second = t.expectAnswer(await t.api.follow("ListSyncMapItem", next), 200);
      const fields = ["url", "first_page_url"];
      t.check(pageUrlsCarryFilters, { meta: second.body.meta, filters, fields }, second);
    }
  }),

  behaviour("ITEM-LIST-WALK", async (t) => {
    const { sid } = await t.createMap();
    await seedKeys(t, sid, ORDER_KEYS);
    const after = ORDER_ASC.filter((key) => key > "bravo");
    const walks: ReadonlyArray<readonly [Query, readonly string[], string]> = [
      [{ PageSize: 3 }, ORDER_ASC, "every key once, ascending"],
      [{ PageSize: 4, Order: "desc" }, [...ORDER_ASC].reverse(), "every key once, descending"],
      [
        { PageSize: 2, From: "bravo", Bounds: "exclusive" },
        after,
        "every key after From once, ascending",
      ],
    ];
    for (const [query, expected, documented] of walks) {
      const walk = await walkItems(t, sid, query);
      const what = `keys over ${walk.pages} pages of ${JSON.stringify(query)}`;
      expectKeys(t, walk.last, walk.keys, expected, what, documented);
      walkEnded(t, walk, what);
    }
  }),
];
