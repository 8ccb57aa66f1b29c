// Harness helpers every area shares: made-up sids, the paths resource URLs carry, the
// end of a page walk. Documented values are not here: they live in src/spec/documented.ts.
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { LAST_PAGE_DOCUMENTED, type PageWalk } from "./walk.ts";

const SID_HEX = "0123456789abcdef";

function hexTail(digit: (index: number) => number): string {
  let tail = "";
  for (let i = 0; i < 32; i += 1) tail += SID_HEX[digit(i) % 16];
  return tail;
}

/** A syntactically valid map sid that no target has handed out (random tail). */
export function unknownMapSid(): string {
  return `MP${hexTail(() => Math.floor(Math.random() * 16))}`;
}

/** A name shaped like a map sid (lower-case hex), which a unique_name may not be. */
export function sidLikeName(): string {
  const now = Date.now();
  return `MP${hexTail((i) => i * 7 + now)}`;
}

/** The service part of a resource URL's path. */
export function servicePath(serviceSid: string, bodyServiceSid: unknown): string {
  // "default" is an alias; resource URLs always carry the canonical IS… sid.
  const canonical =
    serviceSid.startsWith("IS") || typeof bodyServiceSid !== "string" ? serviceSid : bodyServiceSid;
  return `/v1/Services/${canonical}`;
}

/** Where the documents disagree on a length: 201 follows the longer reading, a 4xx the shorter. */
export function lengthReading(status: number | undefined, longer: number, shorter: number): string {
  if (status === 201) return String(longer);
  if (status !== undefined && status >= 400 && status < 500) return String(shorter);
  return `unclear (${status ?? "no answer"})`;
}

/** The walk reached the last page (next_page_url null, or "" as an older sample shows). */
export function walkEnded(t: BehaviourContext, walk: PageWalk, what = "the walk"): boolean {
  const received = `${what} stopped after ${walk.pages} pages without an end`;
  return t.holds(walk.last, walk.ended, received, LAST_PAGE_DOCUMENTED);
}
