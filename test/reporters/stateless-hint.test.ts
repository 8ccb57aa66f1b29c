// The hint a full run prints when the target behaves like a stateless mock.
import { describe, expect, it } from "vitest";
import { statelessTargetHint } from "../../reporters/summary.ts";
import type { BehaviourEntry } from "../../src/catalogue/catalogue.ts";
import { behaviour, summaryOf } from "../support/summaries.ts";

function entry(id: string, mock: boolean): BehaviourEntry {
  return {
    id,
    level: "MUST",
    resource: "map",
    operations: ["CreateSyncMap"],
    statement: `${id} holds.`,
    source: "seed",
    profiles: mock ? ["full", "mock"] : ["full"],
  };
}

const catalogue = [
  entry("MAP-SHAPE", true),
  entry("MAP-STATE-A", false),
  entry("MAP-STATE-B", false),
  entry("MAP-STATE-C", false),
];

describe("statelessTargetHint", () => {
  it("speaks when every mock behaviour passed and most stateful ones failed", () => {
    const summary = summaryOf(
      behaviour("MAP-SHAPE", "passed"),
      behaviour("MAP-STATE-A", "failed"),
      behaviour("MAP-STATE-B", "warned"),
      behaviour("MAP-STATE-C", "passed"),
    );
    expect(statelessTargetHint(summary, catalogue)).toMatch(
      /2 of 3 stateful ones failed.*--profile mock/,
    );
  });

  it("stays silent when a mock behaviour failed, when few stateful ones failed, or under --profile mock", () => {
    const shapeFailed = summaryOf(
      behaviour("MAP-SHAPE", "failed"),
      behaviour("MAP-STATE-A", "failed"),
      behaviour("MAP-STATE-B", "failed"),
      behaviour("MAP-STATE-C", "failed"),
    );
    const mostlyFine = summaryOf(
      behaviour("MAP-SHAPE", "passed"),
      behaviour("MAP-STATE-A", "failed"),
      behaviour("MAP-STATE-B", "passed"),
      behaviour("MAP-STATE-C", "passed"),
    );
    const underMock = {
      ...summaryOf(behaviour("MAP-SHAPE", "passed"), behaviour("MAP-STATE-A", "skipped")),
      profile: "mock",
    };
    expect(statelessTargetHint(shapeFailed, catalogue)).toBeUndefined();
    expect(statelessTargetHint(mostlyFine, catalogue)).toBeUndefined();
    expect(statelessTargetHint(underMock, catalogue)).toBeUndefined();
  });
});
