import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPI, OpenAPIV3 } from "openapi-types";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SPEC_FILE } from "../../src/spec/index.ts";
import { diffPaths } from "./openapi-diff.ts";
import type { Difference } from "./openapi-diff.ts";

// test/spec → test → repo root → the directory holding shared/ (absent on users' machines).
const VENDOR_FILE = fileURLToPath(
  new URL("../../../shared/reference/twilio_sync_v1.json", import.meta.url),
);
const vendorPresent = existsSync(VENDOR_FILE);
const MAP_PATHS_PREFIX = "/v1/Services/{ServiceSid}/Maps";

/**
 * Places where our spec deliberately differs from the vendor's. Each names
 * the decision behind it (docs/behaviour-reference.md#where-the-documents-disagree); every
 * difference found must be
 * one of these, and each of these must still be found.
 */
interface NamedException {
  readonly id: string;
  readonly why: string;
  readonly location: RegExp;
  /** Narrows the match to one direction, e.g. "present in ours, absent in the vendor's". */
  readonly values?: (ours: unknown, vendor: unknown) => boolean;
}

const oursOnly = (ours: unknown, vendor: unknown): boolean => ours === true && vendor === false;
const addedByUs = (_ours: unknown, vendor: unknown): boolean => vendor === undefined;

const NAMED_EXCEPTIONS: readonly NamedException[] = [
  {
    id: "ERROR-RESPONSES-ADDED",
    why: "the vendor documents 2xx only; we document 400/401/404/409/412/413/429 with the TwilioError body (docs/behaviour-reference.md#errors)",
    location: /› response (400|401|404|409|412|413|429) › \(status\)$/,
    values: oursOnly,
  },
  {
    id: "CORS-HEADERS-OMITTED",
    why: "CORS headers depend on the request's Origin and must not be asserted without one (docs/behaviour-reference.md#http-headers)",
    location: /› response 2\d\d › header Access-Control-[A-Za-z-]+$/,
    values: (ours, vendor) => ours === false && vendor === true,
  },
  {
    id: "RESPONSE-REQUIRED-LISTS",
    why: "our response schemas require every documented property (values stay nullable); the vendor lists none",
    location: /› response 2\d\d › body(\.\w+(\[\])?)*(\[\])? › required$/,
    values: addedByUs,
  },
  {
    id: "META-KEY-ENUM",
    why: "meta.key names the records array: maps, items or permissions (docs/behaviour-reference.md#paging)",
    location: /› response 200 › body\.meta\.key › enum$/,
    values: addedByUs,
  },
  {
    id: "META-PAGE-MINIMUM",
    why: "meta.page echoes Page, counted from 0 (docs/behaviour-reference.md#paging)",
    location: /› response 200 › body\.meta\.page › minimum$/,
    values: addedByUs,
  },
  {
    id: "LAST-PAGE-EMPTY-STRING",
    why: 'next_page_url on the last page is null (OAS) or "" (an older generated sample), so "uri" moves into an anyOf (docs/behaviour-reference.md#c9-next_page_url-on-the-last-page)',
    location: /› response 200 › body\.meta\.next_page_url › format$/,
    values: (ours, vendor) => ours === undefined && vendor === "uri",
  },
  {
    id: "QUERY-DEFAULTS",
    why: "PageSize defaults to 50 (docs/behaviour-reference.md#paging), Order to asc and Bounds to inclusive (docs/behaviour-reference.md#item-order)",
    location: /› parameter query:(PageSize|Order|Bounds) › default$/,
    values: addedByUs,
  },
  {
    id: "TTL-RANGE",
    why: "a TTL is empty or an integer 0..31536000, else 54011 (docs/behaviour-reference.md#ttl-and-expiry)",
    location: /› request › (Ttl|ItemTtl|CollectionTtl) › (minimum|maximum)$/,
    values: addedByUs,
  },
  {
    id: "KEY-LENGTH",
    why: "keys of 1..256 are always accepted; 257..320 is disputed and left out of the contract (docs/behaviour-reference.md#c2-item-key-length)",
    location: /^CreateSyncMapItem › request › Key › (minLength|maxLength)$/,
    values: addedByUs,
  },
  {
    id: "UNIQUE-NAME-RULES",
    why: "unique names of 1..256 are always accepted (docs/behaviour-reference.md#c3-unique-name-length) and may not look like a sid (docs/behaviour-reference.md#c4-unique-names-that-look-like-sids)",
    location: /^CreateSyncMap › request › UniqueName › (minLength|maxLength|not)$/,
    values: addedByUs,
  },
];

function isExcepted(difference: Difference, exception: NamedException): boolean {
  return (
    exception.location.test(difference.location) &&
    (exception.values?.(difference.ours, difference.vendor) ?? true)
  );
}

function describeDifference({ location, ours, vendor }: Difference): string {
  return `${location}: ours ${JSON.stringify(ours)}, vendor ${JSON.stringify(vendor)}`;
}

async function dereferenced(document: object): Promise<OpenAPIV3.Document> {
  return (await SwaggerParser.dereference(document as OpenAPI.Document)) as OpenAPIV3.Document;
}

if (!vendorPresent) {
  console.info(
    `vendor OpenAPI not found at ${VENDOR_FILE}: cross-check skipped (users have no ../shared)`,
  );
}

const title = vendorPresent
  ? "our spec agrees with the vendor OpenAPI on every Map path, except for named decisions"
  : `vendor OpenAPI not found at ${VENDOR_FILE}: cross-check skipped (users have no ../shared)`;

const mapPaths = (document: OpenAPIV3.Document): string[] =>
  Object.keys(document.paths)
    .filter((path) => path.startsWith(MAP_PATHS_PREFIX))
    .sort();

describe.skipIf(!vendorPresent)(title, () => {
  let vendor: OpenAPIV3.Document;
  let ours: OpenAPIV3.Document;
  let differences: Difference[] = [];

  beforeAll(async () => {
    // Both documents are dereferenced straight through swagger-parser, not our loader, so a loader
    // bug cannot hide a drift.
    vendor = await dereferenced(JSON.parse(readFileSync(VENDOR_FILE, "utf8")) as object);
    ours = (await SwaggerParser.dereference(DEFAULT_SPEC_FILE)) as OpenAPIV3.Document;
    differences = diffPaths(ours, vendor, [...new Set([...mapPaths(ours), ...mapPaths(vendor)])]);
  });

  it("describes the same Map paths as the vendor", () => {
    expect(mapPaths(ours)).toEqual(mapPaths(vendor));
  });

  it("uses the vendor's server, security scheme and global security", () => {
    expect(ours.servers).toEqual(vendor.servers);
    const scheme = (document: OpenAPIV3.Document) => {
      const { type, scheme: httpScheme } = document.components?.securitySchemes?.[
        "accountSid_authToken"
      ] as OpenAPIV3.HttpSecurityScheme;
      return { type, httpScheme };
    };
    expect(scheme(ours)).toEqual(scheme(vendor));
    expect(ours.security).toEqual(vendor.security);
  });

  it("differs from the vendor only where a named exception says so", () => {
    const unexplained = differences.filter(
      (difference) => !NAMED_EXCEPTIONS.some((exception) => isExcepted(difference, exception)),
    );
    expect(unexplained.map(describeDifference)).toEqual([]);
  });

  it.each(NAMED_EXCEPTIONS.map((exception) => [exception.id, exception] as const))(
    "named exception %s still matches a real difference",
    (_id, exception) => {
      expect(differences.some((difference) => isExcepted(difference, exception))).toBe(true);
    },
  );

  // The brief's core comparisons, asserted by name so that an exception written too broadly cannot
  // hide them.
  const differencesAt = (location: RegExp): string[] =>
    differences.filter((difference) => location.test(difference.location)).map(describeDifference);

  it("has the vendor's operationIds on the vendor's methods", () => {
    expect(differencesAt(/› operationId$|^path [^›]+ › (get|put|post|delete|patch)$/)).toEqual([]);
  });

  it("has the vendor's path, query and header parameter names, required flags and schemas", () => {
    expect(
      differencesAt(/› parameter [a-z]+:[\w-]+( › (required|type|format|minimum|maximum|enum))?$/),
    ).toEqual([]);
  });

  it("has the vendor's request field names, required lists and field types", () => {
    expect(
      differencesAt(/› request › (media types|required)$|› request › \w+ › (\(property\)|type)$/),
    ).toEqual([]);
  });

  it("has the vendor's response property names, types, patterns, lengths, formats and nullability", () => {
    // One decision is allowed here, by name:
    // docs/behaviour-reference.md#c9-next_page_url-on-the-last-page puts next_page_url's "uri"
    // format in an anyOf.
    const lastPage = NAMED_EXCEPTIONS.find(
      (exception) => exception.id === "LAST-PAGE-EMPTY-STRING",
    );
    const found = differences.filter((difference) =>
      /› body[^›]* › (\(property\)|\(schema\)|type|pattern|minLength|maxLength|format|nullable)$/.test(
        difference.location,
      ),
    );
    expect(
      found
        .filter((difference) => lastPage === undefined || !isExcepted(difference, lastPage))
        .map(describeDifference),
    ).toEqual([]);
  });

  it("reports a drifted sid pattern, so the comparison itself can fail", () => {
    const drifted = structuredClone(ours);
    const created = drifted.paths[MAP_PATHS_PREFIX]?.post?.responses[
      "201"
    ] as OpenAPIV3.ResponseObject;
    const mapSchema = created.content?.["application/json"]?.schema as OpenAPIV3.SchemaObject;
    (mapSchema.properties?.["sid"] as OpenAPIV3.SchemaObject).pattern = "^MP[0-9a-f]{32}$";
    const found = diffPaths(drifted, vendor, [MAP_PATHS_PREFIX]).map(
      (difference) => difference.location,
    );
    expect(found).toContain("CreateSyncMap › response 201 › body.sid › pattern");
  });

  // docs/behaviour-reference.md#c8-which-answers-carry-an-etag
  it("declares ETag on exactly the vendor's responses", () => {
    expect(differencesAt(/› header ETag$/)).toEqual([]);
  });
});
