import { describe, expect, it } from "vitest";
import {
  checkHistory,
  counterModel,
  registerModel,
  type Model,
  type Operation,
  type RegisterInput,
  type RegisterOutput,
} from "../../src/linearizability/index.ts";

type RegisterOp = Operation<RegisterInput, RegisterOutput>;

const write = (client: number, call: number, ret: number, value: number, key?: string) =>
  ({
    clientId: client,
    call,
    return: ret,
    input: { kind: "write", value, key },
    output: "ok",
  }) as RegisterOp;
const read = (client: number, call: number, ret: number, value: number, key?: string) =>
  ({
    clientId: client,
    call,
    return: ret,
    input: { kind: "read", key },
    output: value,
  }) as RegisterOp;
const cas = (
  client: number,
  call: number,
  ret: number,
  from: number,
  to: number,
  swapped: boolean,
) =>
  ({
    clientId: client,
    call,
    return: ret,
    input: { kind: "cas", expected: from, value: to },
    output: swapped,
  }) as RegisterOp;
/** A write that timed out: no return, no output. */
const lostWrite = (client: number, call: number, value: number): RegisterOp => ({
  clientId: client,
  call,
  input: { kind: "write", value },
});

describe("register histories", () => {
  it("accepts a sequential history and gives its order", () => {
    const result = checkHistory(registerModel, [
      write(1, 0, 1, 1),
      read(2, 2, 3, 1),
      write(1, 4, 5, 2),
    ]);
    expect(result.verdict).toBe("linearizable");
    expect(result.partitions[0]!.order).toEqual([0, 1, 2]);
    expect(result.partitions[0]!.statesAfter).toEqual(["1", "1", "2"]);
  });

  it("accepts a read concurrent with a write seeing either value", () => {
    const before = checkHistory(registerModel, [write(1, 0, 10, 1), read(2, 2, 3, 0)]);
    const after = checkHistory(registerModel, [write(1, 0, 10, 1), read(2, 2, 3, 1)]);
    expect([before.verdict, after.verdict]).toEqual(["linearizable", "linearizable"]);
    expect(after.partitions[0]!.order).toEqual([0, 1]);
  });

  it("refuses a stale read: a value overwritten before the read was called", () => {
    const history = [write(1, 0, 1, 1), write(2, 2, 3, 2), read(3, 4, 5, 1)];
    const [violation] = checkHistory(registerModel, history).violations;
    expect(violation?.stuck).toBe(2);
    expect(violation?.order).toEqual([0, 1]);
    expect(violation?.unexplained).toEqual([1, 2]);
    expect(violation?.unexplainedIsMinimal).toBe(true);
  });

  it("refuses a read of a value never written, naming only that read", () => {
    const [violation] = checkHistory(registerModel, [
      write(1, 0, 5, 1),
      read(2, 1, 2, 7),
    ]).violations;
    expect(violation?.unexplained).toEqual([1]);
  });

  it("refuses a lost update: two compare-and-sets from the same value both succeed", () => {
    const lost = checkHistory(registerModel, [
      cas(1, 0, 10, 0, 1, true),
      cas(2, 1, 11, 0, 1, true),
    ]);
    const fine = checkHistory(registerModel, [
      cas(1, 0, 10, 0, 1, true),
      cas(2, 1, 11, 0, 1, false),
    ]);
    expect(lost.verdict).toBe("violation");
    expect(lost.violations[0]!.unexplained).toEqual([0, 1]);
    expect(fine.verdict).toBe("linearizable");
  });

  it("refuses a lost increment of a counter and accepts concurrent ones that add up", () => {
    const add = (client: number, call: number, ret: number, value: number) => ({
      clientId: client,
      call,
      return: ret,
      input: { kind: "add" as const, delta: 1 },
      output: value,
    });
    expect(checkHistory(counterModel, [add(1, 0, 10, 1), add(2, 1, 11, 1)]).verdict).toBe(
      "violation",
    );
    expect(checkHistory(counterModel, [add(1, 0, 10, 2), add(2, 1, 11, 1)]).verdict).toBe(
      "linearizable",
    );
  });

  it("accepts a timed-out write that shows later and one that never shows", () => {
    const shows = checkHistory(registerModel, [
      lostWrite(1, 0, 5),
      read(2, 10, 11, 0),
      read(2, 20, 21, 5),
    ]);
    const never = checkHistory(registerModel, [
      lostWrite(1, 0, 5),
      read(2, 10, 11, 0),
      read(2, 20, 21, 0),
    ]);
    expect([shows.verdict, never.verdict]).toEqual(["linearizable", "linearizable"]);
  });

  it("refuses a timed-out write that shows before its call or takes effect twice", () => {
    const early = checkHistory(registerModel, [read(2, 0, 1, 5), lostWrite(1, 2, 5)]);
    const twice = [lostWrite(1, 0, 5), read(2, 1, 2, 5), write(3, 3, 4, 1), read(2, 5, 6, 5)];
    expect(early.verdict).toBe("violation");
    expect(checkHistory(registerModel, twice).verdict).toBe("violation");
  });

  it("checks each key alone and reports only the key in violation", () => {
    const history = [write(1, 0, 1, 1, "a"), read(2, 2, 3, 1, "b"), read(3, 2, 3, 1, "a")];
    const result = checkHistory(registerModel, history);
    expect(result.partitions).toHaveLength(2);
    expect(result.violations.map((v) => v.operations)).toEqual([[1]]);
  });

  it("accepts bigint times from process.hrtime.bigint()", () => {
    const base = 9_007_199_254_740_993n;
    const at = (ns: number) => base + BigInt(ns);
    const history: RegisterOp[] = [
      { clientId: 1, call: at(0), return: at(1), input: { kind: "write", value: 1 }, output: "ok" },
      { clientId: 2, call: at(2), return: at(3), input: { kind: "read" }, output: 0 },
    ];
    expect(checkHistory(registerModel, history).verdict).toBe("violation");
  });

  it("refuses a history that mixes bigint and number times", () => {
    const mixed: RegisterOp[] = [{ ...write(1, 0, 1, 1), call: 0n, return: 1n }, read(2, 2, 3, 1)];
    expect(() => checkHistory(registerModel, mixed)).toThrow(TypeError);
  });

  it("gives up with a timeout verdict when the time limit passes", () => {
    const history = Array.from({ length: 3000 }, (_, i) => write(1, 2 * i, 2 * i + 1, i));
    expect(checkHistory(registerModel, history, { timeoutMs: 0 }).verdict).toBe("timeout");
  });

  it("follows every branch of a nondeterministic step", () => {
    const coin: Model<string, "flip" | "look", string> = {
      init: () => "?",
      step: (state, input, output) =>
        input === "flip"
          ? ["heads", "tails"]
          : state === output || output === undefined
            ? [state]
            : [],
      hash: (state) => state,
    };
    const op = (input: "flip" | "look", output: string, call: number) => ({
      clientId: 1,
      call,
      return: call + 1,
      input,
      output,
    });
    const tails = [op("flip", "done", 0), op("look", "tails", 2), op("look", "tails", 4)];
    const flipFlop = [op("flip", "done", 0), op("look", "tails", 2), op("look", "heads", 4)];
    expect(checkHistory(coin, tails).verdict).toBe("linearizable");
    expect(checkHistory(coin, flipFlop).verdict).toBe("violation");
  });
});
