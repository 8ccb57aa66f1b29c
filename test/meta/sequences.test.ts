// Sequence-only faults: each is caught by its model-based behaviour with a short,
// replayable script, and trips no single-call behaviour (a concurrent CONC- one may). That
// second half is what makes them worth having: they prove the model sees what one request
// cannot.
import { describe, expect, it } from "vitest";
import { allBehaviours } from "../../suites/index.ts";
import { faults } from "../../fixtures/faults/index.ts";
import { describeOutcome, runOnServer } from "./support.ts";

const isSequenceBehaviour = (id: string): boolean => id.startsWith("SEQ-");
/** Races between clients are many calls at once: not what "a single call" means here. */
const isConcurrentBehaviour = (id: string): boolean => id.startsWith("CONC-");
const sequenceFaults = faults.filter((fault) => isSequenceBehaviour(fault.behaviour));
/**
 * SEQ-CONCURRENT's own faults are caught in concurrency.test.ts, by the same run with the same
 * seed, and their scripts held to the same bounds there (see CONCURRENT_SCRIPT_LINES): caught
 * here too, the slowest of them (every item request held 80 ms) cost a worker 50 s twice.
 */
const caughtInConcurrencyTest = (fault: { readonly behaviour: string }): boolean =>
  fault.behaviour === "SEQ-CONCURRENT";
const singleCallBehaviours = allBehaviours.filter(
  (definition) => !isSequenceBehaviour(definition.id) && !isConcurrentBehaviour(definition.id),
);
const definitionsById = new Map(allBehaviours.map((definition) => [definition.id, definition]));
/** Behaviours whose faults only show once time has passed: their scripts carry a pause. */
const TIME_BEHAVIOURS = new Set(["SEQ-MAP-EXPIRY", "SEQ-ITEM-EXPIRY"]);
/**
 * A shrunk script longer than this is too long for a person to read and replay by hand: a
 * preamble of up to three lines (the map and its first items) and a few calls after it.
 */
const MAX_SCRIPT_LINES = 8;

describe("sequence-only faults", () => {
  it("exist, and each names a model-based behaviour that is defined", () => {
    expect(sequenceFaults.length).toBeGreaterThan(0);
    expect(
      sequenceFaults
        .filter((fault) => !definitionsById.has(fault.behaviour))
        .map((fault) => `${fault.id} → ${fault.behaviour}`),
    ).toEqual([]);
  });

  it("cover every model-based behaviour with at least one", () => {
    const covered = new Set(sequenceFaults.map((fault) => fault.behaviour));
    const sequenceIds = allBehaviours
      .map((definition) => definition.id)
      .filter(isSequenceBehaviour);
    expect(sequenceIds.filter((id) => !covered.has(id))).toEqual([]);
  });

  for (const fault of sequenceFaults) {
    if (!caughtInConcurrencyTest(fault))
      it.concurrent(
        `${fault.id} is caught by ${fault.behaviour} with a script of at most ${MAX_SCRIPT_LINES} calls, a seed and a path`,
        async () => {
          const definition = definitionsById.get(fault.behaviour);
          if (definition === undefined) throw new Error(`no definition for ${fault.behaviour}`);
          const [outcome] = await runOnServer([definition], fault);
          if (outcome === undefined) throw new Error("no outcome");
          expect(outcome.outcome, describeOutcome(outcome)).toBe("failed");
          const sequence = outcome.failures.find((found) => found.sequence !== undefined)?.sequence;
          expect(
            sequence,
            `${describeOutcome(outcome)}\n(no failure carries a sequence)`,
          ).toBeDefined();
          expect(sequence?.script.length, sequence?.script.join("\n")).toBeGreaterThan(0);
          expect(sequence?.script.length, sequence?.script.join("\n")).toBeLessThanOrEqual(
            MAX_SCRIPT_LINES,
          );
          expect(Number.isInteger(sequence?.seed)).toBe(true);
          expect(sequence?.path).toMatch(/^\d+(:\d+)*$/);
          // Time passing reads as such: "Pause(2.1 s)", never a bare number of milliseconds.
          for (const line of sequence?.script ?? [])
            if (line.includes("Pause")) expect(line).toMatch(/^\d+\. Pause\(\d+\.\d s\)$/);
          if (TIME_BEHAVIOURS.has(fault.behaviour))
            expect(sequence?.script.join("\n")).toMatch(/Pause\(/);
        },
      );

    it.concurrent(
      `${fault.id} passes every single-call (not SEQ-, not CONC-) behaviour`,
      async () => {
        const outcomes = await runOnServer(singleCallBehaviours, fault);
        const tripped = outcomes.filter((outcome) => outcome.outcome !== "passed");
        // Named, so a fault that is not sequence-only says which behaviour already sees it.
        expect(tripped.map(describeOutcome).join("\n"), `${fault.id} is not sequence-only`).toBe(
          "",
        );
        expect(outcomes).toHaveLength(singleCallBehaviours.length);
      },
    );
  }
});
