import { describe, expect, it } from "vitest";
import {
  checkHistory,
  syncServiceModel,
  type Operation,
  type ServiceInput,
  type ServiceOutput,
} from "../../src/linearizability/index.ts";

type Op = Operation<ServiceInput, ServiceOutput>;

function op(
  client: number,
  [call, ret]: [number, number],
  input: ServiceInput,
  output?: ServiceOutput,
): Op {
  const timing = { clientId: client, call, input };
  return (output === undefined ? timing : { ...timing, return: ret, output }) as Op;
}
const verdict = (history: Op[]) => checkHistory(syncServiceModel, history).verdict;

const perm = { resource: "permission", map: "MP1", identity: "alice" } as const;
const rw = { read: true, write: true, manage: false };
const none = { read: false, write: false, manage: false };
const named = { resource: "map", name: "orders" } as const;
const item = { resource: "item", map: "MP1", key: "k" } as const;

describe("the permission model", () => {
  it("accepts a put, a fetch of its flags, a delete and a fetch answered 404", () => {
    const history = [
      op(1, [0, 1], { ...perm, kind: "put", flags: rw }, { status: 200, flags: rw }),
      op(2, [2, 3], { ...perm, kind: "fetch" }, { status: 200, flags: rw }),
      op(1, [4, 5], { ...perm, kind: "delete" }, { status: 204 }),
      op(2, [6, 7], { ...perm, kind: "fetch" }, { status: 404 }),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("accepts every flag false as no permission, since the documents allow either answer", () => {
    const history = [
      op(1, [0, 1], { ...perm, kind: "put", flags: none }, { status: 200, flags: none }),
      op(2, [2, 3], { ...perm, kind: "fetch" }, { status: 404 }),
      op(2, [4, 5], { ...perm, kind: "fetch" }, { status: 200, flags: none }),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("refuses a lost put: a fetch after the put returned finds nothing", () => {
    const history = [
      op(1, [0, 1], { ...perm, kind: "put", flags: rw }, { status: 200, flags: rw }),
      op(2, [2, 3], { ...perm, kind: "fetch" }, { status: 404 }),
    ];
    expect(verdict(history)).toBe("violation");
  });

  it("accepts a fetch that overlaps a put seeing either side of it", () => {
    const put = op(1, [0, 10], { ...perm, kind: "put", flags: rw }, { status: 200, flags: rw });
    const before = op(2, [1, 2], { ...perm, kind: "fetch" }, { status: 404 });
    const after = op(3, [3, 4], { ...perm, kind: "fetch" }, { status: 200, flags: rw });
    expect(verdict([put, before, after])).toBe("linearizable");
    expect(verdict([put, after, op(2, [5, 6], { ...perm, kind: "fetch" }, { status: 404 })])).toBe(
      "violation",
    );
  });
});

describe("the map-by-unique-name model", () => {
  it("refuses two creates of one unique_name both answered 201", () => {
    const history = [
      op(1, [0, 5], { ...named, kind: "create" }, { status: 201, sid: "MP1" }),
      op(2, [1, 6], { ...named, kind: "create" }, { status: 201, sid: "MP2" }),
    ];
    expect(verdict(history)).toBe("violation");
  });

  it("accepts one create answered 201 and the racing one 409, then a fetch of the winner", () => {
    const history = [
      op(1, [0, 5], { ...named, kind: "create" }, { status: 201, sid: "MP1" }),
      op(2, [1, 6], { ...named, kind: "create" }, { status: 409 }),
      op(3, [7, 8], { ...named, kind: "fetch" }, { status: 200, sid: "MP1" }),
    ];
    expect(verdict(history)).toBe("linearizable");
  });

  it("refuses a fetch naming another map than the one created, and learns unseen sids", () => {
    const created = op(1, [0, 1], { ...named, kind: "create" }, { status: 201, sid: "MP1" });
    const other = op(2, [2, 3], { ...named, kind: "fetch" }, { status: 200, sid: "MP9" });
    expect(verdict([created, other])).toBe("violation");
    const timedOut = op(1, [0, 1], { ...named, kind: "create" });
    const learned = op(2, [2, 3], { ...named, kind: "fetch" }, { status: 200, sid: "MP9" });
    const again = op(2, [4, 5], { ...named, kind: "fetch" }, { status: 200, sid: "MP8" });
    expect(verdict([timedOut, learned])).toBe("linearizable");
    expect(verdict([timedOut, learned, again])).toBe("violation");
  });
});

describe("the service model", () => {
  it("checks items, permissions and maps as independent partitions", () => {
    const history = [
      op(1, [0, 1], { ...item, kind: "create", data: { n: 1 } }, { status: 201, revision: "0" }),
      op(2, [0, 1], { ...perm, kind: "put", flags: rw }, { status: 200, flags: rw }),
      op(3, [0, 1], { ...named, kind: "create" }, { status: 201, sid: "MP7" }),
      op(
        1,
        [2, 3],
        { ...item, kind: "fetch", via: "list" },
        { status: 200, revision: "0", data: { n: 1 } },
      ),
    ];
    const result = checkHistory(syncServiceModel, history);
    expect(result.verdict).toBe("linearizable");
    expect(result.partitions).toHaveLength(3);
  });

  it("names the partition and the operations no order explains", () => {
    const history = [
      op(1, [0, 1], { ...item, kind: "create", data: { n: 1 } }, { status: 201, revision: "0" }),
      op(2, [2, 3], { ...item, kind: "fetch" }, { status: 404 }),
      op(3, [0, 1], { ...named, kind: "create" }, { status: 201, sid: "MP7" }),
    ];
    const [violation] = checkHistory(syncServiceModel, history).violations;
    expect(violation?.operations).toEqual([0, 1]);
    expect(violation?.unexplained).toEqual(expect.arrayContaining([1]));
    expect(syncServiceModel.describe?.(history[1]!.input, history[1]!.output)).toBe(
      "fetch k → 404",
    );
  });
});
