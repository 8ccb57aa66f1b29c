// The official helper library (twilio-node) against `sync-map-conformance serve`:
// whatever a real Twilio user's code does with Maps, Items and Permissions must work
// against our stateful mock, or the mock is not the contract its users think it is.
import { randomUUID } from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type ServedTarget } from "./cli.ts";

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0];
type SyncService = ReturnType<twilio.Twilio["sync"]["v1"]["services"]>;
type SyncMapInstance = Awaited<ReturnType<SyncService["syncMaps"]["create"]>>;
type SyncMapItemInstance = Awaited<ReturnType<ReturnType<SyncService["syncMaps"]>["syncMapItems"]["create"]>>;
type SyncMapPermissionInstance = Awaited<
  ReturnType<ReturnType<ReturnType<SyncService["syncMaps"]>["syncMapPermissions"]>["fetch"]>
>;

/** Codes the documents give a missing map or item (facts C5); the reading varies by source. */
const NOT_FOUND_CODES = [20404, 54200, 54201, 54300];
/** Codes the documents give a stale If-Match (facts C6). */
const PRECONDITION_FAILED_CODES = [54205, 20412];

/**
 * Sends twilio-node's requests for `*.twilio.com` to the served origin and records
 * every URL the library asked for (query parameters included), so a test can tell
 * which ones it built itself and which it took verbatim from `meta.next_page_url`.
 */
class ServedRequestClient extends twilio.RequestClient {
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
function withQuery(uri: string, params: object | undefined): string {
  const entries = Object.entries(params ?? {}).map(([name, value]): [string, string] => [name, String(value)]);
  return entries.length === 0 ? uri : `${uri}?${new URLSearchParams(entries).toString()}`;
}

function redirectToServed(uri: string, servedOrigin: string): string {
  const url = new URL(uri);
  const isTwilio = url.hostname === "twilio.com" || url.hostname.endsWith(".twilio.com");
  if (!isTwilio) return uri;
  return servedOrigin + url.pathname + url.search;
}

/** The RestException a call rejected with; fails the test if it resolved or threw anything else. */
async function restExceptionFrom(call: Promise<unknown>): Promise<InstanceType<typeof twilio.RestException>> {
  const outcome = await call.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ rejected: error }),
  );
  if (!("rejected" in outcome)) throw new Error(`expected a RestException, but the call resolved: ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.rejected).toBeInstanceOf(twilio.RestException);
  return outcome.rejected as InstanceType<typeof twilio.RestException>;
}

function expectTwilioError(
  error: InstanceType<typeof twilio.RestException>,
  status: number,
  codes: readonly number[],
): void {
  expect(error.status).toBe(status);
  expect(codes).toContain(error.code);
  expect(error.moreInfo).toBe(`https://www.twilio.com/docs/errors/${error.code}`);
  expect(error.message).not.toBe("");
}

/** Server and test share one clock; two seconds of slack cover whole-second dates and a slow request. */
function expectExpiresAbout(dateExpires: Date | null, requestedAt: number, ttlSeconds: number): void {
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
function visitedByEach<T>(
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
function etagForms(revision: string): string[] {
  return [revision, `"${revision}"`];
}

function duplicates<T>(values: readonly T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe("twilio-node 6.2.0 against `serve`", () => {
  let target: ServedTarget;
  let http: ServedRequestClient;
  let service: SyncService;
  let wrongTokenService: SyncService;
  /** The Permission operations document "default" for the account's default Sync Service. */
  let defaultService: SyncService;
  const run = randomUUID().slice(0, 8);
  /** Unique per test, so no test sees another's maps. */
  const nameFor = (label: string): string => `sdk-${run}-${label}`;

  beforeAll(async () => {
    target = await serve();
    http = new ServedRequestClient(target.url);
    service = twilio(target.accountSid, target.authToken, { httpClient: http }).sync.v1.services(target.serviceSid);
    wrongTokenService = twilio(target.accountSid, "not-the-token", { httpClient: http }).sync.v1.services(
      target.serviceSid,
    );
    defaultService = twilio(target.accountSid, target.authToken, { httpClient: http }).sync.v1.services("default");
  });
  afterAll(async () => {
    await target?.stop();
  });

  /** The URIs asked for while `action` ran. */
  async function askedDuring(action: () => Promise<unknown>): Promise<string[]> {
    const before = http.asked.length;
    await action();
    return http.asked.slice(before);
  }

  describe("Maps", () => {
    it("creates a map without a unique name, which then has none and never expires", async () => {
      const map = await service.syncMaps.create();
      expect(map.sid).toMatch(/^MP[0-9a-fA-F]{32}$/);
      expect(map.uniqueName).toBeNull();
      expect(map.dateExpires).toBeNull();
      expect(map.accountSid).toBe(target.accountSid);
      expect(map.serviceSid).toBe(target.serviceSid);
      expect(map.createdBy).toBe("system");
      expect(typeof map.revision).toBe("string");
      expect(map.dateCreated).toBeInstanceOf(Date);
      expect(map.dateUpdated).toBeInstanceOf(Date);
    });

    it("creates a map whose CollectionTtl wins over the Ttl alias when both are sent", async () => {
      const requestedAt = Date.now();
      const created = await service.syncMaps.create({ uniqueName: nameFor("both-ttls"), ttl: 60, collectionTtl: 900 });
      expectExpiresAbout(created.dateExpires, requestedAt, 900);
    });

    it("creates a map with a unique name and a TTL, and fetches it by sid and by unique name", async () => {
      const uniqueName = nameFor("fetchable");
      const requestedAt = Date.now();
      const created = await service.syncMaps.create({ uniqueName, ttl: 600 });
      expect(created.uniqueName).toBe(uniqueName);
      expectExpiresAbout(created.dateExpires, requestedAt, 600);
      expect(created.links).toEqual({ items: `${created.url}/Items`, permissions: `${created.url}/Permissions` });
      expect(created.url).toMatch(new RegExp(`/v1/Services/${target.serviceSid}/Maps/${created.sid}$`));

      const bySid = await service.syncMaps(created.sid).fetch();
      const byName = await service.syncMaps(uniqueName).fetch();
      for (const fetched of [bySid, byName]) {
        expect(fetched.sid).toBe(created.sid);
        expect(fetched.uniqueName).toBe(uniqueName);
        expect(fetched.dateExpires).toEqual(created.dateExpires);
        expect(fetched.revision).toBe(created.revision);
      }
    });

    it("updates a map's TTL by sid, and a CollectionTtl of 0 sent by unique name removes the expiry", async () => {
      const uniqueName = nameFor("ttl-update");
      const created = await service.syncMaps.create({ uniqueName });
      expect(created.dateExpires).toBeNull();

      const requestedAt = Date.now();
      const updated = await service.syncMaps(created.sid).update({ ttl: 3600 });
      expect(updated.sid).toBe(created.sid);
      expectExpiresAbout(updated.dateExpires, requestedAt, 3600);
      expect((await service.syncMaps(created.sid).fetch()).dateExpires).toEqual(updated.dateExpires);

      const cleared = await service.syncMaps(uniqueName).update({ collectionTtl: 0 });
      expect(cleared.sid).toBe(created.sid);
      expect(cleared.dateExpires).toBeNull();
      expect((await service.syncMaps(created.sid).fetch()).dateExpires).toBeNull();
    });

    it("removes a map by sid, after which fetching it rejects with 404 and lists no longer show it", async () => {
      const uniqueName = nameFor("removed");
      const created = await service.syncMaps.create({ uniqueName });
      expect(await service.syncMaps(created.sid).remove()).toBe(true);

      expectTwilioError(await restExceptionFrom(service.syncMaps(created.sid).fetch()), 404, NOT_FOUND_CODES);
      expectTwilioError(await restExceptionFrom(service.syncMaps(uniqueName).fetch()), 404, NOT_FOUND_CODES);
      const listed = await service.syncMaps.list({ pageSize: 50 });
      expect(listed.map((map) => map.sid)).not.toContain(created.sid);
    });

    it("removes a map addressed by its unique name, items included, so the name starts afresh", async () => {
      const uniqueName = nameFor("removed-by-name");
      const created = await service.syncMaps.create({ uniqueName });
      await service.syncMaps(created.sid).syncMapItems.create({ key: "left-behind", data: { v: 1 } });
      expect(await service.syncMaps(uniqueName).remove()).toBe(true);
      expectTwilioError(await restExceptionFrom(service.syncMaps(created.sid).fetch()), 404, NOT_FOUND_CODES);

      const reborn = await service.syncMaps.create({ uniqueName });
      expect(reborn.sid).not.toBe(created.sid);
      expectTwilioError(
        await restExceptionFrom(service.syncMaps(uniqueName).syncMapItems("left-behind").fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("refuses a second map with the same unique name with 409/54301", async () => {
      const uniqueName = nameFor("duplicate");
      const first = await service.syncMaps.create({ uniqueName });
      expectTwilioError(await restExceptionFrom(service.syncMaps.create({ uniqueName })), 409, [54301]);
      expect((await service.syncMaps(uniqueName).fetch()).sid).toBe(first.sid);
    });

    it("rejects fetching or removing a map that never existed with 404", async () => {
      const unknownSid = `MP${"0".repeat(32)}`;
      expectTwilioError(await restExceptionFrom(service.syncMaps(unknownSid).fetch()), 404, NOT_FOUND_CODES);
      expectTwilioError(await restExceptionFrom(service.syncMaps(unknownSid).remove()), 404, NOT_FOUND_CODES);
      expectTwilioError(
        await restExceptionFrom(service.syncMaps(nameFor("never-created")).fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("rejects a wrong auth token with 401/20003, for reads and for writes, and creates nothing", async () => {
      const uniqueName = nameFor("unauthorised");
      expectTwilioError(await restExceptionFrom(wrongTokenService.syncMaps.list({ limit: 1 })), 401, [20003]);
      expectTwilioError(await restExceptionFrom(wrongTokenService.syncMaps.create({ uniqueName })), 401, [20003]);
      expectTwilioError(await restExceptionFrom(service.syncMaps(uniqueName).fetch()), 404, NOT_FOUND_CODES);
    });

    describe("listing several pages", () => {
      const label = "listed";
      let createdSids: string[];

      beforeAll(async () => {
        createdSids = [];
        for (let index = 0; index < 7; index += 1) {
          createdSids.push((await service.syncMaps.create({ uniqueName: nameFor(`${label}-${index}`) })).sid);
        }
      });

      const ours = (sids: readonly string[]): string[] => sids.filter((sid) => createdSids.includes(sid));

      it("each() with pageSize 2 visits every created map exactly once, following the server's own next_page_url", async () => {
        let seen: string[] = [];
        const asked = await askedDuring(async () => {
          const visited = await visitedByEach<SyncMapInstance>((callback, done) =>
            service.syncMaps.each({ pageSize: 2, callback, done }),
          );
          seen = visited.map((map) => map.sid);
        });

        expect(duplicates(seen)).toEqual([]);
        expect(ours(seen).sort()).toEqual([...createdSids].sort());
        // Two maps a page; a server may or may not end on an empty page after a full one.
        expect(asked.length).toBeGreaterThanOrEqual(Math.max(4, Math.ceil(seen.length / 2)));
        expect(asked.length).toBeLessThanOrEqual(Math.ceil(seen.length / 2) + 1);
        // The first page is built by the library on sync.twilio.com; the rest are the server's next_page_url, verbatim.
        // (TWILIO_REGION or TWILIO_EDGE in the environment make that sync.<edge>.<region>.twilio.com.)
        expect(asked[0]).toMatch(/^https:\/\/sync\.([a-z0-9-]+\.)*twilio\.com\/v1\/Services\/[^/]+\/Maps\?PageSize=2$/);
        for (const followed of asked.slice(1)) {
          expect(followed.startsWith(`${target.url}/v1/Services/${target.serviceSid}/Maps?`)).toBe(true);
          expect(new URL(followed).searchParams.get("PageToken")).not.toBeNull();
          expect(new URL(followed).searchParams.get("PageSize")).toBe("2");
        }
      });

      it("list() with pageSize 3 and a limit returns that many maps, in the same order as the full listing", async () => {
        const all = (await service.syncMaps.list({ pageSize: 3 })).map((map) => map.sid);
        expect(duplicates(all)).toEqual([]);
        expect(ours(all).sort()).toEqual([...createdSids].sort());

        const limited = await service.syncMaps.list({ pageSize: 3, limit: 5 });
        expect(limited.map((map) => map.sid)).toEqual(all.slice(0, 5));
      });

      it("page() navigation follows next_page_url forward and previous_page_url back to the same maps", async () => {
        const first = await service.syncMaps.page({ pageSize: 2 });
        expect(first.previousPageUrl).toBeUndefined();
        const second = await first.nextPage();
        if (second === undefined) throw new Error("the first page of at least 7 maps has no next_page_url");
        const back = await second.previousPage();
        if (back === undefined) throw new Error("the second page has no previous_page_url");

        const sidsOf = (page: { instances: SyncMapInstance[] }): string[] => page.instances.map((map) => map.sid);
        expect(sidsOf(first)).toHaveLength(2);
        expect(sidsOf(second)).toHaveLength(2);
        expect(sidsOf(second).some((sid) => sidsOf(first).includes(sid))).toBe(false);
        expect(sidsOf(back)).toEqual(sidsOf(first));
      });

      it("list() of maps carries each map's fields as fetch does", async () => {
        const [firstSid] = createdSids;
        const listed = (await service.syncMaps.list({ pageSize: 2 })).find((map) => map.sid === firstSid);
        const fetched = await service.syncMaps(firstSid ?? "").fetch();
        expect(listed?.toJSON()).toEqual(fetched.toJSON());
      });
    });
  });

  describe("Items", () => {
    async function newMap(label: string) {
      return service.syncMaps.create({ uniqueName: nameFor(label) });
    }

    it("creates an item and fetches it back with the same data, by map sid and by map unique name", async () => {
      const map = await newMap("item-create");
      // Empty and null members too: a server that tidies data up is not storing what was sent.
      const data = { greeting: "hello", nested: { count: 3, flags: [true, false] }, empty: "", none: null, list: [] };
      const created = await service.syncMaps(map.sid).syncMapItems.create({ key: "alpha", data });
      expect(created.key).toBe("alpha");
      expect(created.mapSid).toBe(map.sid);
      expect(created.data).toEqual(data);
      expect(created.createdBy).toBe("system");
      expect(typeof created.revision).toBe("string");
      expect(created.dateExpires).toBeNull();

      const bySid = await service.syncMaps(map.sid).syncMapItems("alpha").fetch();
      const byName = await service.syncMaps(nameFor("item-create")).syncMapItems("alpha").fetch();
      for (const fetched of [bySid, byName]) {
        expect(fetched.data).toEqual(data);
        expect(fetched.revision).toBe(created.revision);
        expect(fetched.mapSid).toBe(map.sid);
      }
    });

    it("answers item create, fetch and update with an ETag equal to the revision", async () => {
      const map = await newMap("item-etag");
      const created = await service.syncMaps(map.sid).syncMapItems.createWithHttpInfo({ key: "tagged", data: { v: 1 } });
      expect(created.statusCode).toBe(201);
      expect(etagForms(created.body.revision)).toContain(created.headers.etag);

      const item = service.syncMaps(map.sid).syncMapItems("tagged");
      const updated = await item.updateWithHttpInfo({ data: { v: 2 } });
      expect(updated.statusCode).toBe(200);
      expect(updated.body.revision).not.toBe(created.body.revision);
      expect(etagForms(updated.body.revision)).toContain(updated.headers.etag);

      const fetched = await item.fetchWithHttpInfo();
      expect(etagForms(updated.body.revision)).toContain(fetched.headers.etag);

      const removed = await item.removeWithHttpInfo();
      expect(removed.statusCode).toBe(204);
      expect(removed.body).toBe(true);
    });

    // twilio-node puts keys into the path unencoded and leaves encoding to URL parsing,
    // which encodes these; keys with "/", "?", "#" or "%" cannot travel that way (facts §8).
    it("round-trips keys with spaces, non-ASCII letters and sub-delimiters through the path", async () => {
      const map = await newMap("item-key-characters");
      const keys = ["with space", "café", "ключ", "a+b", "a&b=c", "it's", "~tilde"];
      for (const key of keys) {
        await service.syncMaps(map.sid).syncMapItems.create({ key, data: { key } });
        const fetched = await service.syncMaps(map.sid).syncMapItems(key).fetch();
        expect(fetched.key).toBe(key);
        expect(fetched.data).toEqual({ key });
        const updated = await service.syncMaps(map.sid).syncMapItems(key).update({ data: { key, updated: true } });
        expect(updated.data).toEqual({ key, updated: true });
      }
      // Only membership: the order of non-ASCII keys is not documented (facts C10).
      const listed = await service.syncMaps(map.sid).syncMapItems.list({ pageSize: 3 });
      expect(listed.map((item) => item.key).sort()).toEqual([...keys].sort());
    });

    it("creates an item whose ItemTtl sets its expiry, winning over the Ttl alias", async () => {
      const map = await newMap("item-ttl");
      const items = service.syncMaps(map.sid).syncMapItems;
      const requestedAt = Date.now();
      expectExpiresAbout((await items.create({ key: "item-ttl", data: { a: 1 }, itemTtl: 120 })).dateExpires, requestedAt, 120);
      expectExpiresAbout((await items.create({ key: "alias", data: { a: 1 }, ttl: 300 })).dateExpires, requestedAt, 300);
      expectExpiresAbout((await items.create({ key: "both", data: { a: 1 }, ttl: 60, itemTtl: 240 })).dateExpires, requestedAt, 240);
    });

    it("refuses a second item with the same key with 409/54208", async () => {
      const map = await newMap("item-duplicate");
      const items = service.syncMaps(map.sid).syncMapItems;
      await items.create({ key: "same", data: { version: 1 } });
      expectTwilioError(await restExceptionFrom(items.create({ key: "same", data: { version: 2 } })), 409, [54208]);
      expect((await service.syncMaps(map.sid).syncMapItems("same").fetch()).data).toEqual({ version: 1 });
    });

    it("updates an item's data, with and without If-Match, and refuses a stale revision with 412", async () => {
      const map = await newMap("item-update");
      const created = await service.syncMaps(map.sid).syncMapItems.create({ key: "doc", data: { step: 0, draft: true } });
      const item = service.syncMaps(map.sid).syncMapItems("doc");

      // New data replaces the old whole; "draft" must not survive a merge.
      const plain = await item.update({ data: { step: 1 } });
      expect(plain.data).toEqual({ step: 1 });
      expect(plain.revision).not.toBe(created.revision);

      const guarded = await item.update({ data: { step: 2 }, ifMatch: plain.revision });
      expect(guarded.data).toEqual({ step: 2 });
      expect(guarded.revision).not.toBe(plain.revision);

      const stale = await restExceptionFrom(item.update({ data: { step: 99 }, ifMatch: plain.revision }));
      expectTwilioError(stale, 412, PRECONDITION_FAILED_CODES);
      const after = await item.fetch();
      expect(after.data).toEqual({ step: 2 });
      expect(after.revision).toBe(guarded.revision);
    });

    it("removes an item, refusing a stale If-Match first, and then fetching it rejects with 404", async () => {
      const map = await newMap("item-remove");
      const created = await service.syncMaps(map.sid).syncMapItems.create({ key: "gone", data: { v: 1 } });
      const item = service.syncMaps(map.sid).syncMapItems("gone");
      const current = await item.update({ data: { v: 2 } });

      expectTwilioError(await restExceptionFrom(item.remove({ ifMatch: created.revision })), 412, PRECONDITION_FAILED_CODES);
      expect((await item.fetch()).data).toEqual({ v: 2 });

      expect(await item.remove({ ifMatch: current.revision })).toBe(true);
      expectTwilioError(await restExceptionFrom(item.fetch()), 404, NOT_FOUND_CODES);

      await service.syncMaps(map.sid).syncMapItems.create({ key: "unguarded", data: { v: 1 } });
      expect(await service.syncMaps(map.sid).syncMapItems("unguarded").remove()).toBe(true);
      expectTwilioError(
        await restExceptionFrom(service.syncMaps(map.sid).syncMapItems("unguarded").fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("rejects fetching, creating and listing items of a removed map with 404", async () => {
      const map = await newMap("item-orphan");
      await service.syncMaps(map.sid).syncMapItems.create({ key: "orphan", data: { v: 1 } });
      await service.syncMaps(map.sid).remove();
      const items = service.syncMaps(map.sid).syncMapItems;
      const itemsByName = service.syncMaps(nameFor("item-orphan")).syncMapItems;
      expectTwilioError(await restExceptionFrom(items("orphan").fetch()), 404, NOT_FOUND_CODES);
      expectTwilioError(await restExceptionFrom(items.create({ key: "late", data: { v: 1 } })), 404, NOT_FOUND_CODES);
      expectTwilioError(await restExceptionFrom(itemsByName.create({ key: "late", data: { v: 1 } })), 404, NOT_FOUND_CODES);
      expectTwilioError(await restExceptionFrom(items.list({ pageSize: 2 })), 404, NOT_FOUND_CODES);
      // Creating must not have brought the map back under its old name.
      expectTwilioError(await restExceptionFrom(service.syncMaps(nameFor("item-orphan")).fetch()), 404, NOT_FOUND_CODES);
    });

    describe("listing several pages", () => {
      const keys = ["k0", "k1", "k2", "k3", "k4", "k5", "k6"];
      let mapSid: string;
      const itemsOf = () => service.syncMaps(mapSid).syncMapItems;

      beforeAll(async () => {
        mapSid = (await newMap("item-list")).sid;
        // Created out of order, so an ascending list proves sorting rather than insertion order.
        for (const key of [...keys].reverse()) await itemsOf().create({ key, data: { key } });
      });

      it("each() with pageSize 2 visits every item once, in ascending key order, with its data", async () => {
        let seen: Array<{ key: string; data: unknown }> = [];
        const asked = await askedDuring(async () => {
          const visited = await visitedByEach<SyncMapItemInstance>((callback, done) =>
            itemsOf().each({ pageSize: 2, callback, done }),
          );
          seen = visited.map((item) => ({ key: item.key, data: item.data }));
        });
        expect(seen).toEqual(keys.map((key) => ({ key, data: { key } })));
        expect(asked).toHaveLength(4);
        for (const followed of asked.slice(1)) {
          expect(followed.startsWith(`${target.url}/v1/Services/${target.serviceSid}/Maps/${mapSid}/Items?`)).toBe(true);
        }
      });

      it("list() in descending order with pageSize 2 returns every key, highest first", async () => {
        const listed = await itemsOf().list({ order: "desc", pageSize: 2 });
        expect(listed.map((item) => item.key)).toEqual([...keys].reverse());
      });

      it("list() from a key starts at that key inclusive by default, and after it when exclusive", async () => {
        const inclusive = await itemsOf().list({ from: "k3", pageSize: 2 });
        expect(inclusive.map((item) => item.key)).toEqual(["k3", "k4", "k5", "k6"]);
        const exclusive = await itemsOf().list({ from: "k3", bounds: "exclusive", pageSize: 2 });
        expect(exclusive.map((item) => item.key)).toEqual(["k4", "k5", "k6"]);
      });

      it("list() descending from a key reads downwards from it, across pages", async () => {
        const listed = await itemsOf().list({ order: "desc", from: "k4", bounds: "exclusive", pageSize: 2 });
        expect(listed.map((item) => item.key)).toEqual(["k3", "k2", "k1", "k0"]);
      });

      it("list() with pageSize and limit stops at the limit", async () => {
        const listed = await itemsOf().list({ pageSize: 2, limit: 3 });
        expect(listed.map((item) => item.key)).toEqual(["k0", "k1", "k2"]);
      });
    });

    // The next_page_url echoes the map's address as the client encoded it, and the library requests it as is.
    it("pages through the items of a map addressed by a unique name with a space and a non-ASCII letter", async () => {
      const uniqueName = nameFor("paged by näme");
      await service.syncMaps.create({ uniqueName });
      const items = service.syncMaps(uniqueName).syncMapItems;
      for (const key of ["p0", "p1", "p2", "p3", "p4"]) await items.create({ key, data: { key } });

      let listed: string[] = [];
      const asked = await askedDuring(async () => {
        listed = (await items.list({ from: "p1", pageSize: 2 })).map((item) => item.key);
      });
      expect(listed).toEqual(["p1", "p2", "p3", "p4"]);
      expect(asked).toHaveLength(2);
    });

    it("list() with only a limit above 100 sends PageSize=limit, which the server clamps instead of refusing", async () => {
      const map = await newMap("item-big-limit");
      const keys = Array.from({ length: 105 }, (_, index) => `key-${String(index).padStart(3, "0")}`);
      for (const key of keys) await service.syncMaps(map.sid).syncMapItems.create({ key, data: { key } });

      let listed: string[] = [];
      const asked = await askedDuring(async () => {
        listed = (await service.syncMaps(map.sid).syncMapItems.list({ limit: 104 })).map((item) => item.key);
      });
      expect(listed).toEqual(keys.slice(0, 104));
      expect(new URL(asked[0] ?? "http://absent").searchParams.get("PageSize")).toBe("104");
      expect(asked).toHaveLength(2);
      expect(new URL(asked[1] ?? "http://absent").searchParams.get("PageSize")).toBe("100");
    });
  });

  describe("Permissions", () => {
    async function newMapSid(label: string): Promise<string> {
      return (await service.syncMaps.create({ uniqueName: nameFor(label) })).sid;
    }

    it("updates an identity's permission, fetches it, and a second update replaces all three flags", async () => {
      const mapSid = await newMapSid("perm-update");
      const permission = service.syncMaps(mapSid).syncMapPermissions("alice");

      // No two flags equal in either write, so a server that mixes flags up is seen.
      const granted = await permission.update({ read: true, write: false, manage: true });
      expect(granted).toMatchObject({ identity: "alice", mapSid, read: true, write: false, manage: true });
      expect(granted.accountSid).toBe(target.accountSid);
      expect(granted.serviceSid).toBe(target.serviceSid);
      expect(granted.url).toMatch(new RegExp(`/Maps/${mapSid}/Permissions/alice$`));

      const fetched = await permission.fetch();
      expect(fetched.toJSON()).toEqual(granted.toJSON());

      const replaced = await permission.update({ read: false, write: true, manage: false });
      expect(replaced).toMatchObject({ read: false, write: true, manage: false });
      expect((await permission.fetch()).toJSON()).toEqual(replaced.toJSON());
    });

    it("round-trips identities with a space, a plus sign and non-ASCII letters through the path", async () => {
      const mapSid = await newMapSid("perm-identity-characters");
      const identities = ["first last", "a+b", "josé", "ユーザー"];
      for (const identity of identities) {
        const granted = await service.syncMaps(mapSid).syncMapPermissions(identity).update({ read: true, write: false, manage: false });
        expect(granted.identity).toBe(identity);
        expect((await service.syncMaps(mapSid).syncMapPermissions(identity).fetch()).identity).toBe(identity);
      }
      const listed = await service.syncMaps(mapSid).syncMapPermissions.list({ pageSize: 3 });
      expect(listed.map((permission) => permission.identity).sort()).toEqual([...identities].sort());
    });

    it("rejects listing, fetching and updating permissions of a removed map with 404", async () => {
      const mapSid = await newMapSid("perm-orphan");
      await service.syncMaps(mapSid).syncMapPermissions("dave").update({ read: true, write: true, manage: true });
      await service.syncMaps(mapSid).remove();
      const permissions = service.syncMaps(mapSid).syncMapPermissions;
      expectTwilioError(await restExceptionFrom(permissions.list({ pageSize: 2 })), 404, NOT_FOUND_CODES);
      expectTwilioError(await restExceptionFrom(permissions("dave").fetch()), 404, NOT_FOUND_CODES);
      expectTwilioError(
        await restExceptionFrom(permissions("dave").update({ read: true, write: false, manage: false })),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("addresses a permission through the map's unique name", async () => {
      const mapSid = await newMapSid("perm-by-name");
      await service.syncMaps(nameFor("perm-by-name")).syncMapPermissions("bob").update({ read: true, write: false, manage: false });
      const fetched = await service.syncMaps(mapSid).syncMapPermissions("bob").fetch();
      expect(fetched).toMatchObject({ identity: "bob", mapSid, read: true, write: false, manage: false });
    });

    it("reaches a permission through the service named \"default\", answering with the real service sid", async () => {
      const mapSid = await newMapSid("perm-default-service");
      const viaDefault = defaultService.syncMaps(mapSid).syncMapPermissions("carol");
      const granted = await viaDefault.update({ read: true, write: true, manage: true });
      expect(granted).toMatchObject({ identity: "carol", mapSid, serviceSid: target.serviceSid, manage: true });
      expect((await service.syncMaps(mapSid).syncMapPermissions("carol").fetch()).toJSON()).toEqual(granted.toJSON());
    });

    it("lists permissions over several pages, each identity once with its flags, and no longer lists a removed one", async () => {
      const mapSid = await newMapSid("perm-list");
      const identities = ["id-a", "id-b", "id-c", "id-d", "id-e"];
      for (const [index, identity] of identities.entries()) {
        await service.syncMaps(mapSid).syncMapPermissions(identity).update({ read: true, write: index % 2 === 0, manage: false });
      }

      let seen: Array<{ identity: string; write: boolean }> = [];
      const asked = await askedDuring(async () => {
        const visited = await visitedByEach<SyncMapPermissionInstance>((callback, done) =>
          service.syncMaps(mapSid).syncMapPermissions.each({ pageSize: 2, callback, done }),
        );
        seen = visited.map((permission) => ({ identity: permission.identity, write: permission.write }));
      });
      expect(asked).toHaveLength(3);
      expect([...seen].sort((a, b) => a.identity.localeCompare(b.identity))).toEqual(
        identities.map((identity, index) => ({ identity, write: index % 2 === 0 })),
      );

      expect(await service.syncMaps(mapSid).syncMapPermissions("id-c").remove()).toBe(true);
      const remaining = await service.syncMaps(mapSid).syncMapPermissions.list({ pageSize: 2 });
      expect(remaining.map((permission) => permission.identity).sort()).toEqual(["id-a", "id-b", "id-d", "id-e"]);

      const limited = await service.syncMaps(mapSid).syncMapPermissions.list({ pageSize: 3, limit: 2 });
      expect(limited).toHaveLength(2);
    });
  });
});
