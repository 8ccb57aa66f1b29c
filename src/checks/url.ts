import { defineCheck, show, type Failure } from "./failure.ts";

export interface UrlInput {
  readonly field: string;
  readonly value: unknown;
  /** The path the URL must point at, e.g. /v1/Services/IS…/Maps/MP…. */
  readonly path: string;
}

// Only the path is compared: a target may live on another origin than sync.twilio.com.
export const urlPointsAtResource = defineCheck<UrlInput>({
  id: "url_points_at_resource",
  title: "Resource URL does not point at the resource",
  run({ field, value, path }): Failure[] {
    const documented = `${field} is an absolute URL whose path is ${path}`;
    if (typeof value !== "string")
      return [
        { check: this.id, title: this.title, received: `${field} = ${show(value)}`, documented },
      ];
    let actual: URL;
    try {
      actual = new URL(value);
    } catch {
      return [
        {
          check: this.id,
          title: this.title,
          received: `${field} = ${show(value)} (not an absolute URL)`,
          documented,
        },
      ];
    }
    if (samePath(actual.pathname, path)) return [];
    return [
      { check: this.id, title: this.title, received: `${field} = ${show(value)}`, documented },
    ];
  },
});

function samePath(actual: string, expected: string): boolean {
  const normalise = (path: string): string =>
    path
      .split("/")
      .map((segment) => safeDecode(segment))
      .join("/");
  return actual === expected || normalise(actual) === normalise(expected);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
