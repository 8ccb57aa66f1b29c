import { behaviour } from "../../src/behaviours/define.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE_ALL_READINGS } from "../../src/spec/documented.ts";
import { walkEnded } from "../common/helpers.ts";
import { grant, walkPermissions, type Flags } from "./support.ts";

const SOME_FLAGS: Flags = { read: true, write: false, manage: false };

export default [
  behaviour("PERM-LIST-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    t.schema(t.expectAnswer(await t.api.listPermissions(sid), 200));
    await grant(t, sid, "listed-a", SOME_FLAGS);
    await grant(t, sid, "listed-b", { read: true, write: true, manage: true });
    t.schema(t.expectAnswer(await t.api.listPermissions(sid, { PageSize: 5 }), 200));
  }),

  behaviour("PERM-LIST-META", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "meta-a", SOME_FLAGS);
    await grant(t, sid, "meta-b", SOME_FLAGS);
    const listed = t.expectAnswer(await t.api.listPermissions(sid, { PageSize: 1 }), 200);
    t.pageMeta(listed, 0, 1);
    const next = t.nextPage(listed, "next_page_url leads on while more permissions exist (2)");
    if (next === undefined) return;
    t.pageMeta(t.expectAnswer(await t.api.follow("ListSyncMapPermission", next), 200), 1, 1);
  }),

  behaviour("PERM-LIST-DEFAULT-PAGE-SIZE", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "default-size", SOME_FLAGS);
    const listed = t.expectAnswer(await t.api.listPermissions(sid), 200);
    t.pageSize(listed, DEFAULT_PAGE_SIZE);
  }),

  behaviour("PERM-LIST-PAGE-SIZE", async (t) => {
    const { sid } = await t.createMap();
    const granted = 3;
    for (let i = 0; i < granted; i += 1) await grant(t, sid, `sized-${i}`, SOME_FLAGS);
    for (const pageSize of [1, 2, MAX_PAGE_SIZE_ALL_READINGS]) {
      const listed = t.expectAnswer(await t.api.listPermissions(sid, { PageSize: pageSize }), 200);
      const permissions = listed.body.permissions;
      const count = Array.isArray(permissions) ? permissions.length : -1;
      const expected = Math.min(pageSize, granted);
      t.pageSize(listed, pageSize);
      const received = `${count} permissions with PageSize=${pageSize} on a map holding ${granted}`;
      const full = `a first page of ${expected}: full up to PageSize`;
      t.holds(listed, count === expected, received, full);
    }
  }),

  behaviour("PERM-LIST-WALK", async (t) => {
    const { sid } = await t.createMap();
    const identities = Array.from({ length: 7 }, (_, i) => `walk-${i}`);
    for (const identity of identities) await grant(t, sid, identity, SOME_FLAGS);
    const walk = await walkPermissions(t, sid, 3);
    const once = `a walk over all ${walk.pages} pages of 3 lists each identity exactly once`;
    for (const identity of identities) t.listedOnce(walk.last, walk.identities, identity, once);
    const foreign = walk.identities.filter((identity) => !identities.includes(identity));
    const received = `identities never granted on this map: ${JSON.stringify(foreign)}`;
    const onlyThisMap = "a map's list holds only the permissions of that map";
    t.holds(walk.last, foreign.length === 0, received, onlyThisMap);
    walkEnded(t, walk);
  }),
];
