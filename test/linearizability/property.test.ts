// Histories built from a real sequential order, with timings that overlap as concurrent
// clients do, are linearizable by construction: the checker must accept every one, and
// must notice when one answer in them is changed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkHistory,
  registerModel,
  syncMapItemModel,
  type Operation,
  type RegisterInput,
  type RegisterOutput,
} from "../../src/linearizability/index.ts";
import { seededRandom, simulateItemHistory } from "../../src/linearizability/simulate.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;

const SPACING = 100;
const step = fc.record({
  kind: fc.constantFrom("read", "write", "cas"),
  key: fc.constantFrom("a", "b"),
  value: fc.integer({ min: 1, max: 5 }),
  expected: fc.integer({ min: 0, max: 5 }),
  /** How far before and after its moment of effect the call and return are. */
  lead: fc.integer({ min: 0, max: 3 * SPACING }),
  lag: fc.integer({ min: 0, max: 3 * SPACING }),
  outcome: fc.constantFrom("known", "known", "known", "timed out", "never applied"),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Runs the steps in order against a register per key; step i takes effect at its moment. */
function sequentialRegisterHistory(steps: Step[]): RegisterOp[] {
  const values = new Map<string, number>();
  const timed = steps.map((s, i) => {
    const input: RegisterInput =
      s.kind === "read"
        ? { kind: "read", key: s.key }
        : s.kind === "write"
          ? { kind: "write", key: s.key, value: s.value }
          : { kind: "cas", key: s.key, expected: s.expected, value: s.value };
    const moment = (i + 1) * 4 * SPACING;
    const call = moment - s.lead;
    if (s.outcome === "never applied") return { call, input };
    const current = values.get(s.key) ?? 0;
    const swaps = input.kind === "cas" && current === input.expected;
    if (input.kind === "write" || swaps) values.set(s.key, s.value);
    const output: RegisterOutput =
      input.kind === "read" ? current : input.kind === "cas" ? swaps : "ok";
    return s.outcome === "timed out"
      ? { call, input }
      : { call, return: moment + s.lag, input, output };
  });
  return assignClients(timed);
}

/** Gives each operation a client that is idle at its call, as real clients are. */
function assignClients(ops: Omit<RegisterOp, "clientId">[]): RegisterOp[] {
  const busyUntil: number[] = [];
  const order = ops.map((_, i) => i).sort((a, b) => Number(ops[a]!.call) - Number(ops[b]!.call));
  const clients = new Array<number>(ops.length);
  for (const i of order) {
    const op = ops[i]!;
    let client = busyUntil.findIndex((until) => until < Number(op.call));
    if (client < 0) client = busyUntil.push(0) - 1;
    busyUntil[client] = op.return === undefined ? Infinity : Number(op.return);
    clients[i] = client;
  }
  return ops.map((op, i) => ({ ...op, clientId: clients[i]! }));
}

const simulation = fc.record({
  seed: fc.integer(),
  operations: fc.integer({ min: 1, max: 80 }),
  keys: fc.integer({ min: 1, max: 3 }),
  clients: fc.integer({ min: 1, max: 8 }),
  unknownRate: fc.constantFrom(0, 0.05, 0.2),
});

describe("histories of a sequential execution", () => {
  it("are linearizable for a register, with overlaps, timeouts and writes never applied", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const history = sequentialRegisterHistory(steps);
        expect(checkHistory(registerModel, history).verdict).toBe("linearizable");
      }),
      { numRuns: 300 },
    );
  });

  it("are linearizable for Sync Map items run by concurrent clients", () => {
    fc.assert(
      fc.property(simulation, ({ seed, ...options }) => {
        const history = simulateItemHistory({ ...options, random: seededRandom(seed) });
        expect(checkHistory(syncMapItemModel, history).verdict).toBe("linearizable");
      }),
      { numRuns: 150 },
    );
  });

  it("stop being linearizable when a read answers a value never written", () => {
    const withRead = fc
      .array(step, { minLength: 1, maxLength: 30 })
      .chain((steps) =>
        fc.record({ steps: fc.constant(steps), victim: fc.nat({ max: steps.length - 1 }) }),
      );
    fc.assert(
      fc.property(withRead, ({ steps, victim }) => {
        const history = sequentialRegisterHistory(steps);
        const read = history[victim]!;
        fc.pre(read.input.kind === "read" && read.output !== undefined);
        history[victim] = { ...read, output: -1 };
        expect(checkHistory(registerModel, history).verdict).toBe("violation");
      }),
      { numRuns: 200 },
    );
  });

  it("stop being linearizable when a fetch answers item data never written", () => {
    // Refuting a history means trying every order, so these stay small to stay quick.
    const small = fc.record({
      seed: fc.integer(),
      operations: fc.integer({ min: 1, max: 40 }),
      keys: fc.integer({ min: 1, max: 3 }),
      clients: fc.integer({ min: 1, max: 6 }),
      unknownRate: fc.constantFrom(0, 0.05),
    });
    fc.assert(
      fc.property(small, fc.nat(), ({ seed, ...options }, pick) => {
        const history = simulateItemHistory({ ...options, random: seededRandom(seed) });
        const fetched = history.flatMap((op, i) =>
          op.output?.status === 200 && op.input.kind === "fetch" ? [i] : [],
        );
        fc.pre(fetched.length > 0);
        const victim = fetched[pick % fetched.length]!;
        const op = history[victim]!;
        history[victim] = { ...op, output: { ...op.output!, data: { never: "written" } } };
        const result = checkHistory(syncMapItemModel, history, { explainBudgetMs: 500 });
        expect(result.verdict).toBe("violation");
        // Any set that stays unexplained holds it: without it the history is a true one.
        expect(result.violations[0]!.unexplained).toContain(victim);
      }),
      { numRuns: 150 },
    );
  });

  it("are usually caught when one answer's status is changed to another the operation has", () => {
    const statuses = {
      create: [201, 409],
      fetch: [200, 404],
      update: [200, 404, 412],
      delete: [204, 404, 412],
    };
    let caught = 0;
    const cases = 200;
    for (let seed = 0; seed < cases; seed++) {
      const random = seededRandom(seed);
      const history = simulateItemHistory({ operations: 30, keys: 2, clients: 4, random });
      const known = history.flatMap((op, i) => (op.output === undefined ? [] : [i]));
      const victim = known[Math.floor(random() * known.length)]!;
      const op = history[victim]!;
      const others = statuses[op.input.kind].filter((s) => s !== op.output!.status);
      const status = others[Math.floor(random() * others.length)]!;
      history[victim] = { ...op, output: { ...op.output!, status } };
      if (checkHistory(syncMapItemModel, history, { explain: false }).verdict === "violation")
        caught++;
    }
    // Some changes stay explainable (a 404 racing a delete); most must not.
    expect(caught / cases).toBeGreaterThan(0.75);
  });
});
