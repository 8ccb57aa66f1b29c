import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planFuzz } from "../../src/fuzz/index.ts";
import { loadSpec } from "./support.ts";

/** A thin foreign document: one operation, Data untyped, no limits, no error schema. */
const THIN = {
  openapi: "3.0.3",
  info: { title: "thin", version: "1" },
  paths: {
    "/v1/Services/{ServiceSid}/Maps/{MapSid}/Items": {
      parameters: [
        { name: "ServiceSid", in: "path", required: true, schema: { type: "string" } },
        { name: "MapSid", in: "path", required: true, schema: { type: "string" } },
      ],
      post: {
        operationId: "CreateSyncMapItem",
        requestBody: {
          content: {
            "application/x-www-form-urlencoded": {
              schema: {
                type: "object",
                required: ["Key", "Data"],
                properties: { Key: { type: "string" }, Data: { description: "JSON text" } },
              },
            },
          },
        },
        responses: { "201": { description: "created" } },
      },
    },
    "/v1/Services/{ServiceSid}/Things/{ThingSid}": {
      get: {
        operationId: "FetchThing",
        parameters: [
          { name: "ServiceSid", in: "path", required: true, schema: { type: "string" } },
          { name: "ThingSid", in: "path", required: true, schema: { type: "string" } },
        ],
        responses: { "200": { description: "a thing" } },
      },
    },
  },
};

async function thinSpec() {
  const file = join(mkdtempSync(join(tmpdir(), "smc-fuzz-")), "thin.json");
  writeFileSync(file, JSON.stringify(THIN));
  return loadSpec(file);
}

describe("planFuzz on a thin document", () => {
  it("plans only what the document describes and names what it cannot derive", async () => {
    const plan = planFuzz(await thinSpec(), { seed: 1, runs: 4 });
    expect(plan.operations).toEqual(["CreateSyncMapItem"]);
    expect(new Set(plan.cases.map((entry) => entry.operationId))).toEqual(
      new Set(["CreateSyncMapItem"]),
    );
    expect(plan.gaps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^no operation CreateSyncMap, ListSyncMap, .*DeleteSyncMapPermission/,
        ),
        "no x-sync-map-limits: boundaries use the documented limits",
        "no TwilioError schema: error bodies are checked against the built-in one",
        "CreateSyncMapItem: no schema for Data (the documented rule is used)",
        "1 operation outside Sync Maps not fuzzed (FetchThing)",
      ]),
    );
  });

  it("draws no length boundaries the document does not state", async () => {
    const plan = planFuzz(await thinSpec(), { seed: 1, runs: 4 });
    const kinds = new Set(
      plan.cases.filter((entry) => entry.phase === "coverage").map((entry) => entry.kind),
    );
    expect(kinds.has("Key/minLength")).toBe(false);
    expect(kinds.has("Key/maxLength + 1")).toBe(false);
    expect(kinds.has("Key/accepted length + 1")).toBe(true);
    expect(kinds.has("Key/missing")).toBe(true);
    expect(kinds.has("Data/null")).toBe(true);
  });
});
