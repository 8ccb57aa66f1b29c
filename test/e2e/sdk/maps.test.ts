// twilio-node against `sync-map-conformance serve`, Maps: create, fetch, update and remove
// a map, and list maps over several pages.
// The served target and the clients come from ./support.ts; this file starts its own `serve`.
import { beforeAll, describe, expect, it } from "vitest";
import { NOT_FOUND_CODES } from "../../../src/spec/documented.ts";
import {
  duplicates,
  expectExpiresAbout,
  expectTwilioError,
  restExceptionFrom,
  servedSdk,
  visitedByEach,
  type SyncMapInstance,
} from "./support.ts";

describe("twilio-node 6.2.0 against `serve`", () => {
  const sdk = servedSdk();
  const { nameFor, askedDuring } = sdk;

  describe("Maps", () => {
    it("creates a map without a unique name, which then has none and never expires", async () => {
      const map = await sdk.service.syncMaps.create();
      expect(map.sid).toMatch(/^MP[0-9a-fA-F]{32}$/);
      expect(map.uniqueName).toBeNull();
      expect(map.dateExpires).toBeNull();
      expect(map.accountSid).toBe(sdk.target.accountSid);
      expect(map.serviceSid).toBe(sdk.target.serviceSid);
      expect(map.createdBy).toBe("system");
      expect(typeof map.revision).toBe("string");
      expect(map.dateCreated).toBeInstanceOf(Date);
      expect(map.dateUpdated).toBeInstanceOf(Date);
    });

    it("creates a map whose CollectionTtl wins over the Ttl alias when both are sent", async () => {
      const requestedAt = Date.now();
      const created = await sdk.service.syncMaps.create({
        uniqueName: nameFor("both-ttls"),
        ttl: 60,
        collectionTtl: 900,
      });
      expectExpiresAbout(created.dateExpires, requestedAt, 900);
    });

    it("creates a map with a unique name and a TTL, and fetches it by sid and by unique name", async () => {
      const uniqueName = nameFor("fetchable");
      const requestedAt = Date.now();
      const created = await sdk.service.syncMaps.create({ uniqueName, ttl: 600 });
      expect(created.uniqueName).toBe(uniqueName);
      expectExpiresAbout(created.dateExpires, requestedAt, 600);
      expect(created.links).toEqual({
        items: `${created.url}/Items`,
        permissions: `${created.url}/Permissions`,
      });
      expect(created.url).toMatch(
        new RegExp(`/v1/Services/${sdk.target.serviceSid}/Maps/${created.sid}$`),
      );

      const bySid = await sdk.service.syncMaps(created.sid).fetch();
      const byName = await sdk.service.syncMaps(uniqueName).fetch();
      for (const fetched of [bySid, byName]) {
        expect(fetched.sid).toBe(created.sid);
        expect(fetched.uniqueName).toBe(uniqueName);
        expect(fetched.dateExpires).toEqual(created.dateExpires);
        expect(fetched.revision).toBe(created.revision);
      }
    });

    it("updates a map's TTL by sid, and a CollectionTtl of 0 sent by unique name removes the expiry", async () => {
      const uniqueName = nameFor("ttl-update");
      const created = await sdk.service.syncMaps.create({ uniqueName });
      expect(created.dateExpires).toBeNull();

      const requestedAt = Date.now();
      const updated = await sdk.service.syncMaps(created.sid).update({ ttl: 3600 });
      expect(updated.sid).toBe(created.sid);
      expectExpiresAbout(updated.dateExpires, requestedAt, 3600);
      expect((await sdk.service.syncMaps(created.sid).fetch()).dateExpires).toEqual(
        updated.dateExpires,
      );

      const cleared = await sdk.service.syncMaps(uniqueName).update({ collectionTtl: 0 });
      expect(cleared.sid).toBe(created.sid);
      expect(cleared.dateExpires).toBeNull();
      expect((await sdk.service.syncMaps(created.sid).fetch()).dateExpires).toBeNull();
    });

    it("removes a map by sid, after which fetching it rejects with 404 and lists no longer show it", async () => {
      const uniqueName = nameFor("removed");
      const created = await sdk.service.syncMaps.create({ uniqueName });
      expect(await sdk.service.syncMaps(created.sid).remove()).toBe(true);

      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(created.sid).fetch()),
        404,
        NOT_FOUND_CODES,
      );
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(uniqueName).fetch()),
        404,
        NOT_FOUND_CODES,
      );
      const listed = await sdk.service.syncMaps.list({ pageSize: 50 });
      expect(listed.map((map) => map.sid)).not.toContain(created.sid);
    });

    it("removes a map addressed by its unique name, items included, so the name starts afresh", async () => {
      const uniqueName = nameFor("removed-by-name");
      const created = await sdk.service.syncMaps.create({ uniqueName });
      await sdk.service
        .syncMaps(created.sid)
        .syncMapItems.create({ key: "left-behind", data: { v: 1 } });
      expect(await sdk.service.syncMaps(uniqueName).remove()).toBe(true);
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(created.sid).fetch()),
        404,
        NOT_FOUND_CODES,
      );

      const reborn = await sdk.service.syncMaps.create({ uniqueName });
      expect(reborn.sid).not.toBe(created.sid);
      expectTwilioError(
        await restExceptionFrom(
          sdk.service.syncMaps(uniqueName).syncMapItems("left-behind").fetch(),
        ),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("refuses a second map with the same unique name with 409/54301", async () => {
      const uniqueName = nameFor("duplicate");
      const first = await sdk.service.syncMaps.create({ uniqueName });
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps.create({ uniqueName })),
        409,
        [54301],
      );
      expect((await sdk.service.syncMaps(uniqueName).fetch()).sid).toBe(first.sid);
    });

    it("rejects fetching or removing a map that never existed with 404", async () => {
      const unknownSid = `MP${"0".repeat(32)}`;
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(unknownSid).fetch()),
        404,
        NOT_FOUND_CODES,
      );
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(unknownSid).remove()),
        404,
        NOT_FOUND_CODES,
      );
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(nameFor("never-created")).fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("rejects a wrong auth token with 401/20003, for reads and for writes, and creates nothing", async () => {
      const uniqueName = nameFor("unauthorised");
      expectTwilioError(
        await restExceptionFrom(sdk.wrongTokenService.syncMaps.list({ limit: 1 })),
        401,
        [20003],
      );
      expectTwilioError(
        await restExceptionFrom(sdk.wrongTokenService.syncMaps.create({ uniqueName })),
        401,
        [20003],
      );
      expectTwilioError(
        await restExceptionFrom(sdk.service.syncMaps(uniqueName).fetch()),
        404,
        NOT_FOUND_CODES,
      );
    });

    describe("listing several pages", () => {
      const label = "listed";
      let createdSids: string[];

      beforeAll(async () => {
        createdSids = [];
        for (let index = 0; index < 7; index += 1) {
          createdSids.push(
            (await sdk.service.syncMaps.create({ uniqueName: nameFor(`${label}-${index}`) })).sid,
          );
        }
      });

      const ours = (sids: readonly string[]): string[] =>
        sids.filter((sid) => createdSids.includes(sid));

      it("each() with pageSize 2 visits every created map exactly once, following the server's own next_page_url", async () => {
        let seen: string[] = [];
        const asked = await askedDuring(async () => {
          const visited = await visitedByEach<SyncMapInstance>((callback, done) =>
            sdk.service.syncMaps.each({ pageSize: 2, callback, done }),
          );
          seen = visited.map((map) => map.sid);
        });

        expect(duplicates(seen)).toEqual([]);
        expect(ours(seen).sort()).toEqual([...createdSids].sort());
        // Two maps a page; a server may or may not end on an empty page after a full one.
        expect(asked.length).toBeGreaterThanOrEqual(Math.max(4, Math.ceil(seen.length / 2)));
        expect(asked.length).toBeLessThanOrEqual(Math.ceil(seen.length / 2) + 1);
        // The first page is built by the library on sync.twilio.com; the rest are the server's
        // next_page_url, verbatim. (TWILIO_REGION or TWILIO_EDGE in the environment make that
        // sync.<edge>.<region>.twilio.com.)
        expect(asked[0]).toMatch(
          /^https:\/\/sync\.([a-z0-9-]+\.)*twilio\.com\/v1\/Services\/[^/]+\/Maps\?PageSize=2$/,
        );
        for (const followed of asked.slice(1)) {
          expect(
            followed.startsWith(`${sdk.target.url}/v1/Services/${sdk.target.serviceSid}/Maps?`),
          ).toBe(true);
          expect(new URL(followed).searchParams.get("PageToken")).not.toBeNull();
          expect(new URL(followed).searchParams.get("PageSize")).toBe("2");
        }
      });

      it("list() with pageSize 3 and a limit returns that many maps, in the same order as the full listing", async () => {
        const all = (await sdk.service.syncMaps.list({ pageSize: 3 })).map((map) => map.sid);
        expect(duplicates(all)).toEqual([]);
        expect(ours(all).sort()).toEqual([...createdSids].sort());

        const limited = await sdk.service.syncMaps.list({ pageSize: 3, limit: 5 });
        expect(limited.map((map) => map.sid)).toEqual(all.slice(0, 5));
      });

      it("page() navigation follows next_page_url forward and previous_page_url back to the same maps", async () => {
        const first = await sdk.service.syncMaps.page({ pageSize: 2 });
        expect(first.previousPageUrl).toBeUndefined();
        const second = await first.nextPage();
        if (second === undefined)
          throw new Error("the first page of at least 7 maps has no next_page_url");
        const back = await second.previousPage();
        if (back === undefined) throw new Error("the second page has no previous_page_url");

        const sidsOf = (page: { instances: SyncMapInstance[] }): string[] =>
          page.instances.map((map) => map.sid);
        expect(sidsOf(first)).toHaveLength(2);
        expect(sidsOf(second)).toHaveLength(2);
        expect(sidsOf(second).some((sid) => sidsOf(first).includes(sid))).toBe(false);
        expect(sidsOf(back)).toEqual(sidsOf(first));
      });

      it("list() of maps carries each map's fields as fetch does", async () => {
        const [firstSid] = createdSids;
        const listed = (await sdk.service.syncMaps.list({ pageSize: 2 })).find(
          (map) => map.sid === firstSid,
        );
        const fetched = await sdk.service.syncMaps(firstSid ?? "").fetch();
        expect(listed?.toJSON()).toEqual(fetched.toJSON());
      });
    });
  });
});
