// The published schema of summary.json is strict enough to catch a writer that drifts:
// each of these departures from the written shape is refused.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BEHAVIOUR_STATUSES, SUMMARY_SCHEMA_VERSION } from "../../reporters/summary.ts";
import { behaviour, summaryOf } from "../support/summaries.ts";
import { SUMMARY_SCHEMA_FILE, summarySchemaErrors } from "../support/summary-schema.ts";

const valid = summaryOf(
  behaviour("MAP-A", "passed"),
  behaviour("MAP-B", "failed"),
  behaviour("MAP-C", "warned", "SHOULD"),
  behaviour("MAP-D", "skipped"),
  behaviour("MAP-E", "waived"),
  behaviour("MAP-F", "broken"),
);

describe("schemas/summary.schema.json", () => {
  it("accepts a summary with every status", () => {
    expect(summarySchemaErrors(valid)).toEqual([]);
  });

  it("names the version the code writes and every status the code knows", () => {
    const schema = JSON.parse(readFileSync(SUMMARY_SCHEMA_FILE, "utf8")) as {
      properties: { schemaVersion: { const: string } };
      $defs: { behaviour: { properties: { status: { enum: string[] } } } };
    };
    expect(schema.properties.schemaVersion.const).toBe(SUMMARY_SCHEMA_VERSION);
    expect(schema.$defs.behaviour.properties.status.enum).toEqual([...BEHAVIOUR_STATUSES]);
  });

  const withBehaviour = (patch: Record<string, unknown>): unknown => ({
    ...valid,
    behaviours: valid.behaviours.map((b) => (b.id === "MAP-F" ? { ...b, ...patch } : b)),
  });
  const { broken: _broken, ...totalsWithoutBroken } = valid.totals;
  const { schemaVersion: _version, ...withoutVersion } = valid;

  it.each<[string, unknown, RegExp]>([
    ["no schemaVersion", withoutVersion, /must have required property 'schemaVersion'/],
    [
      "another schemaVersion",
      { ...valid, schemaVersion: "9.0.0" },
      /schemaVersion must be equal to constant/,
    ],
    [
      "totals without broken",
      { ...valid, totals: totalsWithoutBroken },
      /totals must have required property 'broken'/,
    ],
    ["an unknown status", withBehaviour({ status: "green" }), /status must be equal to one of/],
    [
      "a broken behaviour without its reason",
      withBehaviour({ brokenReason: undefined }),
      /brokenReason/,
    ],
    [
      "a broken behaviour with failures",
      withBehaviour({ failures: valid.behaviours[1]?.failures }),
      /failures must NOT have more than 0 items/,
    ],
    [
      "a failed behaviour without failures",
      { ...valid, behaviours: [{ ...valid.behaviours[1], failures: [] }] },
      /failures must NOT have fewer than 1 items/,
    ],
    ["an unknown field", { ...valid, verdict: "ok" }, /must NOT have additional properties/],
    [
      "a startedAt that is no date",
      { ...valid, startedAt: "yesterday" },
      /startedAt must match format "date-time"/,
    ],
  ])("refuses %s", (_what, summary, message) => {
    expect(summarySchemaErrors(summary).join("\n")).toMatch(message);
  });
});
