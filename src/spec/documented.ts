// The one home of every value the documents fix: limits, error codes, defaults, and
// the readings accepted where documents disagree. Suites, the model, the checks and
// the spec loader import them from here; nothing else defines them.
// Each value cites docs/behaviour-reference.md (its anchors are named in REFERENCE).

/** Anchors of docs/behaviour-reference.md, the project's own account of the documents. */
export const REFERENCE = Object.freeze({
  file: "docs/behaviour-reference.md",
  endpoints: "#endpoints",
  responseProperties: "#response-properties",
  dates: "#dates",
  addressing: "#addressing",
  ttl: "#ttl-and-expiry",
  revisions: "#revisions-and-etag",
  ifMatch: "#if-match",
  data: "#item-data",
  cascade: "#cascade-on-delete",
  itemOrder: "#item-order",
  permissions: "#permissions",
  paging: "#paging",
  errors: "#errors",
  rateLimits: "#rate-limits",
  authentication: "#authentication",
  http: "#http-headers",
  conflicts: "#where-the-documents-disagree",
  pageSizeMaximum: "#c1-page-size-maximum",
  keyLength: "#c2-item-key-length",
  uniqueNameLength: "#c3-unique-name-length",
  sidLikeUniqueName: "#c4-unique-names-that-look-like-sids",
  notFoundCode: "#c5-not-found-code",
  preconditionCode: "#c6-precondition-failed-code",
  rateLimitCode: "#c7-rate-limit-code",
  etagScope: "#c8-which-answers-carry-an-etag",
  lastPageNextUrl: "#c9-next_page_url-on-the-last-page",
  itemOrderConflict: "#c10-item-order",
  dataType: "#c11-the-type-of-data",
  undocumented: "#not-documented",
});

/** A citation of one anchor, as catalogue sources, comments and reports write it. */
export function cite(anchor: string): string {
  return `${REFERENCE.file}${anchor}`;
}

/** Twilio error codes the documents name (https://www.twilio.com/docs/api/errors/<code>). */
export const CODE = Object.freeze({
  invalidParameter: 20001,
  authenticate: 20003,
  resourceNotFound: 20404,
  preconditionFailedGeneric: 20412,
  tooManyRequests: 20429,
  invalidIfMatch: 54003,
  dataTooLarge: 54006,
  dataNotJson: 54008,
  rateLimited: 54009,
  noParameters: 54010,
  ttlOutOfRange: 54011,
  mapNotFound: 54200,
  itemNotFound: 54201,
  preconditionFailed: 54205,
  dataMissing: 54206,
  duplicateKey: 54208,
  invalidKey: 54209,
  uniqueNameNotFound: 54300,
  duplicateUniqueName: 54301,
  invalidUniqueName: 54302,
});

/**
 * A missing map may answer any of these (#c5-not-found-code); 54300 when addressed by an unknown
 * unique_name.
 */
export const MAP_NOT_FOUND_CODES: readonly number[] = Object.freeze([
  CODE.resourceNotFound,
  CODE.mapNotFound,
  CODE.uniqueNameNotFound,
]);
/**
 * A missing item (or an item of a missing map) may answer any not-found code (#c5-not-found-code).
 */
export const NOT_FOUND_CODES: readonly number[] = Object.freeze([
  ...MAP_NOT_FOUND_CODES,
  CODE.itemNotFound,
]);
/** A stale If-Match: 54205 or 20412 (#c6-precondition-failed-code). */
export const PRECONDITION_FAILED_CODES: readonly number[] = Object.freeze([
  CODE.preconditionFailed,
  CODE.preconditionFailedGeneric,
]);
/** A throttled request: 54009 (per object) or 20429 (account concurrency) (#c7-rate-limit-code). */
export const RATE_LIMIT_CODES: readonly number[] = Object.freeze([
  CODE.rateLimited,
  CODE.tooManyRequests,
]);

/** Ttls are whole seconds from 0 (no expiry) to one year (54011). */
export const TTL_MIN = 0;
export const TTL_MAX = 31_536_000;

/** Every list pages 50 records by default. */
export const DEFAULT_PAGE_SIZE = 50;
/**
 * The PageSize maximum is 100 today and was 1000 before (#c1-page-size-maximum); 100 is safe under
 * both.
 */
export const PAGE_SIZE_MAX_READINGS: readonly number[] = Object.freeze([100, 1000]);
export const MAX_PAGE_SIZE_ALL_READINGS = 100;

/** Keys of 1..256 characters pass every reading; over 320 none (#c2-item-key-length). */
export const KEY_LENGTH_ACCEPTED = 256;
export const KEY_LENGTH_REFUSED_ABOVE = 320;
/** unique_name: the same two readings as keys (#c3-unique-name-length). */
export const UNIQUE_NAME_LENGTH_ACCEPTED = 256;
export const UNIQUE_NAME_LENGTH_REFUSED_ABOVE = 320;

/** Item data is at most 16 KiB of UTF-8 JSON; the exact boundary is not asserted. */
export const DATA_MAX_BYTES = 16_384;
/** Sizes on each side of the limit that every reading agrees about. */
export const DATA_WELL_UNDER_BYTES = 10 * 1024;
export const DATA_CLEARLY_OVER_BYTES = 20 * 1024;

/** Dates have whole seconds, so two writes are told apart only a second or more apart. */
export const DATE_RESOLUTION_MS = 1_000;
/** A little over two seconds: a later write's whole-second date surely differs. */
export const DISTINGUISHABLE_DELAY_MS = 2_100;

/** created_by of anything created over REST. */
export const CREATED_BY_REST = "system";

/** Per-object request limits (writes to items count against their map). */
export const PER_OBJECT_WRITES_PER_SECOND = 20;
export const PER_OBJECT_READS_PER_SECOND = 20;
export const BURST_WINDOW_SECONDS = 10;

/** The shape of a documented sid: two letters and 32 hex digits. */
export const SID_PATTERN = /^[A-Z]{2}[0-9a-fA-F]{32}$/;
/**
 * A unique_name matching this is refused (54302); only the lowercase form is asserted
 * (#c4-unique-names-that-look-like-sids).
 */
export const SID_LIKE_NAME_PATTERN = /^[A-Z]{2}[0-9a-f]{32}$/;

/**
 * The statuses of the error table (#errors): credentials 401, not found 404, duplicate
 * 409, stale If-Match 412, data too large 413 (or 400), rate limited 429, invalid
 * parameter 400. Documented for every operation, whatever an OpenAPI document lists.
 */
export const ERROR_TABLE_STATUSES: readonly number[] = Object.freeze([
  400, 401, 404, 409, 412, 413, 429,
]);
/** Codes the error table documents with "a 4xx": any client-error status is theirs (#errors). */
export const ANY_4XX_CODES: readonly number[] = Object.freeze([
  CODE.invalidKey,
  CODE.dataMissing,
  CODE.dataNotJson,
  CODE.dataTooLarge,
  CODE.ttlOutOfRange,
  CODE.noParameters,
  CODE.invalidIfMatch,
]);
/** docs/behaviour-reference.md#concurrent-requests: why the concurrent behaviours follow. */
export const CONCURRENCY_ANCHOR = "#concurrent-requests";
