// The meta-suite: the clean reference server trips no behaviour, and every planted
// fault is caught by the behaviour it names. A check no fault can trip is not done.
// A fault of a model-based (SEQ-) behaviour is proven caught in sequences.test.ts, by the
// same run (its behaviour alone, on its own server, a default run's --runs) with the
// replayable script asserted too: running it here as well would only repeat that run.
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/catalogue.ts";
import { allBehaviours } from "../../suites/index.ts";
import { faults } from "../../fixtures/faults/index.ts";
import type { Fault } from "../../fixtures/reference/types.ts";
import { describeOutcome, runOnServer } from "./support.ts";

const catalogue = loadCatalogue();
const definitionsById = new Map(allBehaviours.map((definition) => [definition.id, definition]));
const provenInSequencesTest = (fault: Fault): boolean => fault.behaviour.startsWith("SEQ-");

describe("the clean reference server", () => {
  it("passes every behaviour in the catalogue", async () => {
    const outcomes = await runOnServer(allBehaviours);
    const notPassed = outcomes.filter((outcome) => outcome.outcome !== "passed");
    expect(notPassed.map(describeOutcome).join("\n")).toBe("");
    expect(outcomes.map((outcome) => outcome.id).sort()).toEqual(
      catalogue.map((entry) => entry.id).sort(),
    );
  });
});

describe("planted faults", () => {
  it("cover every behaviour in the catalogue with at least one fault", () => {
    const covered = new Set(faults.map((fault) => fault.behaviour));
    expect(catalogue.map((entry) => entry.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("each name a catalogued behaviour and have a unique id", () => {
    const ids = faults.map((fault) => fault.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      faults
        .filter((fault) => !definitionsById.has(fault.behaviour))
        .map((fault) => `${fault.id} → ${fault.behaviour}`),
    ).toEqual([]);
  });

  for (const fault of faults.filter((fault) => !provenInSequencesTest(fault))) {
    it.concurrent(`${fault.id} is caught by ${fault.behaviour}`, async () => {
      const definition = definitionsById.get(fault.behaviour);
      if (definition === undefined) throw new Error(`no definition for ${fault.behaviour}`);
      const [outcome] = await runOnServer([definition], fault);
      if (outcome === undefined) throw new Error("no outcome");
      // "failed" with a recorded failure, not "broken": the behaviour judged the target.
      expect(outcome.outcome, describeOutcome(outcome)).toBe("failed");
      expect(outcome.failures.length).toBeGreaterThan(0);
    });
  }
});
