// The page walker against a tiny node:http server on port 0: each scenario serves
// three pages of one record and ends (or fails to end) the list its own way.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient } from "../src/http/client.ts";
import type { Exchange } from "../src/http/exchange.ts";
import { followPages } from "../src/http/pages.ts";
import { SyncMapApi } from "../src/http/syncApi.ts";

const LAST_PAGE = 2;
let server: Server;
let baseUrl: string;
let client: HttpClient;
let api: SyncMapApi;

/** GET /<scenario>/<page>: page n lists {n}; the last page's link depends on the scenario. */
function answer(scenario: string, page: number): { status: number; body: string } {
  if (scenario === "broken" && page === 1) return { status: 500, body: '{"code":20500}' };
  if (scenario === "garbage" && page === 1) return { status: 200, body: "<html>" };
  const link = `${baseUrl}/${scenario}/${page + 1}`;
  const endings: Record<string, unknown> = { null: null, empty: "", loop: link, absent: undefined };
  const next = page < LAST_PAGE || scenario === "loop" ? link : endings[scenario];
  const meta = next === undefined ? { page } : { page, next_page_url: next };
  return { status: 200, body: JSON.stringify({ items: [{ n: page }, null, [page]], meta }) };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const [, scenario = "", page = "0"] = (request.url ?? "/").split("/");
    const { status, body } = answer(scenario, Number(page));
    response.writeHead(status, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accountSid = `AC${"1".repeat(32)}`;
  client = new HttpClient({ baseUrl, accountSid, authToken: "t", timeoutMs: 2_000 });
  api = new SyncMapApi(client, `IS${"0".repeat(32)}`);
});

afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function walk(scenario: string, maxPages = 10, onFollow?: (exchange: Exchange) => Exchange) {
  const first = await api.follow("ListSyncMapItem", `${baseUrl}/${scenario}/0`);
  const options = { operationId: "ListSyncMapItem", recordsKey: "items", maxPages };
  return followPages(api, first, onFollow === undefined ? options : { ...options, onFollow });
}

describe("followPages", () => {
  it("follows next_page_url to a null end, collecting the records of each page", async () => {
    const result = await walk("null");
    expect(result.stop).toBe("null");
    expect(result.ended).toBe(true);
    expect(result.lastPageValue).toBeNull();
    expect(result.records).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(result.pages.map((page) => page.exchange.response?.status)).toEqual([200, 200, 200]);
    const operations = new Set(result.pages.map((page) => page.exchange.operationId));
    expect([...operations]).toEqual(["ListSyncMapItem"]);
    expect(result.first).toBe(result.pages[0]?.exchange);
    expect(result.last).toBe(result.pages.at(-1)?.exchange);
  });

  it("ends on an empty next_page_url and says so", async () => {
    const result = await walk("empty");
    const { stop, ended, lastPageValue, pages } = result;
    expect([stop, ended, lastPageValue, pages.length]).toEqual(["empty-string", true, "", 3]);
  });

  it("stops at the page cap on a list that never ends, without claiming an end", async () => {
    const result = await walk("loop", 4);
    const { stop, ended, pages, records } = result;
    expect([stop, ended, pages.length, records.length]).toEqual(["page-cap", false, 4, 4]);
    expect(result.lastPageValue).toBe(`${baseUrl}/loop/4`);
  });

  it("stops without an end when a page has no next_page_url at all", async () => {
    const result = await walk("absent");
    const { stop, ended, lastPageValue, pages } = result;
    expect([stop, ended, lastPageValue, pages.length]).toEqual([
      "no-next-url",
      false,
      undefined,
      3,
    ]);
  });

  it("stops at a page that is not 200 and keeps it as the last exchange", async () => {
    const result = await walk("broken");
    const { stop, ended, last } = result;
    expect([stop, ended, last.response?.status]).toEqual(["not-ok", false, 500]);
    expect(result.records).toEqual([{ n: 0 }]);
    expect(result.pages.at(-1)?.body).toBeUndefined();
  });

  it("stops at a 200 page whose body is not a JSON object", async () => {
    const result = await walk("garbage");
    const { stop, ended, pages } = result;
    const lastRecords = pages.at(-1)?.records;
    expect([stop, ended, pages.length, lastRecords]).toEqual(["not-json", false, 2, undefined]);
  });

  it("hands every followed exchange to onFollow and walks on with what it returns", async () => {
    const seen: string[] = [];
    const result = await walk("null", 10, (exchange) => {
      seen.push(exchange.request.url);
      return { ...exchange, operationId: "noted" };
    });
    expect(seen.map((url) => new URL(url).pathname)).toEqual(["/null/1", "/null/2"]);
    const operations = result.pages.map((page) => page.exchange.operationId);
    expect(operations).toEqual(["ListSyncMapItem", "noted", "noted"]);
  });
});
