// The HTTP room against real, misbehaving servers on port 0: garbage, hangs, 429s,
// echoed secrets. The client must record each as an exchange and never throw.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpClient, backoffMs } from "../src/http/client.ts";
import { toCurl } from "../src/http/curl.ts";
import { parseJsonBody } from "../src/http/exchange.ts";
import { SyncMapApi } from "../src/http/syncApi.ts";

const TOKEN = "s3cr3t-token-value-0123456789";
const ACCOUNT = `AC${"1".repeat(32)}`;

type Route = (request: IncomingMessage, body: string, response: ServerResponse) => void;
let server: Server;
let baseUrl: string;
const routes = new Map<string, Route>();
const seen: Array<{ url: string; body: string; headers: IncomingMessage["headers"] }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ url: request.url ?? "", body, headers: request.headers });
      const route = routes.get(
        new URL(request.url ?? "/", "http://x").pathname.split("/")[1] ?? "",
      );
      if (route === undefined) {
        response.writeHead(404).end();
        return;
      }
      route(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function client(timeoutMs = 2_000): HttpClient {
  return new HttpClient({
    baseUrl,
    accountSid: ACCOUNT,
    authToken: TOKEN,
    timeoutMs,
    sleep: async () => {},
  });
}

describe("HttpClient", () => {
  it("sends HTTP Basic and PascalCase form fields, and records no Authorization header", async () => {
    routes.set("echo", (_request, _body, response) =>
      response.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}'),
    );
    const http = client();
    const exchange = await http.send({
      method: "POST",
      path: "/echo/Maps",
      form: { UniqueName: "a b", Ttl: 60, Skip: undefined },
    });
    await http.close();
    const request = seen.at(-1);
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")}`,
    );
    expect(request?.body).toBe("UniqueName=a+b&Ttl=60");
    expect(exchange.response?.status).toBe(201);
    expect(JSON.stringify(exchange.request)).not.toContain(TOKEN);
    expect(Object.keys(exchange.request.headers)).not.toContain("authorization");
  });

  it("records garbage bodies without throwing", async () => {
    routes.set("garbage", (_request, _body, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end("{not json"),
    );
    const http = client();
    const exchange = await http.send({ method: "GET", path: "/garbage" });
    await http.close();
    const parsed = parseJsonBody(exchange);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.reason).toContain("not JSON");
  });

  it("turns a hang into a recorded timeout", async () => {
    routes.set("hang", () => {});
    const http = client(300);
    const exchange = await http.send({ method: "GET", path: "/hang" });
    await http.close();
    expect(exchange.response).toBeUndefined();
    expect(exchange.transportError?.code).toMatch(/TIMEOUT/);
  });

  it("turns a refused connection into a recorded transport error", async () => {
    const http = new HttpClient({
      baseUrl: "http://127.0.0.1:1",
      accountSid: ACCOUNT,
      authToken: TOKEN,
      timeoutMs: 2_000,
    });
    const exchange = await http.send({ method: "GET", path: "/x" });
    await http.close();
    expect(exchange.response).toBeUndefined();
    expect(exchange.transportError?.code).toBe("ECONNREFUSED");
  });

  it("backs off and retries on 429, then reports how often it retried", async () => {
    let calls = 0;
    routes.set("busy", (_request, _body, response) => {
      calls += 1;
      if (calls < 3) response.writeHead(429, { "retry-after": "0" }).end('{"code":20429}');
      else response.writeHead(200).end("{}");
    });
    const http = client();
    const exchange = await http.send({ method: "GET", path: "/busy" });
    await http.close();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.retries).toBe(2);
    expect(http.requestCount).toBe(3);
  });

  it("redacts the token from what a target echoes back", async () => {
    routes.set("leak", (request, _body, response) =>
      response
        .writeHead(400, { "x-echo": request.headers.authorization ?? "" })
        .end(`{"message":"bad token ${TOKEN}"}`),
    );
    const http = client();
    const exchange = await http.send({ method: "GET", path: "/leak" });
    await http.close();
    expect(JSON.stringify(exchange)).not.toContain(TOKEN);
    expect(JSON.stringify(exchange)).not.toContain(
      Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64"),
    );
    expect(exchange.response?.bodyText).toContain("[REDACTED]");
  });

  it("follows paging URLs on another origin against its own base URL", async () => {
    routes.set("v1", (_request, _body, response) => response.writeHead(200).end("{}"));
    const http = client();
    await http.followUrl("https://sync.twilio.com/v1/Services/IS1/Maps?PageSize=2&PageToken=PT1");
    await http.close();
    expect(seen.at(-1)?.url).toBe("/v1/Services/IS1/Maps?PageSize=2&PageToken=PT1");
  });

  it("waits as long as Retry-After says, else backs off exponentially with a cap", () => {
    expect(backoffMs(0, "2")).toBe(2_000);
    expect(backoffMs(3, undefined)).toBeGreaterThanOrEqual(2_000);
    expect(backoffMs(20, undefined)).toBeLessThanOrEqual(10_000);
  });
});

describe("SyncMapApi", () => {
  it("percent-encodes keys and identities in paths", async () => {
    routes.set("v1", (_request, _body, response) => response.writeHead(200).end("{}"));
    const http = client();
    const api = new SyncMapApi(http, "IS1");
    const exchange = await api.fetchItem("my map", "a/b?c#d");
    await http.close();
    expect(seen.at(-1)?.url).toBe("/v1/Services/IS1/Maps/my%20map/Items/a%2Fb%3Fc%23d");
    expect(exchange.operationId).toBe("FetchSyncMapItem");
    expect(api.requestCount).toBe(1);
  });
});

describe("toCurl", () => {
  it("renders a replayable command with the token as $TWILIO_AUTH_TOKEN", async () => {
    routes.set("v1", (_request, _body, response) => response.writeHead(201).end("{}"));
    const http = client();
    const exchange = await new SyncMapApi(http, "IS1").updateItem(
      "m",
      "it's",
      { Data: '{"a":1}' },
      "3",
    );
    await http.close();
    const curl = toCurl(exchange, { accountSid: ACCOUNT });
    expect(curl).toContain(`-u "${ACCOUNT}:$TWILIO_AUTH_TOKEN"`);
    expect(curl).toContain(`--data-urlencode 'Data={"a":1}'`);
    expect(curl).toContain(`-H 'if-match: 3'`);
    expect(curl).toContain("Items/it's".replace("'", "'\\''"));
    expect(curl).not.toContain(TOKEN);
  });
});
