// Values the documents fix for every resource, named once.
export const TTL_MAX = 31_536_000;
/** Not-found codes any documented reading allows (facts C5). */
export const NOT_FOUND_CODES = [20404, 54200, 54201, 54300] as const;
export const MAP_NOT_FOUND_CODES = [20404, 54200, 54300] as const;
export const SID_HEX = "0123456789abcdef";

/** A syntactically valid map sid that no target has handed out (random tail). */
export function unknownMapSid(): string {
  let tail = "";
  for (let i = 0; i < 32; i += 1) tail += SID_HEX[Math.floor(Math.random() * 16)];
  return `MP${tail}`;
}

export function servicePath(serviceSid: string, bodyServiceSid: unknown): string {
  // "default" is an alias; resource URLs always carry the canonical IS… sid.
  const canonical = serviceSid.startsWith("IS") || typeof bodyServiceSid !== "string" ? serviceSid : bodyServiceSid;
  return `/v1/Services/${canonical}`;
}

/** Dates have whole seconds: waiting a little over two of them makes a later write distinguishable. */
export const DISTINGUISHABLE_DELAY_MS = 2_100;
/** The default page size of every Sync list (OAS PageSize: "The default is 50"). */
export const DEFAULT_PAGE_SIZE = 50;
/** The largest PageSize every reading accepts (100 today, 1000 before; facts C1). */
export const MAX_PAGE_SIZE_ALL_READINGS = 100;
