// Following next_page_url from a first page, as list behaviours judge it: every page
// answers 200 with a JSON object, and the value that ended the list is recorded as a
// reading (docs/behaviour-reference.md#c9-next_page_url-on-the-last-page).
import type { BehaviourContext, Json } from "../../src/behaviours/context.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { followPages } from "../../src/http/pages.ts";

export interface PageWalk {
  readonly records: Json[];
  readonly pages: number;
  /** The last page ended the walk: next_page_url null, or "" as an older sample shows. */
  readonly ended: boolean;
  readonly first: Exchange;
  readonly last: Exchange;
}

export const LAST_PAGE_TOPIC = "next_page_url on the last page";

/** Every page must answer 200; a target that keeps linking on is stopped after maxPages. */
export async function walkPages(
  t: BehaviourContext,
  first: Exchange,
  operationId: string,
  recordsKey: string,
  maxPages: number,
): Promise<PageWalk> {
  const walk = await followPages(t.api, first, { operationId, recordsKey, maxPages });
  const documented = `every page of ${operationId} answers 200`;
  for (const page of walk.pages) t.expectStatus(page.exchange, 200, documented);
  // A 200 page that is not a JSON object stops the behaviour here, with that failure.
  t.json(walk.last);
  const { ended, last } = walk;
  if (ended) t.reading(LAST_PAGE_TOPIC, walk.lastPageValue === null ? "null" : '"" (empty string)');
  return { records: [...walk.records], pages: walk.pages.length, ended, first, last };
}

export const LAST_PAGE_DOCUMENTED =
  'the last page has next_page_url null (or "", an older documented sample)';
