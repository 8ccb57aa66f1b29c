// Every summary a test writes or reads is held to the published schema
// (schemas/summary.schema.json), so the schema and the writers cannot drift apart.
//
// The tests validate; the product does not. A run that wrote a summary the schema refuses
// has a bug of ours, and refusing to write the verdict at run time would only hide the
// target's results from the user: the tests are where that bug must surface.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsPlugin from "ajv-formats";
import { expect } from "vitest";

export const SUMMARY_SCHEMA_FILE = new URL("../../schemas/summary.schema.json", import.meta.url);

const addFormats = addFormatsPlugin.default;
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv, { mode: "full" });
const validate = ajv.compile(JSON.parse(readFileSync(SUMMARY_SCHEMA_FILE, "utf8")) as object);

/** What the schema finds wrong, one line each; empty when the summary is valid. */
export function summarySchemaErrors(summary: unknown): string[] {
  // The schema describes the file, so judge the value as it would be written.
  if (validate(JSON.parse(JSON.stringify(summary)))) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`,
  );
}

/** Fails the test, naming each problem, when the summary is not valid against the schema. */
export function expectValidSummary(summary: unknown, what = "summary.json"): void {
  expect(summarySchemaErrors(summary), `${what} against schemas/summary.schema.json`).toEqual([]);
}

/** DIR/summary.json, parsed and held to the schema. */
export function readValidSummary(dir: string): unknown {
  const summary: unknown = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
  expectValidSummary(summary, join(dir, "summary.json"));
  return summary;
}
