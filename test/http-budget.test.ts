// The request budget: slots in flight, the run's rate, each map's documented rate, and what
// a 429 does — retried with back-off and counted, never a verdict unless retries run out.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestBudget, SlidingWindow, mapOfPath } from "../src/http/budget.ts";
import { HttpClient, backoffMs } from "../src/http/client.ts";
import { SyncMapApi } from "../src/http/syncApi.ts";
import { behaviour } from "../src/behaviours/define.ts";
import { runBehaviour } from "../src/behaviours/run.ts";
import type { BehaviourSpec } from "../src/behaviours/environment.ts";
import { BURST_WINDOW_SECONDS, PER_OBJECT_WRITES_PER_SECOND } from "../src/spec/documented.ts";

/** A clock that only moves when someone sleeps: waits are measured, never spent. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void> } {
  let now = 0;
  return {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
  };
}

const MAP_ITEMS = "/v1/Services/IS1/Maps/MP1/Items";

describe("RequestBudget", () => {
  it("lets at most `concurrency` requests be in flight at once", async () => {
    const budget = new RequestBudget({ concurrency: 2, perMap: false });
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 7 }, async () => {
        const release = await budget.acquire({ method: "GET", path: "/v1/x" });
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        release();
      }),
    );
    expect(most).toBe(2);
  });

  it("keeps one map's writes to the documented rate over the burst window", async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ concurrency: 1000, ...time });
    const burst = PER_OBJECT_WRITES_PER_SECOND * BURST_WINDOW_SECONDS;
    const sentAt: number[] = [];
    for (let i = 0; i < burst * 2; i += 1) {
      (await budget.acquire({ method: "POST", path: `${MAP_ITEMS}/k${i}` }))();
      sentAt.push(time.now());
    }
    const windowMs = BURST_WINDOW_SECONDS * 1000;
    for (const [index, at] of sentAt.entries()) {
      const inWindow = sentAt.filter((other, j) => j <= index && other > at - windowMs);
      expect(inWindow.length).toBeLessThanOrEqual(burst);
    }
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(windowMs);
  });

  it("counts reads and writes apart, and other maps not at all", async () => {
    const time = fakeTime();
    const budget = new RequestBudget({
      concurrency: 10,
      perMap: { perSecond: 1, windowSeconds: 2 },
      ...time,
    });
    (await budget.acquire({ method: "POST", path: MAP_ITEMS }))();
    (await budget.acquire({ method: "POST", path: MAP_ITEMS }))();
    (await budget.acquire({ method: "GET", path: MAP_ITEMS }))();
    (await budget.acquire({ method: "POST", path: "/v1/Services/IS1/Maps/MP2" }))();
    (await budget.acquire({ method: "POST", path: "/v1/Services/IS1/Maps" }))();
    expect(time.now()).toBe(0);
    (await budget.acquire({ method: "DELETE", path: "/v1/Services/IS1/Maps/MP1" }))();
    expect(time.now()).toBe(2000);
  });

  it("holds the whole run under --max-rps", async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ concurrency: 50, maxRps: 10, perMap: false, ...time });
    for (let i = 0; i < 30; i += 1) (await budget.acquire({ method: "GET", path: "/v1/x" }))();
    expect(time.now()).toBeGreaterThanOrEqual(2000);
    expect(time.now()).toBeLessThan(3000);
  });

  it("pauses every request after a 429 for the time it was told", async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ concurrency: 5, ...time });
    budget.throttle(750);
    (await budget.acquire({ method: "GET", path: "/v1/x" }))();
    expect(time.now()).toBe(750);
    expect(budget.throttled).toBe(1);
  });
});

describe("a rate learnt from 429s", () => {
  it("goes a little under what the target took in the last second, then relaxes", async () => {
    const time = fakeTime();
    const budget = new RequestBudget({ concurrency: 500, perMap: false, ...time });
    for (let i = 0; i < 100; i += 1) {
      (await budget.acquire({ method: "GET", path: "/v1/x" }))();
      budget.answered();
    }
    budget.throttle(0);
    const started = time.now();
    for (let i = 0; i < 180; i += 1) {
      (await budget.acquire({ method: "GET", path: "/v1/x" }))();
      budget.answered();
    }
    // 90 a second at first, a tenth more each quiet second: 180 take about two seconds.
    expect(time.now() - started).toBeGreaterThanOrEqual(1000);
    expect(time.now() - started).toBeLessThan(2500);
  });
});

describe("the budget's pieces", () => {
  it("names the map a path reads or writes, items and permissions included", () => {
    expect(mapOfPath("/v1/Services/IS1/Maps/MP1/Items/k")).toBe("IS1/MP1");
    expect(mapOfPath("/v1/Services/IS1/Maps/name%20x/Permissions/i")).toBe("IS1/name%20x");
    expect(mapOfPath("/v1/Services/IS1/Maps?PageSize=5")).toBeUndefined();
  });

  it("a sliding window forgets what is older than the window", () => {
    const window = new SlidingWindow(2, 1000);
    window.record(0);
    window.record(10);
    expect(window.waitMs(500)).toBe(500);
    expect(window.waitMs(999)).toBe(1);
    expect(window.waitMs(1000)).toBe(0);
    expect(window.idleSince(1000)).toBe(false);
    expect(window.idleSince(1010)).toBe(true);
  });

  it("backs off exponentially with jitter when no Retry-After is given, within a cap", () => {
    expect(backoffMs(0, undefined, () => 0)).toBe(250);
    expect(backoffMs(0, undefined, () => 0.999)).toBeCloseTo(500, -1);
    expect(backoffMs(2, undefined, () => 0.5)).toBe(1500);
    expect(backoffMs(12, undefined, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(backoffMs(1, "3")).toBe(3000);
  });
});

describe("a throttling target", () => {
  let server: Server;
  let baseUrl: string;
  /** How many of the next requests answer 429 (no Retry-After), per path. */
  const refusals = new Map<string, number>();
  const tooMany = (response: ServerResponse): void => {
    response.writeHead(429, { "content-type": "application/json" });
    response.end('{"code":20429,"message":"Too many requests","status":429}');
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://x").pathname;
      const left = refusals.get(path) ?? 0;
      if (left > 0) {
        refusals.set(path, left - 1);
        tooMany(response);
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"sid":"MP1"}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const waits: number[] = [];
  function client(maxRetriesOn429?: number): HttpClient {
    const budget = new RequestBudget({ concurrency: 4, ...fakeTime() });
    return new HttpClient({
      baseUrl,
      accountSid: "AC1",
      authToken: "token-0123",
      timeoutMs: 2_000,
      budget,
      ...(maxRetriesOn429 === undefined ? {} : { maxRetriesOn429 }),
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
  }

  it("retries a 429 without Retry-After after growing waits, and counts each", async () => {
    waits.length = 0;
    refusals.set("/v1/Services/IS1/Maps/MP1", 3);
    const http = client();
    const api = new SyncMapApi(http, "IS1");
    const exchange = await api.fetchMap("MP1");
    await http.close();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.retries).toBe(3);
    expect(api.throttledCount).toBe(3);
    expect(api.throttledOut).toBeUndefined();
    expect(waits).toHaveLength(3);
    expect(waits[2] ?? 0).toBeGreaterThanOrEqual(1000);
  });

  const spec = {} as BehaviourSpec;
  const settings = { accountSid: "AC1", serviceSid: "IS1", runPrefix: "smc-t-", seed: 1, runs: 1 };

  it("judges a behaviour whose 429s were retried away as if none had come", async () => {
    refusals.set("/v1/Services/IS1/Maps/MP2", 2);
    const http = client();
    const api = new SyncMapApi(http, "IS1");
    const definition = behaviour("T-RETRIED", async (t) => {
      const answer = await t.api.fetchMap("MP2");
      if (answer.response?.status !== 200)
        t.failWith({ check: "c", title: "x", received: "?", documented: "200" }, "");
    });
    const outcome = await runBehaviour(definition, { api, spec, config: settings });
    await http.close();
    expect(outcome.outcome).toBe("passed");
    expect(outcome.throttled).toBe(2);
  });

  it("reports a behaviour as broken, not failed, when retries run out", async () => {
    refusals.set("/v1/Services/IS1/Maps/MP3", 10);
    const http = client(2);
    const api = new SyncMapApi(http, "IS1");
    const definition = behaviour("T-THROTTLED", async (t) => {
      const answer = await t.api.fetchMap("MP3");
      if (answer.response?.status !== 200)
        t.failWith({ check: "c", title: "x", received: "429", documented: "200" }, "");
    });
    const outcome = await runBehaviour(definition, { api, spec, config: settings });
    await http.close();
    expect(outcome.outcome).toBe("broken");
    expect(outcome.failures).toEqual([]);
    expect(outcome.brokenReason).toMatch(
      /rate limited: GET \/v1\/Services\/IS1\/Maps\/MP3 still answered 429 after 2 retries/,
    );
    expect(outcome.throttled).toBe(3);
  });
});
