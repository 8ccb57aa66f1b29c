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
/**
 * The slowest catch (its fault holds every item request 80 ms; SEQ-CONCURRENT shrinks through
 * that), started first: five tests run at once, and declared last it ran alone at the end.
 */
const SLOWEST_FAULT = "stale-read-from-cache";
const sequenceFaults = faults
  .filter((fault) => isSequenceBehaviour(fault.behaviour))
  .sort((a, b) => Number(b.id === SLOWEST_FAULT) - Number(a.id === SLOWEST_FAULT));
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
/**
 * A concurrent program is read on its timeline, a lane per client; some races need three
 * clients and a few calls each before no order explains them, and a race that shows on some
 * runs only shrinks less far within the shrinker's budget of runs.
 */
const MAX_CONCURRENT_SCRIPT_LINES = 16;
const maxLinesOf = (behaviour: string): number =>
  behaviour === "SEQ-CONCURRENT" ? MAX_CONCURRENT_SCRIPT_LINES : MAX_SCRIPT_LINES;

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
    it.concurrent(
      `${fault.id} is caught by ${fault.behaviour} with a script of at most ${maxLinesOf(fault.behaviour)} calls, a seed and a path`,
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
          maxLinesOf(fault.behaviour),
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
