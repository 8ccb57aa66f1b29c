// The Sync Map operations by name. Paths are built here once, with every segment
// percent-encoded, so behaviours speak in maps, keys and identities, not URLs.
import type { FormFields, HttpClient, RequestSpec } from "./client.ts";
import type { Exchange, HttpMethod } from "./exchange.ts";

export type Query = RequestSpec["query"];

/** What one behaviour's requests came to, shared by its api objects (see inService). */
interface RequestTally {
  sent: number;
  /** 429 answers, retried or the last one. */
  throttled: number;
  /** The first request whose retries ran out, described. */
  gaveUp: string | undefined;
}

export class SyncMapApi {
  constructor(
    private readonly client: HttpClient,
    readonly serviceSid: string,
    private readonly counter: RequestTally = { sent: 0, throttled: 0, gaveUp: undefined },
  ) {}

  /** Requests this api object sent (retries included); one per behaviour keeps counts apart. */
  get requestCount(): number {
    return this.counter.sent;
  }

  /** The same operations addressed to another service; its requests count here too. */
  inService(serviceSid: string): SyncMapApi {
    return new SyncMapApi(this.client, serviceSid, this.counter);
  }

  /** 429 answers among them: each was retried, or was the last answer when retries ran out. */
  get throttledCount(): number {
    return this.counter.throttled;
  }

  /**
   * The first request still answered 429 when the client's retries ran out, if any: its
   * answer says nothing about the behaviour, so the behaviour cannot be judged.
   */
  get throttledOut(): string | undefined {
    return this.counter.gaveUp;
  }

  createMap(form: FormFields = {}): Promise<Exchange> {
    return this.call("CreateSyncMap", "POST", this.mapsPath(), { form });
  }
  listMaps(query?: Query): Promise<Exchange> {
    return this.call("ListSyncMap", "GET", this.mapsPath(), { query });
  }
  fetchMap(map: string): Promise<Exchange> {
    return this.call("FetchSyncMap", "GET", this.mapPath(map));
  }
  updateMap(map: string, form: FormFields): Promise<Exchange> {
    return this.call("UpdateSyncMap", "POST", this.mapPath(map), { form });
  }
  deleteMap(map: string): Promise<Exchange> {
    return this.call("DeleteSyncMap", "DELETE", this.mapPath(map));
  }

  createItem(map: string, form: FormFields): Promise<Exchange> {
    return this.call("CreateSyncMapItem", "POST", `${this.mapPath(map)}/Items`, { form });
  }
  listItems(map: string, query?: Query): Promise<Exchange> {
    return this.call("ListSyncMapItem", "GET", `${this.mapPath(map)}/Items`, { query });
  }
  fetchItem(map: string, key: string): Promise<Exchange> {
    return this.call("FetchSyncMapItem", "GET", this.itemPath(map, key));
  }
  updateItem(map: string, key: string, form: FormFields, ifMatch?: string): Promise<Exchange> {
    return this.call("UpdateSyncMapItem", "POST", this.itemPath(map, key), {
      form,
      headers: ifMatchHeader(ifMatch),
    });
  }
  deleteItem(map: string, key: string, ifMatch?: string): Promise<Exchange> {
    return this.call("DeleteSyncMapItem", "DELETE", this.itemPath(map, key), {
      headers: ifMatchHeader(ifMatch),
    });
  }

  listPermissions(map: string, query?: Query): Promise<Exchange> {
    return this.call("ListSyncMapPermission", "GET", `${this.mapPath(map)}/Permissions`, { query });
  }
  fetchPermission(map: string, identity: string): Promise<Exchange> {
    return this.call("FetchSyncMapPermission", "GET", this.permissionPath(map, identity));
  }
  updatePermission(map: string, identity: string, form: FormFields): Promise<Exchange> {
    return this.call("UpdateSyncMapPermission", "POST", this.permissionPath(map, identity), {
      form,
    });
  }
  deletePermission(map: string, identity: string): Promise<Exchange> {
    return this.call("DeleteSyncMapPermission", "DELETE", this.permissionPath(map, identity));
  }

  /** GET a paging URL the target handed out (meta.next_page_url and friends). */
  async follow(operationId: string, absoluteUrl: string): Promise<Exchange> {
    return { ...this.counted(await this.client.followUrl(absoluteUrl)), operationId };
  }

  /** Any request, for behaviours about the protocol itself (authentication). */
  async raw(operationId: string | undefined, spec: RequestSpec): Promise<Exchange> {
    const exchange = this.counted(await this.client.send(spec));
    return operationId === undefined ? exchange : { ...exchange, operationId };
  }

  mapsPath(): string {
    return `/v1/Services/${encodeURIComponent(this.serviceSid)}/Maps`;
  }
  mapPath(map: string): string {
    return `${this.mapsPath()}/${encodeURIComponent(map)}`;
  }
  itemPath(map: string, key: string): string {
    return `${this.mapPath(map)}/Items/${encodeURIComponent(key)}`;
  }
  permissionPath(map: string, identity: string): string {
    return `${this.mapPath(map)}/Permissions/${encodeURIComponent(identity)}`;
  }

  private async call(
    operationId: string,
    method: HttpMethod,
    path: string,
    extra: Pick<RequestSpec, "form" | "query" | "headers"> = {},
  ): Promise<Exchange> {
    const exchange = this.counted(await this.client.send({ method, path, ...definedOnly(extra) }));
    return { ...exchange, operationId };
  }

  private counted(exchange: Exchange): Exchange {
    this.counter.sent += exchange.retries + 1;
    // The client hands a 429 back only when its retries ran out.
    const refused = exchange.response?.status === 429;
    this.counter.throttled += exchange.retries + (refused ? 1 : 0);
    if (refused && this.counter.gaveUp === undefined) {
      const { method, url } = exchange.request;
      const path = new URL(url).pathname;
      this.counter.gaveUp = `${method} ${path} still answered 429 after ${exchange.retries} retries`;
    }
    return exchange;
  }
}

function ifMatchHeader(ifMatch: string | undefined): Record<string, string> | undefined {
  return ifMatch === undefined ? undefined : { "if-match": ifMatch };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
