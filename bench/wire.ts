// How close to the wire the suite stays: the same requests sent by raw undici and by the
// suite's HTTP layer (budget, client, recorded exchange, JSON parse, schema validation), and
// the embedded server against a bare node:http server that answers the same payloads.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";
import { RequestBudget } from "../src/http/budget.ts";
import { HttpClient } from "../src/http/client.ts";
import type { Exchange } from "../src/http/exchange.ts";
import { SyncMapApi } from "../src/http/syncApi.ts";
import { responseMatchesSchema } from "../src/checks/schema.ts";
import { loadSpec } from "../src/spec/index.ts";
import { startReferenceServer, type RunningServer } from "../fixtures/reference/index.ts";
import { mapLife, median, requestsPerSecond, type WireRequest } from "./workload.ts";

export interface WireNumbers {
  /** Requests a second, one at a time and 16 in flight (medians over the rounds). */
  readonly rawSequential: number;
  readonly suiteSequential: number;
  readonly raw16: number;
  readonly suite16: number;
  readonly bareSequential: number;
  readonly bare16: number;
  /** Each ratio is the median of the ratios of one round, whose two sides ran back to back. */
  readonly suiteOverRawSequential: number;
  readonly suiteOverRaw16: number;
  readonly embeddedOverBareSequential: number;
  readonly embeddedOverBare16: number;
}

const ROUNDS = 7;
const MAPS_SEQUENTIAL = 40;
const MAPS_16 = 96;

export async function measureWire(): Promise<WireNumbers> {
  const spec = await loadSpec();
  const server = await startReferenceServer();
  const canned = await cannedAnswers(server);
  const bare = await startBareServer(canned);
  const raw = rawSender(server);
  const suite = suiteSender(server, spec);
  const bareRaw = rawSender({ ...server, url: bare.url });
  let round = 0;
  const rate = async (send: Sender, maps: number, inFlight: number): Promise<number> => {
    round += 1;
    return requestsPerSecond(maps, inFlight, `bench-${round}`, send.send);
  };
  // Warm both paths (JIT, connections, the spec's compiled validators) before measuring.
  for (const send of [raw, suite, bareRaw]) await rate(send, 20, 4);
  const samples: Record<keyof WireNumbers, number[]> = {
    rawSequential: [],
    suiteSequential: [],
    raw16: [],
    suite16: [],
    bareSequential: [],
    bare16: [],
    suiteOverRawSequential: [],
    suiteOverRaw16: [],
    embeddedOverBareSequential: [],
    embeddedOverBare16: [],
  };
  // Interleaved, and each ratio taken within one round: a noisy neighbour slows both of its
  // sides alike. The embedded server's side is raw undici against it (the same client the
  // bare server gets), so the ratio is the servers' alone.
  for (let i = 0; i < ROUNDS; i += 1) {
    const rawSequential = await rate(raw, MAPS_SEQUENTIAL, 1);
    const suiteSequential = await rate(suite, MAPS_SEQUENTIAL, 1);
    const bareSequential = await rate(bareRaw, MAPS_SEQUENTIAL, 1);
    const raw16 = await rate(raw, MAPS_16, 16);
    const suite16 = await rate(suite, MAPS_16, 16);
    const bare16 = await rate(bareRaw, MAPS_16, 16);
    samples.rawSequential.push(rawSequential);
    samples.suiteSequential.push(suiteSequential);
    samples.bareSequential.push(bareSequential);
    samples.raw16.push(raw16);
    samples.suite16.push(suite16);
    samples.bare16.push(bare16);
    samples.suiteOverRawSequential.push(suiteSequential / rawSequential);
    samples.suiteOverRaw16.push(suite16 / raw16);
    samples.embeddedOverBareSequential.push(rawSequential / bareSequential);
    samples.embeddedOverBare16.push(raw16 / bare16);
  }
  await Promise.all([raw.close(), suite.close(), bareRaw.close()]);
  await Promise.all([server.close(), bare.close()]);
  const numbers = Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const middle = median(values);
      return [name, middle < 10 ? Math.round(middle * 100) / 100 : Math.round(middle)];
    }),
  );
  return numbers as unknown as WireNumbers;
}

interface Sender {
  send(request: WireRequest): Promise<void>;
  close(): Promise<void>;
}

type Target = Pick<RunningServer, "url" | "accountSid" | "authToken" | "serviceSid">;

/** undici as a user would call it: no budget, no recording, the body read as text. */
function rawSender(target: Target): Sender {
  const pool = new Pool(target.url, { connections: 16 });
  const authorization = `Basic ${Buffer.from(`${target.accountSid}:${target.authToken}`).toString("base64")}`;
  const base = `/v1/Services/${target.serviceSid}`;
  return {
    async send(request) {
      const body =
        request.form === undefined ? undefined : new URLSearchParams(request.form).toString();
      const answer = await pool.request({
        method: request.method,
        path: `${base}${request.path}`,
        headers: {
          authorization,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        body,
      });
      await answer.body.text();
    },
    close: () => pool.close(),
  };
}

/** The suite's way: budget and client, every exchange kept, every answer held to its schema. */
function suiteSender(target: Target, spec: Awaited<ReturnType<typeof loadSpec>>): Sender {
  const client = new HttpClient({
    baseUrl: target.url,
    accountSid: target.accountSid,
    authToken: target.authToken,
    timeoutMs: 10_000,
    budget: new RequestBudget({ concurrency: 16 }),
  });
  const api = new SyncMapApi(client, target.serviceSid);
  const recorded: Exchange[] = [];
  return {
    async send(request) {
      const [path, query] = request.path.split("?");
      const exchange = await api.raw(request.operationId, {
        method: request.method,
        path: `/v1/Services/${target.serviceSid}${path ?? ""}`,
        ...(query === undefined ? {} : { query: Object.fromEntries(new URLSearchParams(query)) }),
        ...(request.form === undefined ? {} : { form: request.form }),
      });
      recorded.push(exchange);
      // A behaviour keeps the exchanges it made until it ends; a lane's map life is as long.
      if (recorded.length > 64) recorded.splice(0, 32);
      const failures = responseMatchesSchema.run({ spec, exchange });
      if (failures.length > 0) throw new Error(`${request.operationId}: ${failures[0]?.received}`);
    },
    close: () => client.close(),
  };
}

interface CannedAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** What the embedded server answers to one map's life, to be replayed by the bare server. */
async function cannedAnswers(server: RunningServer): Promise<Map<string, CannedAnswer>> {
  const answers = new Map<string, CannedAnswer>();
  const pool = new Pool(server.url);
  const authorization = `Basic ${Buffer.from(`${server.accountSid}:${server.authToken}`).toString("base64")}`;
  for (const request of mapLife("canned", 0)) {
    const body =
      request.form === undefined ? undefined : new URLSearchParams(request.form).toString();
    const answer = await pool.request({
      method: request.method,
      path: `/v1/Services/${server.serviceSid}${request.path}`,
      headers: {
        authorization,
        ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
      },
      body,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers))
      if (
        typeof value === "string" &&
        name !== "date" &&
        name !== "connection" &&
        name !== "keep-alive"
      )
        headers[name] = value;
    answers.set(`${request.method} ${request.operationId}`, {
      status: answer.statusCode,
      headers,
      body: await answer.body.text(),
    });
  }
  await pool.close();
  return answers;
}

/** node:http and nothing else: reads the body, answers the canned payload of the operation. */
async function startBareServer(
  canned: Map<string, CannedAnswer>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answer = canned.get(
        `${request.method} ${operationOf(request.method ?? "", request.url ?? "")}`,
      );
      if (answer === undefined) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(answer.status, answer.headers);
      response.end(answer.status === 204 ? undefined : answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The operation a workload request is, from its method and path alone. */
function operationOf(method: string, url: string): string {
  const path = url.split("?")[0] ?? "";
  if (path.endsWith("/Maps")) return "CreateSyncMap";
  if (path.endsWith("/Items")) return method === "POST" ? "CreateSyncMapItem" : "ListSyncMapItem";
  if (/\/Items\/[^/]+$/.test(path))
    return method === "POST" ? "UpdateSyncMapItem" : "FetchSyncMapItem";
  return method === "DELETE" ? "DeleteSyncMap" : "FetchSyncMap";
}
