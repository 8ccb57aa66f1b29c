import { defineCheck, show, type Failure } from "./failure.ts";

export interface EtagInput {
  /** Which answer is judged, for people: "CreateSyncMapItem answer". */
  readonly answer: string;
  /** Response headers, names in lower case; undefined when there was no answer. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The revision the same answer's body reports. */
  readonly revision: unknown;
}

/**
 * The revision an ETag names, bare or as a double-quoted (strong) entity tag; undefined otherwise.
 */
export function revisionOfEtag(etag: string): string | undefined {
  const value = etag.trim();
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1);
  if (value.includes('"')) return undefined;
  return value;
}

/**
 * Whether the ETag is written bare (as the SDK sends revisions) or quoted (RFC 9110), for readings.
 */
export function etagForm(etag: string): "bare" | "quoted" {
  return etag.trim().startsWith('"') ? "quoted" : "bare";
}

// The ETag "currently corresponds 1:1 with revision"; quoting is not documented either way.
export const etagCarriesRevision = defineCheck<EtagInput>({
  id: "etag_carries_revision",
  title: "ETag header does not carry the item's revision",
  run({ answer, headers, revision }): Failure[] {
    const etag = headers?.etag;
    const documented = `the ${answer} has an ETag header equal to revision ${show(revision)}, bare or double-quoted`;
    if (typeof revision !== "string" || revision.length === 0) {
      return [
        {
          check: this.id,
          title: this.title,
          received: `revision = ${show(revision)}, ETag = ${show(etag)}`,
          documented,
        },
      ];
    }
    if (etag === undefined)
      return [
        {
          check: this.id,
          title: this.title,
          received: `no ETag header on the ${answer}`,
          documented,
        },
      ];
    if (revisionOfEtag(etag) === revision) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: `ETag = ${show(etag)} with revision ${show(revision)}`,
        documented,
      },
    ];
  },
});
