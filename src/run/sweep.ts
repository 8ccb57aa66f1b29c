// After the run, even after failures or Ctrl-C: delete what the run made. Only maps
// the run tracked or named with its prefix are touched; foreign data never is.
import { isGone } from "../behaviours/context.ts";
import { HttpClient } from "../http/client.ts";
import { followPages } from "../http/pages.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import type { Config } from "../config/config.ts";

const MAX_PAGES = 1_000;

export interface SweepResult {
  /** Resources still there after the sweep tried to delete them. */
  readonly leaks: number;
  readonly requests: number;
}

export async function sweep(config: Config, leakedSids: readonly string[]): Promise<SweepResult> {
  const client = new HttpClient({
    baseUrl: config.baseUrl ?? "",
    accountSid: config.accountSid,
    authToken: config.authToken,
    timeoutMs: config.requestTimeoutMs,
  });
  const api = new SyncMapApi(client, config.serviceSid);
  try {
    const targets = new Set(leakedSids);
    for (const sid of await prefixedMaps(api, config.runPrefix)) targets.add(sid);
    let leaks = 0;
    for (const sid of targets) if (!isGone(await api.deleteMap(sid))) leaks += 1;
    return { leaks, requests: api.requestCount };
  } finally {
    await client.close();
  }
}

/** Maps named with the run prefix on every page the target lists. */
async function prefixedMaps(api: SyncMapApi, prefix: string): Promise<string[]> {
  const first = await api.listMaps({ PageSize: 100 });
  const options = { operationId: "ListSyncMap", recordsKey: "maps", maxPages: MAX_PAGES };
  const walk = await followPages(api, first, options);
  return walk.records.flatMap((map) => {
    const named = typeof map.unique_name === "string" && map.unique_name.startsWith(prefix);
    return named && typeof map.sid === "string" ? [map.sid] : [];
  });
}
