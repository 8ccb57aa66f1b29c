import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  concurrentCounterexampleProblem,
  describeProgram,
  limitsFor,
  MapWritePacer,
  programArbitrary,
  REMOTE_MAPS_AT_ONCE,
  REMOTE_WRITES_PER_SECOND,
  shrinkProgram,
  smallerPrograms,
  UNIVERSE,
  type Program,
} from "../../src/concurrency/index.ts";
import { clientsFor, isLoopback } from "../../src/config/config.ts";
import { PER_OBJECT_WRITES_PER_SECOND } from "../../src/spec/documented.ts";

describe("politeness", () => {
  it("pushes hard only on the loopback address", () => {
    expect(isLoopback("http://127.0.0.1:4010")).toBe(true);
    expect(isLoopback("http://localhost:4010/v1")).toBe(true);
    expect(isLoopback("http://[::1]:4010")).toBe(true);
    expect(isLoopback("https://sync.twilio.com")).toBe(false);
    expect(isLoopback("http://10.0.0.5:4010")).toBe(false);
    expect(isLoopback("not a url")).toBe(false);
    const remote = limitsFor("https://sync.example.com", 8);
    expect(remote.mapsAtOnce).toBe(REMOTE_MAPS_AT_ONCE);
    expect(remote.writesPerSecondPerMap).toBeLessThan(PER_OBJECT_WRITES_PER_SECOND);
    expect(limitsFor("http://127.0.0.1:1", 8)).toMatchObject({ clients: 8, mapsAtOnce: 8 });
  });

  it("takes its clients from --concurrency, a worker's share of it, never fewer than two", () => {
    const embedded = { baseUrl: undefined, concurrency: undefined };
    expect(clientsFor(embedded, 2)).toBe(8);
    expect(clientsFor({ ...embedded, concurrency: 40 }, 2)).toBe(20);
    expect(clientsFor({ ...embedded, concurrency: 1 }, 1)).toBe(2);
    // 16 in flight off the loopback, six workers: a share of three.
    expect(clientsFor({ baseUrl: "https://sync.example.com", concurrency: undefined }, 6)).toBe(3);
  });

  it("keeps each map's writes in any second under the limit, a burst going together", async () => {
    let now = 0;
    const sentAt: number[] = [];
    const pacer = new MapWritePacer({
      writesPerSecond: REMOTE_WRITES_PER_SECOND,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    for (let burst = 0; burst < 10; burst++) {
      await pacer.reserve("MP1", 8);
      sentAt.push(...new Array<number>(8).fill(now));
    }
    for (const start of sentAt) {
      const inWindow = sentAt.filter((time) => time >= start && time < start + 1_000).length;
      expect(inWindow).toBeLessThanOrEqual(REMOTE_WRITES_PER_SECOND);
    }
    await pacer.reserve("MP2", 8);
    expect(sentAt.at(-1)).toBeGreaterThan(3_000);
    await expect(pacer.reserve("MP3", REMOTE_WRITES_PER_SECOND + 1)).rejects.toThrow(RangeError);
  });
});

describe("generated programs", () => {
  it("stay within the clients, operations and resources they were given", () => {
    fc.assert(
      fc.property(programArbitrary({ maxClients: 5, maxOpsPerClient: 3 }), (program) => {
        expect(program.clients.length).toBeGreaterThanOrEqual(2);
        expect(program.clients.length).toBeLessThanOrEqual(5);
        for (const ops of program.clients) expect(ops.length).toBeLessThanOrEqual(3);
        const saved = { behaviour: "SEQ-CONCURRENT", seed: 1, program };
        expect(concurrentCounterexampleProblem(saved)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it("refuse a saved program that names a resource outside the universe or an unknown op", () => {
    const saved = (op: unknown) => ({
      behaviour: "SEQ-CONCURRENT",
      seed: 1,
      program: { clients: [[op]] },
    });
    expect(
      concurrentCounterexampleProblem(saved({ op: "item.fetch", map: 0, key: UNIVERSE.keys })),
    ).toMatch(/"key" must be a whole number/);
    expect(concurrentCounterexampleProblem(saved({ op: "item.drop", map: 0 }))).toMatch(
      /"op" must be/,
    );
    expect(concurrentCounterexampleProblem(saved({ op: "item.update", map: 0, key: 0 }))).toMatch(
      /ifMatch/,
    );
    expect(
      concurrentCounterexampleProblem({ behaviour: "X", seed: 1, program: { clients: [] } }),
    ).toMatch(/non-empty/);
  });
});

describe("shrinking a concurrent program", () => {
  const op = (key: number) => ({ op: "item.fetch", map: 0, key }) as const;
  const program: Program = { clients: [[op(0), op(1)], [op(2)], [op(0), op(2)]] };

  it("tries smaller programs, biggest cuts first, each once, never an empty one", () => {
    const smaller = [...smallerPrograms(program)];
    // Three clients gone one at a time, then five single operations, one of which is a
    // client's only operation (the same program as that client gone: tried once).
    expect(smaller).toHaveLength(3 + 5 - 1);
    expect(new Set(smaller.map((p) => JSON.stringify(p))).size).toBe(smaller.length);
    for (const candidate of smaller) {
      expect(candidate.clients.flat().length).toBeLessThan(5);
      expect(candidate.clients.every((ops) => ops.length > 0)).toBe(true);
    }
    expect([...smallerPrograms({ clients: [[op(0)]] })]).toEqual([]);
    const four: Program = { clients: [[op(0), op(1), op(2)], [op(1)], [op(2)], [op(0)]] };
    const [firstHalf, secondHalf] = smallerPrograms(four);
    expect(firstHalf?.clients).toEqual(four.clients.slice(0, 2));
    expect(secondHalf?.clients).toEqual(four.clients.slice(2));
  });

  it("keeps the smallest program that fails on some attempt, within its run budget", async () => {
    // Fails whenever client lists hold both k0 and k2, but only on every other attempt.
    let attempt = 0;
    const fails = async (candidate: Program) => {
      attempt += 1;
      const keys = candidate.clients.flat().map((o) => ("key" in o ? o.key : -1));
      return keys.includes(0) && keys.includes(2) && attempt % 2 === 0 ? candidate : undefined;
    };
    const shrunk = await shrinkProgram(program, program, fails, { attempts: 3, maxRuns: 200 });
    expect(describeProgram(shrunk.program)).toHaveLength(2);
    expect(shrunk.steps).toBeGreaterThan(0);
    const capped = await shrinkProgram(program, program, async () => undefined, {
      attempts: 3,
      maxRuns: 7,
    });
    expect(capped.runs).toBe(7);
    expect(capped.program).toBe(program);
  });

  it("stops at its time budget and keeps what it has", async () => {
    let clock = 0;
    const slowAndPassing = async () => {
      clock += 1_000;
      return undefined;
    };
    const timed = await shrinkProgram(program, program, slowAndPassing, {
      attempts: 3,
      maxRuns: 1_000,
      maxMs: 5_000,
      now: () => clock,
    });
    expect(timed.runs).toBe(5);
    expect(timed.program).toBe(program);
  });
});
