// Following meta.next_page_url from a first page: the one walk that list behaviours,
// model commands and the sweep share. Pure I/O: it judges nothing, it stops where it
// cannot go on and says why, and every caller asserts what it needs on what it got.
import { parseJsonBody, type Exchange } from "./exchange.ts";
import type { SyncMapApi } from "./syncApi.ts";

export type PageRecord = Record<string, unknown>;

/** One page as read: its exchange, its JSON object body, its records, its link on. */
export interface WalkedPage {
  readonly exchange: Exchange;
  /** Undefined when the answer is not 200 with a JSON object body. */
  readonly body: PageRecord | undefined;
  /** The objects under the records key; undefined when the body holds no such array. */
  readonly records: readonly PageRecord[] | undefined;
  /** meta.next_page_url as the page gave it (undefined when there is no meta or no field). */
  readonly nextPageUrl: unknown;
}

/**
 * Why the walk stopped. `null` and `empty-string` end the list (the OAS says null,
 * an older documented sample ""; docs/behaviour-reference.md#c9-next_page_url-on-the-last-page);
 * every other reason means the list was not seen to its end.
 */
export type WalkStop = "null" | "empty-string" | "no-next-url" | "page-cap" | "not-ok" | "not-json";

export interface PageWalk {
  /** Every page read, the first one included, in order. */
  readonly pages: readonly WalkedPage[];
  /** Every record of every page, in order. */
  readonly records: readonly PageRecord[];
  readonly stop: WalkStop;
  /** The last page read ended the list: next_page_url null or "". */
  readonly ended: boolean;
  /** next_page_url on the last page read: the value a reading of the last page records. */
  readonly lastPageValue: unknown;
  readonly first: Exchange;
  readonly last: Exchange;
}

export interface PageWalkOptions {
  /** The list operation, so every followed exchange names it. */
  readonly operationId: string;
  /** Where a page holds its records: "maps", "items" or "permissions". */
  readonly recordsKey: string;
  /** A walk that has not ended after this many pages (the first one included) stops. */
  readonly maxPages: number;
  /** Sees every followed exchange as it arrives (a model notes what its run saw). */
  readonly onFollow?: (exchange: Exchange) => Exchange;
}

export async function followPages(
  api: Pick<SyncMapApi, "follow">,
  first: Exchange,
  options: PageWalkOptions,
): Promise<PageWalk> {
  const pages: WalkedPage[] = [];
  const records: PageRecord[] = [];
  let exchange = first;
  for (;;) {
    const page = readPage(exchange, options.recordsKey);
    pages.push(page);
    records.push(...(page.records ?? []));
    const stop = stopAt(page, pages.length, options.maxPages);
    if (stop !== undefined) {
      const ended = stop === "null" || stop === "empty-string";
      const lastPageValue = page.nextPageUrl;
      return { pages, records, stop, ended, lastPageValue, first, last: exchange };
    }
    const followed = await api.follow(options.operationId, page.nextPageUrl as string);
    exchange = options.onFollow === undefined ? followed : options.onFollow(followed);
  }
}

function stopAt(page: WalkedPage, read: number, maxPages: number): WalkStop | undefined {
  if (page.exchange.response?.status !== 200) return "not-ok";
  if (page.body === undefined) return "not-json";
  if (page.nextPageUrl === null) return "null";
  if (page.nextPageUrl === "") return "empty-string";
  if (typeof page.nextPageUrl !== "string") return "no-next-url";
  if (read >= maxPages) return "page-cap";
  return undefined;
}

function readPage(exchange: Exchange, recordsKey: string): WalkedPage {
  const body = exchange.response?.status === 200 ? objectBody(exchange) : undefined;
  const listed = body?.[recordsKey];
  const records = Array.isArray(listed) ? (listed as unknown[]).filter(isRecord) : undefined;
  const meta = body?.meta;
  const nextPageUrl = isRecord(meta) ? meta.next_page_url : undefined;
  return { exchange, body, records, nextPageUrl };
}

function objectBody(exchange: Exchange): PageRecord | undefined {
  const parsed = parseJsonBody(exchange);
  return parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
}

function isRecord(value: unknown): value is PageRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
