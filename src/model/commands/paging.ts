// Lists in sequences: a walk over every page through the shared walker, and the
// page-at-a-time cursors whose next_page_url the real side keeps (server values stay
// off the model). Pages end on next_page_url null or "" (both documented:
// docs/behaviour-reference.md#c9-next_page_url-on-the-last-page).
import type { Exchange } from "../../http/exchange.ts";
import { followPages } from "../../http/pages.ts";
import { REFERENCE, cite } from "../../spec/documented.ts";
import type { ModelCursor, ModelMap } from "../model.ts";
import type { RealSystem } from "../real.ts";
import { show } from "../../checks/failure.ts";
import { bodyOf, expectStatus, expectThat, type Json } from "./expect.ts";

export interface ListWalk {
  readonly records: readonly Json[];
  readonly last: Exchange;
  /** The walk stopped at maxPages with the list still leading on. */
  readonly capped: boolean;
}

export interface ListWalkOptions {
  readonly operationId: string;
  readonly recordsKey: "maps" | "items" | "permissions";
  readonly maxPages: number;
  /**
   * Whether a list still leading on at maxPages is a failure: yes where the sequence
   * knows the list is short (its own map's items), no where foreign data may be long.
   */
  readonly endsBeforeCap: boolean;
}

/** Every page answers 200 with its records under the key; the walk must end. */
export async function walkList(
  real: RealSystem,
  first: Exchange,
  options: ListWalkOptions,
): Promise<ListWalk> {
  const onFollow = (exchange: Exchange): Exchange => real.noteExchange(exchange);
  const walk = await followPages(real.api, first, { ...options, onFollow });
  for (const page of walk.pages) {
    expectStatus(page.exchange, 200, `every page of ${options.operationId} answers 200`);
    pageRecords(page.exchange, bodyOf(page.exchange), options.recordsKey);
  }
  if (options.endsBeforeCap && walk.stop === "page-cap") {
    const received = `${options.operationId} still led on after ${options.maxPages} pages`;
    expectThat(
      walk.last,
      false,
      received,
      `next_page_url is null (or "") on the last page: ${cite(REFERENCE.lastPageNextUrl)}`,
    );
  }
  return { records: walk.records, last: walk.last, capped: walk.stop === "page-cap" };
}

/** The records of one page under its list key, or a mismatch when there is no such array. */
export function pageRecords(exchange: Exchange, body: Json, key: string): Json[] {
  const records = body[key];
  expectThat(
    exchange,
    Array.isArray(records),
    `${key} = ${show(records)}`,
    `a page lists its records under "${key}"`,
  );
  return (records as unknown[]).filter(
    (record): record is Json =>
      record !== null && typeof record === "object" && !Array.isArray(record),
  );
}

export function keysOf(records: readonly Json[]): unknown[] {
  return records.map((record) => record.key);
}

function nextPageUrl(body: Json): string | undefined {
  const next = (body.meta as Json | undefined)?.next_page_url;
  return typeof next === "string" && next !== "" ? next : undefined;
}

/** The next_page_url each open cursor (by map ref) was handed, per sequence. */
const nextUrls = new WeakMap<RealSystem, Map<number, string>>();

export function cursorUrls(real: RealSystem): Map<number, string> {
  let urls = nextUrls.get(real);
  if (urls === undefined) {
    urls = new Map();
    nextUrls.set(real, urls);
  }
  return urls;
}

/** After a page: the cursor moves past its last key while more is to come, else it closes. */
export function advanceCursor(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
  cursor: Omit<ModelCursor, "after">,
  page: { readonly keys: readonly string[]; readonly more: boolean },
): void {
  const next = nextPageUrl(body);
  const last = page.keys.at(-1);
  if (!page.more || last === undefined) {
    map.cursor = undefined;
    cursorUrls(real).delete(map.ref);
    return;
  }
  const shown = show((body.meta as Json | undefined)?.next_page_url);
  const shownKeys = `${page.keys.length} keys shown and more after ${JSON.stringify(last)}`;
  const received = `next_page_url = ${shown} with ${shownKeys}`;
  expectThat(
    exchange,
    next !== undefined,
    received,
    "next_page_url leads on while more items exist",
  );
  map.cursor = { ...cursor, after: last };
  cursorUrls(real).set(map.ref, next as string);
}
