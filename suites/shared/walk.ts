// Following next_page_url from a first page: the one walk every list behaviour uses.
import type { BehaviourContext, Json } from "../../src/behaviours/context.ts";
import type { Exchange } from "../../src/http/exchange.ts";

export interface PageWalk {
  readonly records: Json[];
  readonly pages: number;
  /** The last page ended the walk: next_page_url null, or "" as an older sample shows (facts C9). */
  readonly ended: boolean;
  readonly first: Exchange;
  readonly last: Exchange;
}

export const LAST_PAGE_TOPIC = "next_page_url on the last page";

/** Every page must answer 200; a target that keeps linking on is stopped after maxPages. */
export async function walkPages(t: BehaviourContext, first: Exchange, operationId: string, recordsKey: string, maxPages: number): Promise<PageWalk> {
  const records: Json[] = [];
  let exchange = first;
  for (let pages = 1; ; pages += 1) {
    t.expectStatus(exchange, 200, `every page of ${operationId} answers 200`);
    const body = t.json(exchange);
    const onPage = body[recordsKey];
    if (Array.isArray(onPage)) for (const record of onPage as unknown[]) if (record !== null && typeof record === "object") records.push(record as Json);
    const next = (body.meta as Json | undefined)?.next_page_url;
    if (next === null || next === "") {
      t.reading(LAST_PAGE_TOPIC, next === null ? "null" : '"" (empty string)');
      return { records, pages, ended: true, first, last: exchange };
    }
    if (typeof next !== "string" || pages >= maxPages) return { records, pages, ended: false, first, last: exchange };
    exchange = await t.api.follow(operationId, next);
  }
}

export const LAST_PAGE_DOCUMENTED = 'the last page has next_page_url null (or "", an older documented sample)';
