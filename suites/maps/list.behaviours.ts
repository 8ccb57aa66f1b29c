import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE_ALL_READINGS } from "../../src/spec/documented.ts";
import { walkEnded } from "../common/helpers.ts";
import { walkPages, type PageWalk } from "../common/walk.ts";

/** Enough pages for a target holding thousands of foreign maps, yet bounded. */
const MAX_PAGES = 2_000;

async function walkMaps(
  t: BehaviourContext,
  pageSize: number,
): Promise<PageWalk & { sids: string[] }> {
  const first = await t.api.listMaps({ PageSize: pageSize });
  const walk = await walkPages(t, first, "ListSyncMap", "maps", MAX_PAGES);
  return {
    ...walk,
    sids: walk.records.flatMap((map) => (typeof map.sid === "string" ? [map.sid] : [])),
  };
}

export default [
  behaviour("MAP-LIST-SCHEMA", async (t) => {
    await t.createMap();
    t.schema(t.expectAnswer(await t.api.listMaps({ PageSize: 5 }), 200));
  }),

  behaviour("MAP-LIST-DEFAULT-PAGE-SIZE", async (t) => {
    const listed = t.expectAnswer(await t.api.listMaps(), 200);
    t.pageSize(listed, DEFAULT_PAGE_SIZE);
  }),

  behaviour("MAP-LIST-PAGE-SIZE", async (t) => {
    for (let i = 0; i < 3; i += 1) await t.createMap();
    for (const pageSize of [1, 2, MAX_PAGE_SIZE_ALL_READINGS]) {
      const listed = t.expectAnswer(await t.api.listMaps({ PageSize: pageSize }), 200);
      const maps = listed.body.maps;
      const count = Array.isArray(maps) ? maps.length : -1;
      t.pageSize(listed, pageSize);
      const onPage = `${count} maps with PageSize=${pageSize}`;
      const atMost = `at most ${pageSize} maps on the page`;
      t.holds(listed, count >= 0 && count <= pageSize, onPage, atMost);
      if (pageSize < 3) {
        const full = `${onPage} while the service holds at least 3`;
        t.holds(listed, count === pageSize, full, "a full page when more maps exist");
      }
    }
  }),

  behaviour("MAP-LIST-META", async (t) => {
    await t.createMap();
    await t.createMap();
    const listed = t.expectAnswer(await t.api.listMaps({ PageSize: 1 }), 200);
    t.pageMeta(listed, 0, 1);
    // Page URLs may live on another origin, but they must point at this list.
    for (const field of ["meta.url", "meta.first_page_url"])
      t.pointsAt(listed, field, t.api.mapsPath());
    const next = t.nextPage(listed, "next_page_url leads on while more maps exist (at least 2)");
    if (next === undefined) return;
    t.pageMeta(t.expectAnswer(await t.api.follow("ListSyncMap", next), 200), 1, 1);
  }),

  behaviour("MAP-LIST-WALK", async (t) => {
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await t.createMap()).sid);
    const walk = await walkMaps(t, 3);
    const once = `a walk over all ${walk.pages} pages of 3 lists each map exactly once`;
    for (const sid of created) t.listedOnce(walk.last, walk.sids, sid, once);
    walkEnded(t, walk);
  }),

  behaviour("MAP-LIST-DELETED", async (t) => {
    const kept = await t.createMap();
    const dropped = await t.createMap();
    t.expectStatus(await t.api.deleteMap(dropped.sid), 204);
    t.forgetMap(dropped.sid);
    const walk = await walkMaps(t, 100);
    t.omits(walk.last, walk.sids, dropped.sid, "a deleted map is not listed");
    t.lists(walk.last, walk.sids, kept.sid, "an existing map is listed");
  }),
];
