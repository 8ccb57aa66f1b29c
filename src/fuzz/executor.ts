// The executor over the suite's own client: sends fuzz requests through a SyncMapApi (so
// they count, back off on 429 and redact secrets like every other request), creates a
// fresh map (item, permission) for each case that needs one, reads around refused
// writes, and deletes everything it or the cases created. Malformed bodies go out byte
// for byte (RequestSpec.rawForm).
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

export interface ApiExecutorOptions {
  /** The account the reproductions authenticate as. */
  readonly accountSid: string;
  /**
   * A unique_name for each fixture map (the run prefix, so the final sweep finds one
   * that could not be deleted); absent: fixture maps are unnamed.
   */
  readonly fixtureName?: () => string;
}

/** An executor with a client of its own, closed on release (tests, tools). */
export function createHttpExecutor(options: HttpExecutorOptions): FuzzExecutor {
  const client = new HttpClient(options);
  const executor = createApiExecutor(new SyncMapApi(client, options.serviceSid), options);
  return {
    ...executor,
    async release() {
      const leaked = await executor.release();
      await client.close();
      return leaked;
    },
  };
}

/** An executor sending through `api`: its requests count as that api's. */
export function createApiExecutor(api: SyncMapApi, options: ApiExecutorOptions): FuzzExecutor {
  const created = new Set<string>();
  const sentBefore = api.requestCount;

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
      if (needs.length === 0) return { service: api.serviceSid };
      const name = options.fixtureName?.();
      const map = sidOf(await api.createMap(name === undefined ? {} : { UniqueName: name }), "map");
      created.add(map);
      if (needs.includes("item")) {
        expectCreated(await api.createItem(map, { Key: FIXTURE_ITEM_KEY, Data: "{}" }), "item");
      }
      if (needs.includes("permission")) {
        const flags = { Read: "true", Write: "true", Manage: "false" };
        expectCreated(await api.updatePermission(map, FIXTURE_IDENTITY, flags), "permission");
      }
      return {
        service: api.serviceSid,
        map,
        item: FIXTURE_ITEM_KEY,
        permission: FIXTURE_IDENTITY,
      };
    },
    async send(wire: WireRequest, operationId: string): Promise<Exchange> {
      const body =
        wire.form === undefined && wire.body !== undefined
          ? { rawForm: wire.body }
          : wire.form === undefined
            ? {}
            : { form: wire.form };
      const exchange = await api.raw(operationId, {
        method: wire.method as HttpMethod,
        path: wire.path,
        ...body,
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
        if (scope.lists.includes("items")) {
          await read("items", api.listItems(scope.map, { PageSize: 100 }), reads);
        }
        if (scope.lists.includes("permissions")) {
          await read("permissions", api.listPermissions(scope.map, { PageSize: 100 }), reads);
        }
      }
      return reads as Snapshot;
    },
    async release(): Promise<string[]> {
      const leaked: string[] = [];
      await inPool([...created], 4, async (map) => {
        const status = (await api.deleteMap(map)).response?.status ?? 0;
        if (status >= 300 && status !== 404) leaked.push(map);
      });
      created.clear();
      return leaked;
    },
    requestCount: () => api.requestCount - sentBefore,
  };
}
