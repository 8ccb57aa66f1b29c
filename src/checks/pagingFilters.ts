import { defineCheck, show, type Failure } from "./failure.ts";

export interface PagingFiltersInput {
  /** The list answer's meta object. */
  readonly meta: unknown;
  /** Query parameters the client sent that every listed URL must repeat, e.g. {Order: "desc"}. */
  readonly filters: Readonly<Record<string, string>>;
  /** The meta URL fields that must carry them (each must be present on this page). */
  readonly fields: readonly string[];
}

// Parsed query parameters are compared, not raw text: order and encoding of the query are free.
export const pageUrlsCarryFilters = defineCheck<PagingFiltersInput>({
  id: "page_urls_carry_filters",
  title: "Paging URLs drop the list filters the client sent",
  run({ meta, filters, fields }): Failure[] {
    const expected = Object.entries(filters);
    const documented = `meta ${fields.join(", ")} carry ${expected.map(([name, value]) => `${name}=${value}`).join("&")} in their query`;
    const record =
      meta !== null && typeof meta === "object" ? (meta as Record<string, unknown>) : undefined;
    if (record === undefined)
      return [{ check: this.id, title: this.title, received: `meta = ${show(meta)}`, documented }];
    const problems: string[] = [];
    for (const field of fields) {
      const value = record[field];
      const params = queryOf(value);
      if (params === undefined) {
        problems.push(`meta.${field} = ${show(value)}`);
        continue;
      }
      const wrong = expected.filter(([name, want]) => params.get(name) !== want);
      if (wrong.length > 0) {
        problems.push(
          `meta.${field} = ${show(value)} has ${wrong.map(([name]) => `${name}=${show(params.get(name) ?? undefined)}`).join(", ")}`,
        );
      }
    }
    return problems.length === 0
      ? []
      : [{ check: this.id, title: this.title, received: problems.join("; "), documented }];
  },
});

function queryOf(value: unknown): URLSearchParams | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return new URL(value).searchParams;
  } catch {
    return undefined;
  }
}
