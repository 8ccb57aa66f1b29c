import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, SYNC_MAP_OPERATION_IDS, loadSpec } from "../../src/spec/index.ts";
import type { SpecCatalog } from "../../src/spec/index.ts";
import { errorSample, itemSample, listSample, mapSample } from "./samples.ts";

const VENDOR_FILE = fileURLToPath(
  new URL("../../../shared/reference/twilio_sync_v1.json", import.meta.url),
);
const vendorPresent = existsSync(VENDOR_FILE);

if (!vendorPresent) {
  console.info(
    `vendor OpenAPI not found at ${VENDOR_FILE}: vendor-load test skipped (users have no ../shared)`,
  );
}

const title = vendorPresent
  ? "the loader on the vendor's OpenAPI document (a foreign spec passed with --spec)"
  : `vendor OpenAPI not found at ${VENDOR_FILE}: vendor-load test skipped (users have no ../shared)`;

describe.skipIf(!vendorPresent)(title, () => {
  // Loaded once: validating and compiling the 270 kB document is the slow part.
  let vendor: SpecCatalog;
  beforeAll(async () => {
    vendor = await loadSpec(VENDOR_FILE);
  });

  it("loads, names its source and hashes its text", () => {
    expect(vendor.source).toBe(VENDOR_FILE);
    expect(vendor.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("describes all fourteen Sync Map operations among its others", () => {
    expect(vendor.missingOperations(SYNC_MAP_OPERATION_IDS)).toEqual([]);
    expect(vendor.operationIds().length).toBeGreaterThan(SYNC_MAP_OPERATION_IDS.length);
  });

  it("validates a Map, an Item and a list against the vendor's schemas", () => {
    expect(vendor.validateResponse("FetchSyncMap", 200, mapSample())).toEqual([]);
    expect(vendor.validateResponse("CreateSyncMapItem", 201, itemSample())).toEqual([]);
    expect(vendor.validateResponse("ListSyncMap", 200, listSample("maps", [mapSample()]))).toEqual(
      [],
    );
  });

  it("still rejects a bad sid and a date without a zone", () => {
    const violations = vendor.validateResponse("FetchSyncMap", 200, {
      ...mapSample(),
      sid: "MPxyz",
      date_updated: "2026-01-05T09:30:00",
    });
    expect(
      violations.map((violation) => `${violation.instancePath} ${violation.keyword}`).sort(),
    ).toEqual(["/date_updated format", "/sid minLength", "/sid pattern"]);
  });

  it("accepts a Map missing properties, because the vendor marks none required", () => {
    expect(vendor.validateResponse("FetchSyncMap", 200, { sid: mapSample()["sid"] })).toEqual([]);
  });

  it("reports an error status as undocumented, since the vendor documents 2xx only", () => {
    expect(vendor.validateResponse("FetchSyncMap", 404, errorSample())).toEqual([
      expect.objectContaining({
        keyword: "status",
        message: "status 404 is not documented for FetchSyncMap (documented: 200)",
      }),
    ]);
  });

  it("checks error bodies against the built-in TwilioError schema", () => {
    expect(vendor.validateErrorBody(errorSample())).toEqual([]);
    expect(
      vendor.validateErrorBody({ message: "no code" }).map((violation) => violation.keyword),
    ).toEqual(["required", "required", "required"]);
  });

  it("falls back to the documented limits, having no x-sync-map-limits", () => {
    expect(vendor.limits).toEqual(DEFAULT_LIMITS);
  });

  it("reads the vendor's x-twilio pathType for each operation", () => {
    expect(vendor.operation("ListSyncMapItem")?.pathType).toBe("list");
    expect(vendor.operation("FetchSyncMapItem")?.pathType).toBe("instance");
  });
});
