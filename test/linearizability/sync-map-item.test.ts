import { describe, expect, it } from "vitest";
import {
  checkHistory,
  syncMapItemModel,
  type ItemInput,
  type ItemOutput,
  type Operation,
} from "../../src/linearizability/index.ts";

type ItemOp = Operation<ItemInput, ItemOutput>;
const at = { map: "MP1", key: "k" };

/** One client's request at [call, ret], answered `status`, optionally with a revision and data. */
function op(client: number, [call, ret]: [number, number], input: ItemInput, output?: ItemOutput) {
  const timing = { clientId: client, call, input };
  return (output === undefined ? timing : { ...timing, return: ret, output }) as ItemOp;
}
const create = (data: unknown): ItemInput => ({ kind: "create", ...at, data });
const fetch: ItemInput = { kind: "fetch", ...at };
const update = (data: unknown, ifMatch?: string): ItemInput => ({
  kind: "update",
  ...at,
  data,
  ...(ifMatch === undefined ? {} : { ifMatch }),
});
const remove = (ifMatch?: string): ItemInput => ({
  kind: "delete",
  ...at,
  ...(ifMatch === undefined ? {} : { ifMatch }),
});
const ok = (status: number, revision?: string, data?: unknown): ItemOutput => ({
  status,
  ...(revision === undefined ? {} : { revision }),
  ...(data === undefined ? {} : { data }),
});
const verdict = (history: ItemOp[]) => checkHistory(syncMapItemModel, history).verdict;

const created = op(1, [0, 1], create({ n: 0 }), ok(201, "r0"));

describe("Sync Map item histories", () => {
  it("accepts a life of an item: create, fetch, conditional update, delete, fetch", () => {
    const history = [
      created,
      op(1, [2, 3], fetch, ok(200, "r0", { n: 0 })),
      op(2, [4, 5], update({ n: 1 }, "r0"), ok(200, "r1")),
      op(1, [6, 7], remove("r1"), ok(204)),
      op(2, [8, 9], fetch, ok(404)),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("refuses a lost update: two If-Match updates on one revision both succeed", () => {
    const history = [
      created,
      op(2, [2, 10], update({ n: 1 }, "r0"), ok(200, "r1")),
      op(3, [3, 11], update({ n: 2 }, "r0"), ok(200, "r2")),
    ];
    const [violation] = checkHistory(syncMapItemModel, history).violations;
    expect(violation?.verdict).toBe("violation");
    expect(violation?.unexplained).toEqual(expect.arrayContaining([1, 2]));
  });

  it("accepts racing If-Match updates where one wins and the other gets 412", () => {
    const history = [
      created,
      op(2, [2, 10], update({ n: 1 }, "r0"), ok(412)),
      op(3, [3, 11], update({ n: 2 }, "r0"), ok(200, "r2")),
      op(1, [12, 13], fetch, ok(200, "r2", { n: 2 })),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("refuses a 412 no placement makes legal, and accepts one a concurrent write explains", () => {
    const alone = [created, op(2, [2, 3], update({ n: 1 }, "r0"), ok(412))];
    const raced = [...alone, op(3, [2, 4], update({ n: 2 }), ok(200, "r5"))];
    expect(verdict(alone)).toBe("violation");
    expect(verdict(raced)).toBe("linearizable");
  });

  it("refuses a stale read: the data of a write overwritten before the fetch was called", () => {
    const history = [
      created,
      op(2, [2, 3], update({ n: 1 }), ok(200, "r1")),
      op(3, [4, 5], fetch, ok(200, "r0", { n: 0 })),
    ];
    const [violation] = checkHistory(syncMapItemModel, history).violations;
    expect(violation?.stuck).toBe(2);
    expect(violation?.unexplained).toEqual([1, 2]);
  });

  it("refuses a fetch whose revision is not the last write's", () => {
    const history = [created, op(2, [2, 3], fetch, ok(200, "r9", { n: 0 }))];
    expect(verdict(history)).toBe("violation");
  });

  it("refuses a revision repeated within one life and accepts it in the next life", () => {
    const reused = [
      created,
      op(1, [2, 3], update({ n: 1 }), ok(200, "r1")),
      op(1, [4, 5], update({ n: 2 }), ok(200, "r0")),
    ];
    const reborn = [
      created,
      op(1, [2, 3], remove(), ok(204)),
      op(1, [4, 5], create({ n: 1 }), ok(201, "r0")),
    ];
    expect(verdict(reused)).toBe("violation");
    expect(verdict(reborn)).toBe("linearizable");
  });

  it("refuses two creates that both succeed and a 409 with no item", () => {
    const twice = [created, op(2, [2, 3], create({ n: 1 }), ok(201, "r0"))];
    const conflictAlone = [op(2, [0, 1], create({ n: 1 }), ok(409))];
    expect(verdict(twice)).toBe("violation");
    expect(verdict(conflictAlone)).toBe("violation");
  });

  it("accepts racing creates where exactly one wins, whatever its data's key order", () => {
    const history = [
      op(1, [0, 5], create({ a: 1, b: 2 }), ok(201, "r0")),
      op(2, [1, 6], create({ c: 3 }), ok(409)),
      op(3, [7, 8], fetch, ok(200, "r0", { b: 2, a: 1 })),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("accepts a timed-out create that shows later, and learns its unseen revision", () => {
    const history = [
      op(1, [0, 1], create({ n: 0 })),
      op(2, [5, 6], fetch, ok(200, "x7", { n: 0 })),
      op(2, [7, 8], update({ n: 1 }, "x7"), ok(200, "x8")),
      op(3, [9, 10], fetch, ok(200, "x8", { n: 1 })),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("accepts a timed-out update that never shows", () => {
    const history = [
      created,
      op(2, [2, 3], update({ n: 1 }, "r0")),
      op(3, [10, 11], fetch, ok(200, "r0", { n: 0 })),
      op(3, [12, 13], update({ n: 2 }, "r0"), ok(200, "r1")),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("refuses a revision learned from one answer and contradicted by the next", () => {
    const history = [
      op(1, [0, 1], create({ n: 0 })),
      op(2, [5, 6], fetch, ok(200, "x7", { n: 0 })),
      op(3, [7, 8], fetch, ok(200, "x8", { n: 0 })),
    ];
    expect(verdict(history)).toBe("violation");
  });

  it("refuses a delete with a stale If-Match that succeeds", () => {
    const history = [
      created,
      op(1, [2, 3], update({ n: 1 }), ok(200, "r1")),
      op(2, [4, 5], remove("r0"), ok(204)),
    ];
    expect(verdict(history)).toBe("violation");
    expect(verdict([...history.slice(0, 2), op(2, [4, 5], remove("r0"), ok(412))])).toBe(
      "linearizable",
    );
  });

  it("accepts 404 or 412 for an If-Match write to no item, and refuses 404 for an item", () => {
    expect(verdict([op(1, [0, 1], update({ n: 1 }, "r0"), ok(404))])).toBe("linearizable");
    expect(verdict([op(1, [0, 1], remove("r0"), ok(412))])).toBe("linearizable");
    expect(verdict([created, op(1, [2, 3], remove("r0"), ok(404))])).toBe("violation");
  });

  it("refuses an answer status the operation does not have", () => {
    expect(verdict([created, op(2, [2, 3], fetch, ok(500))])).toBe("violation");
  });

  it("checks each (map, key) alone", () => {
    const other: ItemInput = { kind: "fetch", map: "MP2", key: "k" };
    const history = [created, op(2, [2, 3], other, ok(404))];
    const result = checkHistory(syncMapItemModel, history);
    expect(result.partitions.map((p) => p.verdict)).toEqual(["linearizable", "linearizable"]);
  });
});
