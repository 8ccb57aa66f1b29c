// With the vendor's published OpenAPI document as the spec (--spec), the clean
// reference server still passes everything, and a schema fault is still caught: the
// checks derive from whichever document is loaded, not from ours alone.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/spec/index.ts";
import { allBehaviours } from "../../suites/index.ts";
import { faults } from "../../fixtures/faults/index.ts";
import { describeOutcome, runOnServer } from "./support.ts";

const VENDOR_SPEC = fileURLToPath(
  new URL("../../../shared/reference/twilio_sync_v1.json", import.meta.url),
);
const present = existsSync(VENDOR_SPEC);
if (!present)
  console.warn(
    `skipping the vendor-document meta tests: ${VENDOR_SPEC} is absent (it ships with the project's shared reference, not with the package)`,
  );

describe.skipIf(!present)("judged by the vendor's OpenAPI document", () => {
  it("the clean reference server passes every behaviour", async () => {
    const spec = await loadSpec(VENDOR_SPEC);
    const outcomes = await runOnServer(allBehaviours, undefined, { spec });
    expect(
      outcomes
        .filter((outcome) => outcome.outcome !== "passed")
        .map(describeOutcome)
        .join("\n"),
    ).toBe("");
  });

  it.each([
    "map-update-answers-202",
    "item-list-page-size-as-string",
    "perm-fetch-flags-as-numbers",
  ])("%s is still caught", async (id) => {
    const fault = faults.find((candidate) => candidate.id === id);
    const definition = allBehaviours.find((candidate) => candidate.id === fault?.behaviour);
    if (fault === undefined || definition === undefined)
      throw new Error(`fault ${id} or its behaviour is gone`);
    const [outcome] = await runOnServer([definition], fault, { spec: await loadSpec(VENDOR_SPEC) });
    expect(outcome?.outcome, outcome === undefined ? "no outcome" : describeOutcome(outcome)).toBe(
      "failed",
    );
  });
});
