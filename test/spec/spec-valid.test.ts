// Over 350 lines on purpose: one table-like walk over every operation of our document;
// splitting it would repeat the loading and the walk in each part.
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import {
  BUILTIN_TWILIO_ERROR_SCHEMA,
  DEFAULT_SPEC_FILE,
  SchemaValidators,
  SpecLookupError,
  SYNC_MAP_OPERATION_IDS,
  createStrictAjv,
  loadSpec,
} from "../../src/spec/index.ts";
import type { SchemaViolation } from "../../src/spec/index.ts";
import { errorSample, itemSample, listSample, mapSample, permissionSample } from "./samples.ts";

const catalog = await loadSpec();

const MAPS = "/v1/Services/{ServiceSid}/Maps";

/** Facts §1: operation, method, path. */
const ENDPOINTS: readonly (readonly [string, string, string])[] = [
  ["CreateSyncMap", "POST", MAPS],
  ["ListSyncMap", "GET", MAPS],
  ["FetchSyncMap", "GET", `${MAPS}/{Sid}`],
  ["UpdateSyncMap", "POST", `${MAPS}/{Sid}`],
  ["DeleteSyncMap", "DELETE", `${MAPS}/{Sid}`],
  ["CreateSyncMapItem", "POST", `${MAPS}/{MapSid}/Items`],
  ["ListSyncMapItem", "GET", `${MAPS}/{MapSid}/Items`],
  ["FetchSyncMapItem", "GET", `${MAPS}/{MapSid}/Items/{Key}`],
  ["UpdateSyncMapItem", "POST", `${MAPS}/{MapSid}/Items/{Key}`],
  ["DeleteSyncMapItem", "DELETE", `${MAPS}/{MapSid}/Items/{Key}`],
  ["ListSyncMapPermission", "GET", `${MAPS}/{MapSid}/Permissions`],
  ["FetchSyncMapPermission", "GET", `${MAPS}/{MapSid}/Permissions/{Identity}`],
  ["UpdateSyncMapPermission", "POST", `${MAPS}/{MapSid}/Permissions/{Identity}`],
  ["DeleteSyncMapPermission", "DELETE", `${MAPS}/{MapSid}/Permissions/{Identity}`],
];

function keywords(violations: readonly SchemaViolation[]): string[] {
  return violations.map((violation) => `${violation.instancePath} ${violation.keyword}`);
}

function withoutDescriptions(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, inner: unknown) => (key === "description" ? undefined : inner)),
  );
}

describe("the project's OpenAPI document", () => {
  it("is a valid OpenAPI 3.0.3 document according to swagger-parser", async () => {
    const document = (await SwaggerParser.validate(DEFAULT_SPEC_FILE)) as OpenAPIV3.Document;
    expect(document.openapi).toBe("3.0.3");
  });

  it("describes exactly the fourteen Sync Map operations", () => {
    expect([...catalog.operationIds()].sort()).toEqual([...SYNC_MAP_OPERATION_IDS].sort());
    expect(catalog.missingOperations(SYNC_MAP_OPERATION_IDS)).toEqual([]);
  });

  it.each(ENDPOINTS)("%s is %s %s", (operationId, method, pathTemplate) => {
    expect(catalog.operation(operationId)).toMatchObject({ method, pathTemplate });
  });

  it("serves https://sync.twilio.com behind HTTP Basic on every operation", () => {
    expect(catalog.document.servers).toEqual([{ url: "https://sync.twilio.com" }]);
    expect(catalog.document.security).toEqual([{ accountSid_authToken: [] }]);
    expect(catalog.document.components?.securitySchemes?.["accountSid_authToken"]).toMatchObject({
      type: "http",
      scheme: "basic",
    });
  });

  it("declares the limits the suite relies on in x-sync-map-limits", () => {
    expect(catalog.limits).toEqual({
      pageSizeDefault: 50,
      pageSizeMax: [100, 1000],
      ttlMax: 31_536_000,
      keyLengthAccepted: 256,
      keyLengthRefusedAbove: 320,
      uniqueNameLengthAccepted: 256,
      uniqueNameLengthRefusedAbove: 320,
      dataMaxBytes: 16_384,
    });
  });

  it("takes PageSize 1..100 (int64), Page from 0 and an opaque PageToken on every list", () => {
    for (const operationId of ["ListSyncMap", "ListSyncMapItem", "ListSyncMapPermission"]) {
      const parameters = catalog.operation(operationId)?.parameters ?? [];
      const schemaOf = (name: string) =>
        parameters.find((parameter) => parameter.in === "query" && parameter.name === name)?.schema;
      expect(schemaOf("PageSize")).toMatchObject({
        type: "integer",
        format: "int64",
        minimum: 1,
        maximum: 100,
      });
      expect(schemaOf("Page")).toMatchObject({ type: "integer", minimum: 0 });
      expect(schemaOf("PageToken")).toMatchObject({ type: "string" });
    }
  });

  it("orders item listings with Order asc|desc, From and Bounds inclusive|exclusive", () => {
    const parameters = catalog.operation("ListSyncMapItem")?.parameters ?? [];
    const schemaOf = (name: string) =>
      parameters.find((parameter) => parameter.name === name)?.schema;
    expect(schemaOf("Order")?.enum).toEqual(["asc", "desc"]);
    expect(schemaOf("From")).toMatchObject({ type: "string" });
    expect(schemaOf("Bounds")?.enum).toEqual(["inclusive", "exclusive"]);
  });

  it("accepts If-Match on item update and delete only", () => {
    const withIfMatch = catalog
      .operationIds()
      .filter((id) =>
        catalog
          .operation(id)
          ?.parameters.some(
            (parameter) => parameter.in === "header" && parameter.name === "If-Match",
          ),
      );
    expect(withIfMatch.sort()).toEqual(["DeleteSyncMapItem", "UpdateSyncMapItem"]);
  });

  it.each([
    ["CreateSyncMap", { UniqueName: false, Ttl: false, CollectionTtl: false }],
    ["UpdateSyncMap", { Ttl: false, CollectionTtl: false }],
    [
      "CreateSyncMapItem",
      { Key: true, Data: true, Ttl: false, ItemTtl: false, CollectionTtl: false },
    ],
    ["UpdateSyncMapItem", { Data: false, Ttl: false, ItemTtl: false, CollectionTtl: false }],
    ["UpdateSyncMapPermission", { Read: true, Write: true, Manage: true }],
  ] as const)(
    "%s takes a form body with these fields (true = required)",
    (operationId, expected) => {
      const operation = catalog.operation(operationId);
      expect(operation?.requestContentType).toBe("application/x-www-form-urlencoded");
      expect(
        Object.fromEntries(
          operation?.requestBodyFields.map((field) => [field.name, field.required]) ?? [],
        ),
      ).toEqual(expected);
    },
  );

  // docs/behaviour-reference.md#c8-which-answers-carry-an-etag
  it("sends ETag on item create, fetch and update only", () => {
    const withEtag = catalog
      .operationIds()
      .filter((id) =>
        catalog
          .operation(id)
          ?.responses.some(
            (response) => response.status.startsWith("2") && response.headers.includes("ETag"),
          ),
      );
    expect(withEtag.sort()).toEqual(["CreateSyncMapItem", "FetchSyncMapItem", "UpdateSyncMapItem"]);
  });

  it("documents 401, 404 and 429 with a TwilioError body on every operation", () => {
    for (const operationId of catalog.operationIds()) {
      const errors =
        catalog
          .operation(operationId)
          ?.responses.filter((response) => /^4\d\d$/.test(response.status)) ?? [];
      expect(
        errors.map((response) => response.status),
        operationId,
      ).toEqual(expect.arrayContaining(["401", "404", "429"]));
      expect(
        errors.every((response) => response.hasBody),
        operationId,
      ).toBe(true);
    }
  });

  it.each([
    ["409", ["CreateSyncMap", "CreateSyncMapItem"]],
    ["412", ["DeleteSyncMapItem", "UpdateSyncMapItem"]],
    ["413", ["CreateSyncMapItem", "UpdateSyncMapItem"]],
  ] as const)("documents %s on %j only", (status, expected) => {
    const documenting = catalog
      .operationIds()
      .filter((id) =>
        catalog.operation(id)?.responses.some((response) => response.status === status),
      );
    expect(documenting.sort()).toEqual(expected);
  });

  it("keeps its TwilioError schema equal to the built-in fallback", () => {
    const declared = catalog.document.components?.schemas?.["TwilioError"];
    expect(withoutDescriptions(declared)).toEqual(BUILTIN_TWILIO_ERROR_SCHEMA);
  });
});

describe("response validators", () => {
  it("compile every response schema of the document in ajv strict mode", () => {
    const validators = new SchemaValidators(createStrictAjv());
    let compiled = 0;
    for (const [template, pathItem] of Object.entries(catalog.document.paths)) {
      for (const method of ["get", "post", "delete"] as const) {
        for (const [status, response] of Object.entries(pathItem?.[method]?.responses ?? {})) {
          const schema = (response as OpenAPIV3.ResponseObject).content?.["application/json"]
            ?.schema;
          if (schema === undefined) continue;
          expect(() => validators.compile(`${method} ${template} ${status}`, schema)).not.toThrow();
          compiled += 1;
        }
      }
    }
    expect(compiled).toBeGreaterThan(50);
  });

  it("use ajv in strict mode with every error reported", () => {
    const ajv = createStrictAjv();
    expect(ajv.opts.strict).toBe(true);
    expect(ajv.opts.allErrors).toBe(true);
    expect(() => ajv.compile({ type: "string", patern: "^x$" })).toThrow(
      /strict mode: unknown keyword/,
    );
  });

  it("know the int32 and int64 formats", () => {
    const validate = createStrictAjv().compile({ type: "integer", format: "int64" });
    expect(validate(50)).toBe(true);
  });

  it.each([
    ["CreateSyncMap", 201, mapSample()],
    ["FetchSyncMap", 200, mapSample()],
    [
      "UpdateSyncMap",
      200,
      { ...mapSample(), unique_name: null, date_expires: "2027-01-05T09:30:00Z" },
    ],
    ["CreateSyncMapItem", 201, itemSample()],
    ["FetchSyncMapItem", 200, { ...itemSample(), data: ["any", "json"] }],
    ["UpdateSyncMapItem", 200, { ...itemSample(), data: null, date_expires: null }],
    ["FetchSyncMapPermission", 200, permissionSample()],
    ["UpdateSyncMapPermission", 200, permissionSample()],
    ["ListSyncMap", 200, listSample("maps", [mapSample(), mapSample()])],
    ["ListSyncMapItem", 200, listSample("items", [itemSample()])],
    ["ListSyncMapPermission", 200, listSample("permissions", [])],
    ["FetchSyncMap", 404, errorSample()],
    [
      "UpdateSyncMapItem",
      412,
      { ...errorSample(), code: 54205, status: 412, details: { revision: "3" } },
    ],
  ] as const)("accept a valid %s %i body", (operationId, status, body) => {
    expect(catalog.validateResponse(operationId, status, body)).toEqual([]);
  });

  it("accept a next page link and a previous page link", () => {
    const page = listSample("maps", []);
    const meta = page["meta"] as Record<string, unknown>;
    meta["next_page_url"] =
      "https://sync.twilio.com/v1/Services/IS0/Maps?PageSize=50&Page=2&PageToken=PTabc";
    meta["previous_page_url"] =
      "https://sync.twilio.com/v1/Services/IS0/Maps?PageSize=50&Page=0&PageToken=PTxyz";
    meta["page"] = 1;
    expect(catalog.validateResponse("ListSyncMap", 200, page)).toEqual([]);
  });

  it("reject a sid with a bad prefix or a non-hex digit", () => {
    expect(
      keywords(
        catalog.validateResponse("FetchSyncMap", 200, {
          ...mapSample(),
          sid: "MXfedcba9876543210fedcba9876543210",
        }),
      ),
    ).toEqual(["/sid pattern"]);
    expect(
      keywords(
        catalog.validateResponse("FetchSyncMapItem", 200, {
          ...itemSample(),
          map_sid: "MPgedcba9876543210fedcba9876543210",
        }),
      ),
    ).toEqual(["/map_sid pattern"]);
  });

  it("reject a sid of the wrong length", () => {
    const tooLong = catalog.validateResponse("FetchSyncMapPermission", 200, {
      ...permissionSample(),
      account_sid: "AC0123456789abcdef0123456789abcdef0",
    });
    expect(keywords(tooLong)).toEqual(["/account_sid maxLength", "/account_sid pattern"]);
    const tooShort = catalog.validateResponse("FetchSyncMap", 200, {
      ...mapSample(),
      service_sid: "IS0123",
    });
    expect(keywords(tooShort)).toEqual(["/service_sid minLength", "/service_sid pattern"]);
  });

  it("reject a date-time without a zone designator", () => {
    const violations = catalog.validateResponse("FetchSyncMap", 200, {
      ...mapSample(),
      date_created: "2026-01-05T09:30:00",
    });
    expect(keywords(violations)).toEqual(["/date_created format"]);
  });

  it("reject a missing required property, even one whose value may be null", () => {
    const { date_expires: _dropped, ...withoutExpiry } = itemSample();
    expect(catalog.validateResponse("FetchSyncMapItem", 200, withoutExpiry)).toEqual([
      expect.objectContaining({
        instancePath: "",
        keyword: "required",
        message: "must have required property 'date_expires'",
      }),
    ]);
  });

  it("reject wrong types, a links value that is not a URL and a relative url", () => {
    const body = { ...mapSample(), revision: 3, links: { items: "Items" }, url: "/v1/Services/x" };
    expect(keywords(catalog.validateResponse("FetchSyncMap", 200, body)).sort()).toEqual([
      "/links/items format",
      "/revision type",
      "/url format",
    ]);
    expect(
      keywords(
        catalog.validateResponse("FetchSyncMapPermission", 200, {
          ...permissionSample(),
          read: "true",
        }),
      ),
    ).toEqual(["/read type"]);
  });

  it("reject a list whose meta misnames its records or lacks a field", () => {
    const page = listSample("items", [itemSample()]);
    const meta = page["meta"] as Record<string, unknown>;
    meta["key"] = "maps";
    delete meta["previous_page_url"];
    expect(keywords(catalog.validateResponse("ListSyncMapItem", 200, page)).sort()).toEqual([
      "/meta required",
      "/meta/key enum",
    ]);
  });

  it("reject an invalid record inside a list", () => {
    const page = listSample("maps", [mapSample(), { ...mapSample(), sid: "MP1" }]);
    expect(keywords(catalog.validateResponse("ListSyncMap", 200, page))).toEqual([
      "/maps/1/sid minLength",
      "/maps/1/sid pattern",
    ]);
  });

  it("reject an error body without a code, or with a status that is not an error", () => {
    const { code: _code, ...withoutCode } = errorSample();
    expect(keywords(catalog.validateErrorBody(withoutCode))).toEqual([" required"]);
    expect(
      keywords(
        catalog.validateErrorBody({ ...errorSample(), status: 200, more_info: "errors/54200" }),
      ).sort(),
    ).toEqual(["/more_info format", "/status minimum"]);
    expect(catalog.validateErrorBody(errorSample())).toEqual([]);
  });

  it("report an undocumented status as one violation naming the documented ones", () => {
    expect(catalog.validateResponse("FetchSyncMap", 418, {})).toEqual([
      expect.objectContaining({
        keyword: "status",
        message: "status 418 is not documented for FetchSyncMap (documented: 200, 401, 404, 429)",
      }),
    ]);
  });

  it("accept an empty 204 and reject a 204 with a body", () => {
    expect(catalog.validateResponse("DeleteSyncMap", 204, undefined)).toEqual([]);
    expect(catalog.validateResponse("DeleteSyncMapItem", 204, "")).toEqual([]);
    expect(
      keywords(catalog.validateResponse("DeleteSyncMapPermission", 204, { ok: true })),
    ).toEqual([" body"]);
  });

  it("refuse an operationId the document lacks with a typed harness error", () => {
    expect(() => catalog.validateResponse("FetchSyncList", 200, {})).toThrow(SpecLookupError);
    expect(catalog.operation("FetchSyncList")).toBeUndefined();
    expect(catalog.missingOperations(["FetchSyncMap", "FetchSyncList"])).toEqual(["FetchSyncList"]);
  });
});
