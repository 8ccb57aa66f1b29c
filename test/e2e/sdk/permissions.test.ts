// twilio-node against `sync-map-conformance serve`, Permissions: update, fetch and remove
// an identity's permission, and list permissions over several pages.
// The served target and the clients come from ./support.ts; this file starts its own `serve`.
import { describe, expect, it } from "vitest";
import { NOT_FOUND_CODES } from "../../../src/spec/documented.ts";
import {
  expectTwilioError,
  restExceptionFrom,
  servedSdk,
  visitedByEach,
  type SyncMapPermissionInstance,
} from "./support.ts";

describe("twilio-node 6.2.0 against `serve`", () => {
  const sdk = servedSdk();
  const { nameFor, askedDuring } = sdk;

  describe("Permissions", () => {
    async function newMapSid(label: string): Promise<string> {
      return (await sdk.service.syncMaps.create({ uniqueName: nameFor(label) })).sid;
    }

    it("updates an identity's permission, fetches it, and a second update replaces all three flags", async () => {
      const mapSid = await newMapSid("perm-update");
      const permission = sdk.service.syncMaps(mapSid).syncMapPermissions("alice");

      // No two flags equal in either write, so a server that mixes flags up is seen.
      const granted = await permission.update({ read: true, write: false, manage: true });
      expect(granted).toMatchObject({
        identity: "alice",
        mapSid,
        read: true,
        write: false,
        manage: true,
      });
      expect(granted.accountSid).toBe(sdk.target.accountSid);
      expect(granted.serviceSid).toBe(sdk.target.serviceSid);
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
        const granted = await sdk.service
          .syncMaps(mapSid)
          .syncMapPermissions(identity)
          .update({ read: true, write: false, manage: false });
        expect(granted.identity).toBe(identity);
        expect(
          (await sdk.service.syncMaps(mapSid).syncMapPermissions(identity).fetch()).identity,
        ).toBe(identity);
      }
      const listed = await sdk.service.syncMaps(mapSid).syncMapPermissions.list({ pageSize: 3 });
      expect(listed.map((permission) => permission.identity).sort()).toEqual(
        [...identities].sort(),
      );
    });

    it("rejects listing, fetching and updating permissions of a removed map with 404", async () => {
      const mapSid = await newMapSid("perm-orphan");
      await sdk.service
        .syncMaps(mapSid)
        .syncMapPermissions("dave")
        .update({ read: true, write: true, manage: true });
      await sdk.service.syncMaps(mapSid).remove();
      const permissions = sdk.service.syncMaps(mapSid).syncMapPermissions;
      expectTwilioError(
        await restExceptionFrom(permissions.list({ pageSize: 2 })),
        404,
        NOT_FOUND_CODES,
      );
      expectTwilioError(await restExceptionFrom(permissions("dave").fetch()), 404, NOT_FOUND_CODES);
      expectTwilioError(
        await restExceptionFrom(
          permissions("dave").update({ read: true, write: false, manage: false }),
        ),
        404,
        NOT_FOUND_CODES,
      );
    });

    it("addresses a permission through the map's unique name", async () => {
      const mapSid = await newMapSid("perm-by-name");
      await sdk.service
        .syncMaps(nameFor("perm-by-name"))
        .syncMapPermissions("bob")
        .update({ read: true, write: false, manage: false });
      const fetched = await sdk.service.syncMaps(mapSid).syncMapPermissions("bob").fetch();
      expect(fetched).toMatchObject({
        identity: "bob",
        mapSid,
        read: true,
        write: false,
        manage: false,
      });
    });

    it('reaches a permission through the service named "default", answering with the real service sid', async () => {
      const mapSid = await newMapSid("perm-default-service");
      const viaDefault = sdk.defaultService.syncMaps(mapSid).syncMapPermissions("carol");
      const granted = await viaDefault.update({ read: true, write: true, manage: true });
      expect(granted).toMatchObject({
        identity: "carol",
        mapSid,
        serviceSid: sdk.target.serviceSid,
        manage: true,
      });
      expect(
        (await sdk.service.syncMaps(mapSid).syncMapPermissions("carol").fetch()).toJSON(),
      ).toEqual(granted.toJSON());
    });

    it("lists permissions over several pages, each identity once with its flags, and no longer lists a removed one", async () => {
      const mapSid = await newMapSid("perm-list");
      const identities = ["id-a", "id-b", "id-c", "id-d", "id-e"];
      for (const [index, identity] of identities.entries()) {
        await sdk.service
          .syncMaps(mapSid)
          .syncMapPermissions(identity)
          .update({ read: true, write: index % 2 === 0, manage: false });
      }

      let seen: Array<{ identity: string; write: boolean }> = [];
      const asked = await askedDuring(async () => {
        const visited = await visitedByEach<SyncMapPermissionInstance>((callback, done) =>
          sdk.service.syncMaps(mapSid).syncMapPermissions.each({ pageSize: 2, callback, done }),
        );
        seen = visited.map((permission) => ({
          identity: permission.identity,
          write: permission.write,
        }));
      });
      expect(asked).toHaveLength(3);
      expect([...seen].sort((a, b) => a.identity.localeCompare(b.identity))).toEqual(
        identities.map((identity, index) => ({ identity, write: index % 2 === 0 })),
      );

      expect(await sdk.service.syncMaps(mapSid).syncMapPermissions("id-c").remove()).toBe(true);
      const remaining = await sdk.service.syncMaps(mapSid).syncMapPermissions.list({ pageSize: 2 });
      expect(remaining.map((permission) => permission.identity).sort()).toEqual([
        "id-a",
        "id-b",
        "id-d",
        "id-e",
      ]);

      const limited = await sdk.service
        .syncMaps(mapSid)
        .syncMapPermissions.list({ pageSize: 3, limit: 2 });
      expect(limited).toHaveLength(2);
    });
  });
});
