// Shared by the twilio-node suites (maps, items, permissions): the official helper library
// (twilio-node) against `sync-map-conformance serve`. Whatever a real Twilio user's code
// does with Maps, Items and Permissions must work against our stateful mock, or the mock
// is not the contract its users think it is.
import { randomUUID } from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, expect } from "vitest";
import { serve, type ServedTarget } from "../cli.ts";

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0];
export type SyncService = ReturnType<twilio.Twilio["sync"]["v1"]["services"]>;
export type SyncMapInstance = Awaited<ReturnType<SyncService["syncMaps"]["create"]>>;
export type SyncMapItemInstance = Awaited<
  ReturnType<ReturnType<SyncService["syncMaps"]>["syncMapItems"]["create"]>
>;
export type SyncMapPermissionInstance = Awaited<
  ReturnType<ReturnType<ReturnType<SyncService["syncMaps"]>["syncMapPermissions"]>["fetch"]>
>;
export type RestException = InstanceType<typeof twilio.RestException>;

/**
 * Sends twilio-node's requests for `*.twilio.com` to the served origin and records
 * every URL the library asked for (query parameters included), so a test can tell
 * which ones it built itself and which it took verbatim from `meta.next_page_url`.
 */
export class ServedRequestClient extends twilio.RequestClient {
  readonly asked: string[] = [];

  constructor(private readonly servedOrigin: string) {
    super();
  }

  override request<TData>(opts: RequestOptions & { data?: TData }) {
    this.asked.push(withQuery(opts.uri, opts.params));
    return super.request<TData>({ ...opts, uri: redirectToServed(opts.uri, this.servedOrigin) });
  }
}

/** twilio-node passes a first page's query as `params`, and a followed page's inside the URI. */
export function withQuery(uri: string, params: object | undefined): string {
  const entries = Object.entries(params ?? {}).map(([name, value]): [string, string] => [
    name,
    String(value),
  ]);
  return entries.length === 0 ? uri : `${uri}?${new URLSearchParams(entries).toString()}`;
}

export function redirectToServed(uri: string, servedOrigin: string): string {
  const url = new URL(uri);
  const isTwilio = url.hostname === "twilio.com" || url.hostname.endsWith(".twilio.com");
  if (!isTwilio) return uri;
  return servedOrigin + url.pathname + url.search;
}

/** The RestException a call rejected with; fails the test if it resolved or threw anything else. */
export async function restExceptionFrom(call: Promise<unknown>): Promise<RestException> {
  const outcome = await call.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!("rejected" in outcome)) {
    throw new Error(
      `expected a RestException, but the call resolved: ${JSON.stringify(outcome.resolved)}`,
    );
  }
  expect(outcome.rejected).toBeInstanceOf(twilio.RestException);
  return outcome.rejected as RestException;
}

export function expectTwilioError(
  error: RestException,
  status: number,
  codes: readonly number[],
): void {
  expect(error.status).toBe(status);
  expect(codes).toContain(error.code);
  expect(error.moreInfo).toBe(`https://www.twilio.com/docs/errors/${error.code}`);
  expect(error.message).not.toBe("");
}

/**
 * Server and test share one clock; two seconds of slack cover whole-second dates and a slow
 * request.
 */
export function expectExpiresAbout(
  dateExpires: Date | null,
  requestedAt: number,
  ttlSeconds: number,
): void {
  expect(dateExpires).toBeInstanceOf(Date);
  const expected = requestedAt + ttlSeconds * 1000;
  const actual = (dateExpires as Date).getTime();
  expect(actual).toBeGreaterThanOrEqual(expected - 2000);
  expect(actual).toBeLessThanOrEqual(expected + 2000);
}

/**
 * Everything each() visited. each() is typed as returning void, so its `done` option,
 * called once after the last page or on the first error, says when it is over.
 */
export function visitedByEach<T>(
  start: (callback: (item: T) => void, done: (error?: Error) => void) => void,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const visited: T[] = [];
    start(
      (item) => visited.push(item),
      (error) => (error === undefined || error === null ? resolve(visited) : reject(error)),
    );
  });
}

/** An ETag names the revision bare or as a quoted entity tag; the suite accepts both forms. */
export function etagForms(revision: string): string[] {
  return [revision, `"${revision}"`];
}

export function duplicates<T>(values: readonly T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** One served target and the twilio-node clients that reach it, for one describe block. */
export interface ServedSdk {
  readonly target: ServedTarget;
  readonly http: ServedRequestClient;
  readonly service: SyncService;
  readonly wrongTokenService: SyncService;
  /** The Permission operations document "default" for the account's default Sync Service. */
  readonly defaultService: SyncService;
  /** Unique per test, so no test sees another's maps. */
  nameFor(label: string): string;
  /** The URIs asked for while `action` ran. */
  askedDuring(action: () => Promise<unknown>): Promise<string[]>;
}

interface Started {
  target: ServedTarget;
  http: ServedRequestClient;
  service: SyncService;
  wrongTokenService: SyncService;
  defaultService: SyncService;
}

/**
 * Starts `serve` in beforeAll and stops it in afterAll of the describe block it is called in.
 * The returned object's clients exist from beforeAll on; reading them earlier throws.
 */
export function servedSdk(): ServedSdk {
  let target: ServedTarget | undefined;
  let started: Started | undefined;
  const run = randomUUID().slice(0, 8);
  const get = (): Started => {
    if (started === undefined) throw new Error("the served SDK is read before beforeAll ran");
    return started;
  };

  beforeAll(async () => {
    target = await serve();
    const { accountSid, authToken, serviceSid } = target;
    const http = new ServedRequestClient(target.url);
    const client = (token: string) => twilio(accountSid, token, { httpClient: http });
    started = {
      target,
      http,
      service: client(authToken).sync.v1.services(serviceSid),
      wrongTokenService: client("not-the-token").sync.v1.services(serviceSid),
      defaultService: client(authToken).sync.v1.services("default"),
    };
  });
  afterAll(async () => {
    await target?.stop();
  });

  return {
    get target() {
      return get().target;
    },
    get http() {
      return get().http;
    },
    get service() {
      return get().service;
    },
    get wrongTokenService() {
      return get().wrongTokenService;
    },
    get defaultService() {
      return get().defaultService;
    },
    nameFor: (label) => `sdk-${run}-${label}`,
    async askedDuring(action) {
      const { http } = get();
      const before = http.asked.length;
      await action();
      return http.asked.slice(before);
    },
  };
}
