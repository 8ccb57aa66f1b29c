// After the run, even after failures or Ctrl-C: delete what the run made. Only maps
// the run tracked or named with its prefix are touched; foreign data never is.
import { isGone } from "../behaviours/context.ts";
import { parseJsonBody } from "../http/exchange.ts";
import { HttpClient } from "../http/client.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import type { Config } from "../config/config.ts";

const MAX_PAGES = 1_000;

export interface SweepResult {
  /** Resources still there after the sweep tried to delete them. */
  readonly leaks: number;
  readonly requests: number;
}

export async function sweep(config: Config, leakedSids: readonly string[]): Promise<SweepResult> {
  const client = new HttpClient({ baseUrl: config.baseUrl ?? "", accountSid: config.accountSid, authToken: config.authToken, timeoutMs: config.requestTimeoutMs });
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

async function prefixedMaps(api: SyncMapApi, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let page = await api.listMaps({ PageSize: 100 });
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const parsed = parseJsonBody(page);
    if (page.response?.status !== 200 || !parsed.ok) break;
    const body = parsed.value as { maps?: unknown; meta?: { next_page_url?: unknown } };
    for (const map of Array.isArray(body.maps) ? (body.maps as Array<{ sid?: unknown; unique_name?: unknown }>) : []) {
      if (typeof map.unique_name === "string" && map.unique_name.startsWith(prefix) && typeof map.sid === "string") found.push(map.sid);
    }
    const next = body.meta?.next_page_url;
    if (typeof next !== "string" || next === "") break;
    page = await api.follow("ListSyncMap", next);
  }
  return found;
}
