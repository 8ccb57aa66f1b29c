import { behaviour } from "../../src/behaviours/define.ts";
import type { Json } from "../../src/behaviours/context.ts";
import { pagingMetaIsComplete, propertyHolds, valueIsDocumented } from "../../src/checks/index.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE_ALL_READINGS } from "./documented.ts";
import { grant, timesListed, walkPermissions, type Flags } from "./support.ts";
import { LAST_PAGE_DOCUMENTED } from "../shared/walk.ts";

const SOME_FLAGS: Flags = { read: true, write: false, manage: false };

export default [
  behaviour("PERM-LIST-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    const empty = await t.api.listPermissions(sid);
    t.expectStatus(empty, 200, "ListSyncMapPermission of a map without permissions answers 200");
    t.schema(empty);
    await grant(t, sid, "listed-a", SOME_FLAGS);
    await grant(t, sid, "listed-b", { read: true, write: true, manage: true });
    const full = await t.api.listPermissions(sid, { PageSize: 5 });
    t.expectStatus(full, 200, "ListSyncMapPermission answers 200");
    t.schema(full);
  }),

  behaviour("PERM-LIST-META", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "meta-a", SOME_FLAGS);
    await grant(t, sid, "meta-b", SOME_FLAGS);
    const listed = await t.api.listPermissions(sid, { PageSize: 1 });
    t.expectStatus(listed, 200, "ListSyncMapPermission answers 200");
    const body = t.json(listed);
    t.check(pagingMetaIsComplete, { body, key: "permissions", expectedPageSize: 1, expectedPage: 0, firstPage: true }, listed);
    const next = (body.meta as Json | undefined)?.next_page_url;
    t.check(propertyHolds, { holds: typeof next === "string" && next.length > 0, received: `next_page_url = ${JSON.stringify(next)} with PageSize=1 and 2 permissions`, documented: "next_page_url leads on while more permissions exist" }, listed);
    if (typeof next === "string" && next.length > 0) {
      const second = await t.api.follow("ListSyncMapPermission", next);
      t.expectStatus(second, 200, "the next page answers 200");
      t.check(pagingMetaIsComplete, { body: t.json(second), key: "permissions", expectedPageSize: 1, expectedPage: 1, firstPage: false }, second);
    }
  }),

  behaviour("PERM-LIST-DEFAULT-PAGE-SIZE", async (t) => {
    const { sid } = await t.createMap();
    await grant(t, sid, "default-size", SOME_FLAGS);
    const listed = await t.api.listPermissions(sid);
    t.expectStatus(listed, 200, "ListSyncMapPermission answers 200");
    const meta = (t.json(listed).meta ?? {}) as Json;
    t.check(valueIsDocumented, { subject: "meta.page_size without PageSize", actual: meta.page_size, expected: DEFAULT_PAGE_SIZE, documented: "the default page size is 50" }, listed);
  }),

  behaviour("PERM-LIST-PAGE-SIZE", async (t) => {
    const { sid } = await t.createMap();
    const granted = 3;
    for (let i = 0; i < granted; i += 1) await grant(t, sid, `sized-${i}`, SOME_FLAGS);
    for (const pageSize of [1, 2, MAX_PAGE_SIZE_ALL_READINGS]) {
      const listed = await t.api.listPermissions(sid, { PageSize: pageSize });
      t.expectStatus(listed, 200, `ListSyncMapPermission with PageSize=${pageSize} answers 200`);
      const body = t.json(listed);
      const meta = (body.meta ?? {}) as Json;
      const count = Array.isArray(body.permissions) ? body.permissions.length : -1;
      const expected = Math.min(pageSize, granted);
      t.check(valueIsDocumented, { subject: `meta.page_size with PageSize=${pageSize}`, actual: meta.page_size, expected: pageSize, documented: "the page size asked for (1..100 in every reading)" }, listed);
      t.check(propertyHolds, { holds: count === expected, received: `${count} permissions with PageSize=${pageSize} on a map holding ${granted}`, documented: `a first page of ${expected}: full up to PageSize` }, listed);
    }
  }),

  behaviour("PERM-LIST-WALK", async (t) => {
    const { sid } = await t.createMap();
    const identities = Array.from({ length: 7 }, (_, i) => `walk-${i}`);
    for (const identity of identities) await grant(t, sid, identity, SOME_FLAGS);
    const walk = await walkPermissions(t, sid, 3);
    for (const identity of identities) {
      const seen = timesListed(walk, identity);
      t.check(propertyHolds, { holds: seen === 1, received: `${identity} listed ${seen} times over ${walk.pages} pages of 3`, documented: "a walk over all pages lists each identity exactly once" }, walk.last);
    }
    const foreign = walk.identities.filter((identity) => !identities.includes(identity));
    t.check(propertyHolds, { holds: foreign.length === 0, received: `identities never granted on this map: ${JSON.stringify(foreign)}`, documented: "a map's list holds only the permissions of that map" }, walk.last);
    t.check(propertyHolds, { holds: walk.ended, received: `walk stopped after ${walk.pages} pages without an end`, documented: LAST_PAGE_DOCUMENTED }, walk.last);
  }),
];
