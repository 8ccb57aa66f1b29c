// twilio-node against `sync-map-conformance serve`, Items: create, fetch, update and
// remove an item, and list items over several pages.
// The served target and the clients come from ./support.ts; this file starts its own `serve`.
import { beforeAll, describe, expect, it } from "vitest";
import { NOT_FOUND_CODES, PRECONDITION_FAILED_CODES } from "../../../src/spec/documented.ts";
import {
  etagForms,
  expectExpiresAbout,
  expectTwilioError,
  restExceptionFrom,
  servedSdk,
  visitedByEach,
  type SyncMapItemInstance,
} from "./support.ts";

describe("twilio-node 6.2.0 against `serve`", () => {
  const sdk = servedSdk();
  const { nameFor, askedDuring } = sdk;

  describe("Items", () => {
    async function newMap(label: string) {
      return sdk.service.syncMaps.create({ uniqueName: nameFor(label) });
    }

    it("creates an item and fetches it back with the same data, by map sid and by map unique name", async () => {
      const map = await newMap("item-create");
      // Empty and null members too: a server that tidies data up is not storing what was sent.
      const data = {
        greeting: "hello",
        nested: { count: 3, flags: [true, false] },
        empty: "",
        none: null,
        list: [],
      };
      const created = await sdk.service
        .syncMaps(map.sid)
        .syncMapItems.create({ key: "alpha", data });
      expect(created.key).toBe("alpha");
      expect(created.mapSid).toBe(map.sid);
      expect(created.data).toEqual(data);
      expect(created.createdBy).toBe("system");
      expect(typeof created.revision).toBe("string");
      expect(created.dateExpires).toBeNull();

      const bySid = await sdk.service.syncMaps(map.sid).syncMapItems("alpha").fetch();
      const byName = await sdk.service
        .syncMaps(nameFor("item-create"))
        .syncMapItems("alpha")
        .fetch();
      for (const fetched of [bySid, byName]) {
        expect(fetched.data).toEqual(data);
        expect(fetched.revision).toBe(created.revision);
        expect(fetched.mapSid).toBe(map.sid);
      }
    });

    it("answers item create, fetch and update with an ETag equal to the revision", async () => {
      const map = await newMap("item-etag");
      const created = await sdk.service
        .syncMaps(map.sid)
        .syncMapItems.createWithHttpInfo({ key: "tagged", data: { v: 1 } });
      expect(created.statusCode).toBe(201);
      expect(etagForms(created.body.revision)).toContain(created.headers.etag);

      const item = sdk.service.syncMaps(map.sid).syncMapItems("tagged");
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
    // which encodes these; keys with "/", "?", "#" or "%" cannot travel that way
    // (docs/behaviour-reference.md#addressing).
    it("round-trips keys with spaces, non-ASCII letters and sub-delimiters through the path", async () => {
      const map = await newMap("item-key-characters");
      const keys = ["with space", "café", "ключ", "a+b", "a&b=c", "it's", "~tilde"];
      for (const key of keys) {
        await sdk.service.syncMaps(map.sid).syncMapItems.create({ key, data: { key } });
        const fetched = await sdk.service.syncMaps(map.sid).syncMapItems(key).fetch();
        expect(fetched.key).toBe(key);
        expect(fetched.data).toEqual({ key });
        const updated = await sdk.service
          .syncMaps(map.sid)
          .syncMapItems(key)
          .update({ data: { key, updated: true } });
        expect(updated.data).toEqual({ key, updated: true });
      }
      // Only membership: the order of non-ASCII keys is not documented
      // (docs/behaviour-reference.md#c10-item-order).
      const listed = await sdk.service.syncMaps(map.sid).syncMapItems.list({ pageSize: 3 });
      expect(listed.map((item) => item.key).sort()).toEqual([...keys].sort());
    });

    it("creates an item whose ItemTtl sets its expiry, winning over the Ttl alias", async () => {
      const map = await newMap("item-ttl");
      const items = sdk.service.syncMaps(map.sid).syncMapItems;
      const requestedAt = Date.now();
      expectExpiresAbout(
        (await items.create({ key: "item-ttl", data: { a: 1 }, itemTtl: 120 })).dateExpires,
        requestedAt,
        120,
      );
      expectExpiresAbout(
        (await items.create({ key: "alias", data: { a: 1 }, ttl: 300 })).dateExpires,
        requestedAt,
        300,
      );
      expectExpiresAbout(
        (await items.create({ key: "both", data: { a: 1 }, ttl: 60, itemTtl: 240 })).dateExpires,
        requestedAt,
        240,
      );
    });

    it("refuses a second item with the same key with 409/54208", async () => {
      const map = await newMap("item-duplicate");
      const items = sdk.service.syncMaps(map.sid).syncMapItems;
      await items.create({ key: "same", data: { version: 1 } });
      expectTwilioError(
        await restExceptionFrom(items.create({ key: "same", data: { version: 2 } })),
        409,
        [54208],
      );
      expect((await sdk.service.syncMaps(map.sid).syncMapItems("same").fetch()).data).toEqual({
        version: 1,
      });
    });

    it("updates an item's data, with and without If-Match, and refuses a stale revision with 412", async () => {
      const map = await newMap("item-update");
      const created = await sdk.service
        .syncMaps(map.sid)
        .syncMapItems.create({ key: "doc", data: { step: 0, draft: true } });
      const item = sdk.service.syncMaps(map.sid).syncMapItems("doc");

      // New data replaces the old whole; "draft" must not survive a merge.
      const plain = await item.update({ data: { step: 1 } });
      expect(plain.data).toEqual({ step: 1 });
      expect(plain.revision).not.toBe(created.revision);

      const guarded = await item.update({ data: { step: 2 }, ifMatch: plain.revision });
      expect(guarded.data).toEqual({ step: 2 });
      expect(guarded.revision).not.toBe(plain.revision);

      const stale = await restExceptionFrom(
        item.update({ data: { step: 99 }, ifMatch: plain.revision }),
      );
      expectTwilioError(stale, 412, PRECONDITION_FAILED_CODES);
      const after = await item.fetch();
      expect(after.data).toEqual({ step: 2 });
      expect(after.revision).toBe(guarded.revision);
    });

    it("removes an item, refusing a stale If-Match first, and then fetching it rejects with 404", async () => {
      const map = await newMap("item-remove");
      const created = await sdk.service
        .syncMaps(map.sid)
        .syncMapItems.create({ key: "gone", data: { v: 1 } });
      const item = sdk.service.syncMaps(map.sid).syncMapItems("gone");
      const current = await item.update({ data: { v: 2 } });

      expectTwilioError(
        await restExceptionFrom(item.remove({ ifMatch: created.revision })),
        412,
        PRECONDITION_FAILED_CODES,
      );
      expect((await item.fetch()).data).toEqual({ v: 2 });

      expect(await item.remove({ ifMatch: current.revision })).toBe(true);
      expectTwilioError(await restExceptionFrom(item.fetch()), 404, NOT_FOUND_CODES);

      await sdk.service.syncMaps(map.sid).syncMapItems.create({ key: "unguarded", data: { v: 1 } });
      expect(await sdk.service.syncMaps(map.sid).syncMapItems("unguarded").remove()).toBe(true);
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(map.sid).syncMapItems("unguarded").fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("rejects fetching, creating and listing items of a removed map with 404", async () => {
      const map = await newMap("item-orphan");
      await sdk.service.syncMaps(map.sid).syncMapItems.create({ key: "orphan", data: { v: 1 } });
      await sdk.service.syncMaps(map.sid).remove();
      const items = sdk.service.syncMaps(map.sid).syncMapItems;
      const itemsByName = sdk.service.syncMaps(nameFor("item-orphan")).syncMapItems;
      expectTwilioError(await restExceptionFrom(items("orphan").fetch()), 404, NOT_FOUND_CODES);
      expectTwilioError(
        await restExceptionFrom(items.create({ key: "late", data: { v: 1 } })),
        404,
        NOT_FOUND_CODES,
      );
      expectTwilioError(
        await restExceptionFrom(itemsByName.create({ key: "late", data: { v: 1 } })),
        404,
        NOT_FOUND_CODES,
      );
      expectTwilioError(await restExceptionFrom(items.list({ pageSize: 2 })), 404, NOT_FOUND_CODES);
      // Creating must not have brought the map back under its old name.
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(nameFor("item-orphan")).fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    describe("listing several pages", () => {
      const keys = ["k0", "k1", "k2", "k3", "k4", "k5", "k6"];
      let mapSid: string;
      const itemsOf = () => sdk.service.syncMaps(mapSid).syncMapItems;

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
          expect(
            followed.startsWith(
              `${sdk.target.url}/v1/Services/${sdk.target.serviceSid}/Maps/${mapSid}/Items?`,
            ),
          ).toBe(true);
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
        const listed = await itemsOf().list({
          order: "desc",
          from: "k4",
          bounds: "exclusive",
          pageSize: 2,
        });
        expect(listed.map((item) => item.key)).toEqual(["k3", "k2", "k1", "k0"]);
      });

      it("list() with pageSize and limit stops at the limit", async () => {
        const listed = await itemsOf().list({ pageSize: 2, limit: 3 });
        expect(listed.map((item) => item.key)).toEqual(["k0", "k1", "k2"]);
      });
    });

    // The next_page_url echoes the map's address as the client encoded it, and the library
    // requests it as is.
    it("pages through the items of a map addressed by a unique name with a space and a non-ASCII letter", async () => {
      const uniqueName = nameFor("paged by näme");
      await sdk.service.syncMaps.create({ uniqueName });
      const items = sdk.service.syncMaps(uniqueName).syncMapItems;
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
      const keys = Array.from(
        { length: 105 },
        (_, index) => `key-${String(index).padStart(3, "0")}`,
      );
      for (const key of keys)
        await sdk.service.syncMaps(map.sid).syncMapItems.create({ key, data: { key } });

      let listed: string[] = [];
      const asked = await askedDuring(async () => {
        listed = (await sdk.service.syncMaps(map.sid).syncMapItems.list({ limit: 104 })).map(
          (item) => item.key,
        );
      });
      expect(listed).toEqual(keys.slice(0, 104));
      expect(new URL(asked[0] ?? "http://absent").searchParams.get("PageSize")).toBe("104");
      expect(asked).toHaveLength(2);
      expect(new URL(asked[1] ?? "http://absent").searchParams.get("PageSize")).toBe("100");
    });
  });
});
