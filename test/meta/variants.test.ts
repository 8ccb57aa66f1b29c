// No false alarms: a server that follows another documented reading (where the
// documents disagree or say nothing) passes every behaviour, and the run reports
// the reading it saw. Together with the faults this pins each check from both sides.
import { describe, expect, it } from "vitest";
import { allBehaviours } from "../../suites/index.ts";
import { asServerWrapper, variants } from "../../fixtures/variants/index.ts";
import { describeOutcome, runOnServer } from "./support.ts";

describe("documented variants of the reference server", () => {
  for (const variant of variants) {
    it.concurrent(`${variant.id} (${variant.reading}) passes every behaviour`, async () => {
      const outcomes = await runOnServer(allBehaviours, asServerWrapper(variant));
      const notPassed = outcomes.filter((outcome) => outcome.outcome !== "passed");
      expect(notPassed.map(describeOutcome).join("\n")).toBe("");
    });
  }
});
