// The maps a behaviour made, tracked so that every one is deleted when it ends,
// including maps a request that should have been refused created anyway.
import { parseJsonBody, type Exchange } from "../http/exchange.ts";
import { asJsonObject } from "../http/json.ts";
import type { SyncMapApi } from "../http/syncApi.ts";

export class MapResources {
  /** Tracked map sids, each with the api of the service it lives in. */
  private readonly created = new Map<string, SyncMapApi>();

  constructor(private readonly api: SyncMapApi) {}

  track(sid: string, api: SyncMapApi = this.api): void {
    this.created.set(key(api, sid), api);
  }

  /** Forget a map the behaviour deleted itself. */
  forget(sid: string, api: SyncMapApi = this.api): void {
    this.created.delete(key(api, sid));
  }

  /**
   * A request that should have been refused may have created a map anyway: the sid in
   * `field` of a 2xx answer (`sid` for a map, `map_sid` for an item or a permission),
   * in the service of `api` (another service's, for the tenancy behaviours).
   */
  adoptIfCreated(exchange: Exchange, field: "sid" | "map_sid" = "sid", api = this.api): void {
    const status = exchange.response?.status;
    if (status === undefined || status < 200 || status >= 300) return;
    const parsed = parseJsonBody(exchange);
    const sid = parsed.ok ? asJsonObject(parsed.value)?.[field] : undefined;
    if (typeof sid === "string" && sid.length > 0) this.track(sid, api);
  }

  /** Deletes every tracked map; returns the sids that could not be deleted. */
  async cleanUp(): Promise<string[]> {
    const leaked: string[] = [];
    for (const [tracked, api] of this.created) {
      const sid = tracked.slice(tracked.indexOf("/") + 1);
      if (!isGone(await api.deleteMap(sid))) leaked.push(sid);
    }
    this.created.clear();
    return leaked;
  }
}

function key(api: SyncMapApi, sid: string): string {
  return `${api.serviceSid}/${sid}`;
}

/** A delete that removed the resource, or found it already gone. */
export function isGone(exchange: Exchange): boolean {
  const status = exchange.response?.status;
  return status !== undefined && ((status >= 200 && status < 300) || status === 404);
}
