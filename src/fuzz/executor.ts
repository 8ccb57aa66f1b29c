// The HTTP executor: sends fuzz requests to a target through the suite's own client,
// creates a fresh map (item, permission) for each case that needs one, reads around
// refused writes, and deletes everything it or the cases created. Malformed bodies,
// which the client would re-encode, go out byte for byte through undici.
import { ownSecrets, redact } from "../http/credentials.ts";
import { request as undiciRequest } from "undici";
import { HarnessError } from "../errors.ts";
import { HttpClient } from "../http/client.ts";
import type { HttpClientOptions } from "../http/client.ts";
import { parseJsonBody } from "../http/exchange.ts";
import type { Exchange, HttpMethod } from "../http/exchange.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import { inPool } from "./run.ts";
import type {
  FixtureKind,
  Fixtures,
  FuzzExecutor,
  Snapshot,
  SnapshotScope,
  WireRequest,
} from "./types.ts";

export const FIXTURE_ITEM_KEY = "fuzz-item";
export const FIXTURE_IDENTITY = "fuzz-identity";

export interface HttpExecutorOptions extends HttpClientOptions {
  readonly serviceSid: string;
}

export function createHttpExecutor(options: HttpExecutorOptions): FuzzExecutor {
  const client = new HttpClient(options);
  const api = new SyncMapApi(client, options.serviceSid);
  const created = new Set<string>();
  let rawSent = 0;

  const sidOf = (exchange: Exchange, what: string): string => {
    const parsed = parseJsonBody(exchange);
    const sid = parsed.ok ? (parsed.value as { sid?: unknown } | null)?.sid : undefined;
    const status = exchange.response?.status ?? 0;
    if (status >= 300 || typeof sid !== "string") {
      throw new HarnessError(
        "SMC_ERR_FIXTURE",
        `could not create the ${what} a case needs: ${status}`,
      );
    }
    return sid;
  };

  const expectCreated = (exchange: Exchange, what: string): void => {
    const status = exchange.response?.status ?? 0;
    if (status < 200 || status >= 300) {
      throw new HarnessError(
        "SMC_ERR_FIXTURE",
        `could not create the ${what} a case needs: ${status}`,
      );
    }
  };

  const read = async (name: string, exchange: Promise<Exchange>, into: Record<string, unknown>) => {
    const answer = await exchange;
    const parsed = parseJsonBody(answer);
    into[name] = {
      status: answer.response?.status ?? 0,
      body: parsed.ok ? parsed.value : undefined,
    };
  };

  return {
    accountSid: options.accountSid,
    async provide(needs: readonly FixtureKind[]): Promise<Fixtures> {
      if (needs.length === 0) return { service: options.serviceSid };
      const map = sidOf(await api.createMap({}), "map");
      created.add(map);
      if (needs.includes("item")) {
        expectCreated(await api.createItem(map, { Key: FIXTURE_ITEM_KEY, Data: "{}" }), "item");
      }
      if (needs.includes("permission")) {
        const flags = { Read: "true", Write: "true", Manage: "false" };
        expectCreated(await api.updatePermission(map, FIXTURE_IDENTITY, flags), "permission");
      }
      return {
        service: options.serviceSid,
        map,
        item: FIXTURE_ITEM_KEY,
        permission: FIXTURE_IDENTITY,
      };
    },
    async send(wire: WireRequest, operationId: string): Promise<Exchange> {
      const exchange =
        wire.form === undefined && wire.body !== undefined
          ? await sendRaw(options, wire, () => (rawSent += 1))
          : await api.raw(operationId, {
              method: wire.method as HttpMethod,
              path: wire.path,
              ...(wire.form === undefined ? {} : { form: wire.form }),
              headers: wire.headers,
            });
      const status = exchange.response?.status ?? 0;
      if (operationId === "CreateSyncMap" && status >= 200 && status < 300) {
        const parsed = parseJsonBody(exchange);
        const sid = parsed.ok ? (parsed.value as { sid?: unknown } | null)?.sid : undefined;
        if (typeof sid === "string") created.add(sid);
      }
      return { ...exchange, operationId };
    },
    async snapshot(scope: SnapshotScope): Promise<Snapshot> {
      const reads: Record<string, unknown> = {};
      if (scope.kind === "uniqueName") {
        await read("map by unique name", api.fetchMap(scope.uniqueName), reads);
      } else {
        await read("map", api.fetchMap(scope.map), reads);
        await read("items", api.listItems(scope.map, { PageSize: 100 }), reads);
        await read("permissions", api.listPermissions(scope.map, { PageSize: 100 }), reads);
      }
      return reads as Snapshot;
    },
    async release(): Promise<void> {
      await inPool([...created], 4, async (map) => {
        await api.deleteMap(map);
      });
      created.clear();
      await client.close();
    },
    requestCount: () => client.requestCount + rawSent,
  };
}

/** A body sent exactly as written, recorded like the client records its exchanges. */
async function sendRaw(options: HttpExecutorOptions, wire: WireRequest, count: () => void) {
  const url = `${options.baseUrl.replace(/\/+$/, "")}${wire.path}`;
  const headers = { "content-type": "application/x-www-form-urlencoded", ...wire.headers };
  const basic = Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64");
  const recorded = { method: wire.method as HttpMethod, url, headers, authenticated: true };
  const started = performance.now();
  const sentAt = Date.now();
  count();
  try {
    const answer = await undiciRequest(url, {
      method: wire.method as HttpMethod,
      headers: { ...headers, authorization: `Basic ${basic}` },
      body: wire.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // A target that echoes credentials must not smuggle them into a report.
    const secrets = ownSecrets(options);
    const bodyText = redact(await answer.body.text(), secrets).text;
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      responseHeaders[name] = redact(Array.isArray(value) ? value.join(", ") : value, secrets).text;
    }
    const response = { status: answer.statusCode, headers: responseHeaders, bodyText };
    return {
      request: recorded,
      response,
      elapsedMs: performance.now() - started,
      retries: 0,
      sentAt,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const transportError = { code: "SMC_ERR_TRANSPORT", message };
    return {
      request: recorded,
      transportError,
      elapsedMs: performance.now() - started,
      retries: 0,
      sentAt,
    };
  }
}
