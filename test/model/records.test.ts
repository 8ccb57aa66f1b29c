// Every answer compared whole: a read shows the object exactly as its last answer did,
// a write changes only the fields it may, and a field something undocumented may have
// changed is learnt again from the next answer.
import { describe, expect, it } from "vitest";
import { dateMovesWithWrites } from "../../src/checks/index.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { SyncMapApi } from "../../src/http/syncApi.ts";
import type { HttpClient } from "../../src/http/client.ts";
import { READ, expectShownAgain, unsettle, written } from "../../src/model/commands/records.ts";
import { ModelMismatch, RealSystem } from "../../src/model/real.ts";

const exchange = {
  request: { method: "GET", url: "http://127.0.0.1/x", headers: {}, authenticated: true },
  response: { status: 200, headers: {}, bodyText: "{}" },
  elapsedMs: 1,
  retries: 0,
  sentAt: 0,
} as Exchange;

const api = new SyncMapApi({} as HttpClient, "IS00000000000000000000000000000000");

function mismatchOf(assertion: () => unknown): string | undefined {
  try {
    assertion();
  } catch (error) {
    if (error instanceof ModelMismatch) return `${error.found.check}: ${error.found.received}`;
    throw error;
  }
  return undefined;
}

const item = {
  key: "a",
  revision: "1",
  data: { n: 1 },
  date_expires: "2030-01-01T00:10:00Z",
  date_created: "2030-01-01T00:00:00Z",
  date_updated: "2030-01-01T00:00:00Z",
  created_by: "system",
};

describe("answers compared whole", () => {
  it("hold a read to every field the object showed last, new fields included", () => {
    const real = new RealSystem(api, "ns-");
    expectShownAgain(real, exchange, "m0/a", "item a", item, written(0, []));
    expect(mismatchOf(() => expectShownAgain(real, exchange, "m0/a", "item a", item, READ))).toBe(
      undefined,
    );
    const slid = { ...item, date_expires: "2030-01-01T00:10:02Z" };
    expect(mismatchOf(() => expectShownAgain(real, exchange, "m0/a", "item a", slid, READ))).toBe(
      'value_is_documented: date_expires of item a = "2030-01-01T00:10:02Z"',
    );
  });

  it("let a write change only the fields it may", () => {
    const real = new RealSystem(api, "ns-");
    expectShownAgain(real, exchange, "m0/a", "item a", item, written(0, []));
    const dataOnly = written(1, ["revision", "date_updated", "data"]);
    const updated = {
      ...item,
      revision: "2",
      data: { n: 2 },
      date_updated: "2030-01-01T00:00:03Z",
    };
    expect(
      mismatchOf(() => expectShownAgain(real, exchange, "m0/a", "item a", updated, dataOnly)),
    ).toBe(undefined);
    const moved = { ...updated, revision: "3", date_expires: "2030-01-01T00:10:06Z" };
    expect(
      mismatchOf(() => expectShownAgain(real, exchange, "m0/a", "item a", moved, dataOnly)),
    ).toContain("date_expires of item a");
  });

  it("learn again a field that something undocumented may have changed", () => {
    const real = new RealSystem(api, "ns-");
    const map = { sid: "MP1", revision: "0", date_updated: "2030-01-01T00:00:00Z" };
    expectShownAgain(real, exchange, "m0", "map#0", map, written(0, []));
    unsettle(real, "m0", ["revision"]);
    const after = { ...map, revision: "7" };
    expect(mismatchOf(() => expectShownAgain(real, exchange, "m0", "map#0", after, READ))).toBe(
      undefined,
    );
    expect(
      mismatchOf(() =>
        expectShownAgain(real, exchange, "m0", "map#0", { ...after, revision: "8" }, READ),
      ),
    ).toContain("revision of map#0");
  });

  it("forget what a deleted object showed, with everything under it", () => {
    const real = new RealSystem(api, "ns-");
    expectShownAgain(real, exchange, "m0", "map#0", { sid: "MP1" }, written(0, []));
    expectShownAgain(real, exchange, "m0/a", "item a", item, written(1, []));
    expectShownAgain(real, exchange, "m1", "map#1", { sid: "MP2" }, written(2, []));
    real.forget("m0");
    expect([...real.shown.keys()]).toEqual(["m1"]);
  });
});

describe("date_moves_with_writes", () => {
  const stamp = (date: string, sentAt: number) => ({ date, sentAt, elapsedMs: 40 });
  const earlier = stamp("2030-01-01T00:00:00Z", Date.UTC(2030, 0, 1, 0, 0, 0, 300));
  const later = (date: string) => stamp(date, Date.UTC(2030, 0, 1, 0, 0, 2, 500));
  const run = (date: string, mode: "moves" | "may-stay") =>
    dateMovesWithWrites.run({
      subject: "date_updated",
      earlier,
      later: later(date),
      mode,
      documented: "d",
    });

  it("accepts a stamp as far from the earlier one as the requests were", () => {
    expect(run("2030-01-01T00:00:02Z", "moves")).toEqual([]);
  });

  it("refuses a stamp left behind, unless staying is documented as possible", () => {
    expect(run("2030-01-01T00:00:00Z", "moves")[0]?.check).toBe("date_moves_with_writes");
    expect(run("2030-01-01T00:00:00Z", "may-stay")).toEqual([]);
    expect(run("2030-01-01T00:00:09Z", "may-stay")[0]?.received).toContain("moved 9.0 s");
  });
});

describe("paths of near-duplicate keys and identities", () => {
  it("carry every reserved, space and combining character percent-encoded in one segment", () => {
    const map = "MP00000000000000000000000000000000";
    const tail = (key: string) => api.itemPath(map, key).split("/Items/")[1];
    expect(tail("a/b")).toBe("a%2Fb");
    expect(tail("a%2Fb")).toBe("a%252Fb");
    expect(tail(" key ")).toBe("%20key%20");
    expect(tail("ke\u0301y")).toBe("ke%CC%81y");
    expect(tail("key.")).toBe("key.");
    expect(api.permissionPath(map, "alice/").endsWith("/Permissions/alice%2F")).toBe(true);
  });
});
