import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext, Json } from "../../src/behaviours/context.ts";
import { pagingMetaIsComplete, propertyHolds, urlPointsAtResource, valueIsDocumented } from "../../src/checks/index.ts";
import { LAST_PAGE_DOCUMENTED, walkPages, type PageWalk } from "../shared/walk.ts";

/** Enough pages for a target holding thousands of foreign maps, yet bounded. */
const MAX_PAGES = 2_000;

async function walkMaps(t: BehaviourContext, pageSize: number): Promise<PageWalk & { sids: string[] }> {
  const walk = await walkPages(t, await t.api.listMaps({ PageSize: pageSize }), "ListSyncMap", "maps", MAX_PAGES);
  return { ...walk, sids: walk.records.flatMap((map) => (typeof map.sid === "string" ? [map.sid] : [])) };
}

export default [
  behaviour("MAP-LIST-SCHEMA", async (t) => {
    await t.createMap();
    const listed = await t.api.listMaps({ PageSize: 5 });
    t.expectStatus(listed, 200, "ListSyncMap answers 200");
    t.schema(listed);
  }),

  behaviour("MAP-LIST-DEFAULT-PAGE-SIZE", async (t) => {
    const listed = await t.api.listMaps();
    t.expectStatus(listed, 200, "ListSyncMap answers 200");
    const meta = (t.json(listed).meta ?? {}) as Json;
    t.check(valueIsDocumented, { subject: "meta.page_size without PageSize", actual: meta.page_size, expected: 50, documented: "the default page size is 50" }, listed);
  }),

  behaviour("MAP-LIST-PAGE-SIZE", async (t) => {
    for (let i = 0; i < 3; i += 1) await t.createMap();
    for (const pageSize of [1, 2, 100]) {
      const listed = await t.api.listMaps({ PageSize: pageSize });
      t.expectStatus(listed, 200, `ListSyncMap with PageSize=${pageSize} answers 200`);
      const body = t.json(listed);
      const meta = (body.meta ?? {}) as Json;
      const count = Array.isArray(body.maps) ? body.maps.length : -1;
      t.check(valueIsDocumented, { subject: `meta.page_size with PageSize=${pageSize}`, actual: meta.page_size, expected: pageSize, documented: "the page size asked for (1..100 in every reading)" }, listed);
      t.check(propertyHolds, { holds: count >= 0 && count <= pageSize, received: `${count} maps with PageSize=${pageSize}`, documented: `at most ${pageSize} maps on the page` }, listed);
      if (pageSize < 3) {
        t.check(propertyHolds, { holds: count === pageSize, received: `${count} maps with PageSize=${pageSize} while the service holds at least 3`, documented: "a full page when more maps exist" }, listed);
      }
    }
  }),

  behaviour("MAP-LIST-META", async (t) => {
    await t.createMap();
    await t.createMap();
    const listed = await t.api.listMaps({ PageSize: 1 });
    t.expectStatus(listed, 200, "ListSyncMap answers 200");
    const body = t.json(listed);
    t.check(pagingMetaIsComplete, { body, key: "maps", expectedPageSize: 1, expectedPage: 0, firstPage: true }, listed);
    const meta = (body.meta ?? {}) as Json;
    // Page URLs may live on another origin, but they must point at this list.
    for (const field of ["url", "first_page_url"]) {
      t.check(urlPointsAtResource, { field: `meta.${field}`, value: meta[field], path: t.api.mapsPath() }, listed);
    }
    const next = (body.meta as Json | undefined)?.next_page_url;
    t.check(propertyHolds, { holds: typeof next === "string" && next.length > 0, received: `next_page_url = ${JSON.stringify(next)} with PageSize=1 and at least 2 maps`, documented: "next_page_url leads on while more maps exist" }, listed);
    if (typeof next === "string" && next.length > 0) {
      const second = await t.api.follow("ListSyncMap", next);
      t.expectStatus(second, 200, "the next page answers 200");
      const secondBody = t.json(second);
      t.check(pagingMetaIsComplete, { body: secondBody, key: "maps", expectedPageSize: 1, expectedPage: 1, firstPage: false }, second);
    }
  }),

  behaviour("MAP-LIST-WALK", async (t) => {
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await t.createMap()).sid);
    const walk = await walkMaps(t, 3);
    for (const sid of created) {
      const seen = walk.sids.filter((listed) => listed === sid).length;
      t.check(propertyHolds, { holds: seen === 1, received: `map ${sid} listed ${seen} times over ${walk.pages} pages of 3`, documented: "a walk over all pages lists each map exactly once" }, walk.last);
    }
    t.check(propertyHolds, { holds: walk.ended, received: `walk stopped after ${walk.pages} pages without an end`, documented: LAST_PAGE_DOCUMENTED }, walk.last);
  }),

  behaviour("MAP-LIST-DELETED", async (t) => {
    const kept = await t.createMap();
    const dropped = await t.createMap();
    t.expectStatus(await t.api.deleteMap(dropped.sid), 204, "DeleteSyncMap answers 204");
    t.forgetMap(dropped.sid);
    const walk = await walkMaps(t, 100);
    t.check(propertyHolds, { holds: !walk.sids.includes(dropped.sid), received: `deleted map ${dropped.sid} is still listed`, documented: "a deleted map is not listed" }, walk.last);
    t.check(propertyHolds, { holds: walk.sids.includes(kept.sid), received: `map ${kept.sid} is missing from the list`, documented: "an existing map is listed" }, walk.last);
  }),
];
