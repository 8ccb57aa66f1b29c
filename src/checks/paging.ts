import { defineCheck, show, type Failure } from "./failure.ts";

export interface PagingMetaInput {
  readonly body: unknown;
  /** "maps" | "items" | "permissions". */
  readonly key: string;
  readonly expectedPageSize: number;
  readonly expectedPage: number;
  readonly firstPage: boolean;
}

const URL_FIELDS = ["first_page_url", "url"] as const;
const NULLABLE_URL_FIELDS = ["next_page_url", "previous_page_url"] as const;

/** The list envelope: the records under meta.key, and a meta object that describes the page. */
export const pagingMetaIsComplete = defineCheck<PagingMetaInput>({
  id: "paging_meta_is_complete",
  title: "List meta does not describe the page",
  run({ body, key, expectedPageSize, expectedPage, firstPage }): Failure[] {
    const problems: string[] = [];
    const envelope = body as Record<string, unknown> | null;
    const meta = (envelope !== null && typeof envelope === "object" ? envelope.meta : undefined) as
      Record<string, unknown> | undefined;
    if (envelope === null || typeof envelope !== "object") problems.push(`body = ${show(body)}`);
    else if (!Array.isArray(envelope[key])) problems.push(`${key} = ${show(envelope[key])}`);
    if (meta === undefined || meta === null || typeof meta !== "object") {
      problems.push(`meta = ${show(meta)}`);
    } else {
      if (meta.key !== key) problems.push(`meta.key = ${show(meta.key)}`);
      if (meta.page_size !== expectedPageSize)
        problems.push(`meta.page_size = ${show(meta.page_size)}`);
      if (meta.page !== expectedPage) problems.push(`meta.page = ${show(meta.page)}`);
      for (const field of URL_FIELDS)
        if (!isAbsoluteUrl(meta[field])) problems.push(`meta.${field} = ${show(meta[field])}`);
      for (const field of NULLABLE_URL_FIELDS) {
        // The OAS says null at the end, an older generated sample says ""
        // (docs/behaviour-reference.md#c9-next_page_url-on-the-last-page).
        const ends = meta[field] === null || (field === "next_page_url" && meta[field] === "");
        if (!ends && !isAbsoluteUrl(meta[field]))
          problems.push(`meta.${field} = ${show(meta[field])}`);
      }
      if (firstPage && meta.previous_page_url !== null)
        problems.push(`meta.previous_page_url = ${show(meta.previous_page_url)} on the first page`);
      const records = envelope?.[key];
      if (Array.isArray(records) && records.length > expectedPageSize)
        problems.push(`${records.length} records on a page of ${expectedPageSize}`);
    }
    if (problems.length === 0) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: problems.join("; "),
        documented: `{${key}: [...], meta: {first_page_url, key: "${key}", next_page_url (URL, or null / "" at the end), page: ${expectedPage}, page_size: ${expectedPageSize}, previous_page_url (null on the first page), url}}`,
      },
    ];
  },
});

function isAbsoluteUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
