import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";

/** Deletes a map the behaviour made; it must answer 204. */
async function deleteMap(t: BehaviourContext, sid: string): Promise<void> {
  t.expectStatus(await t.api.deleteMap(sid), 204);
  t.forgetMap(sid);
}

async function createItems(
  t: BehaviourContext,
  map: string,
  keys: readonly string[],
): Promise<void> {
  for (const key of keys) {
    t.expectStatus(await t.api.createItem(map, { Key: key, Data: JSON.stringify({ key }) }), 201);
  }
}

export default [
  behaviour("MAP-DELETE-204", async (t) => {
    const { sid } = await t.createMap();
    const deleted = await t.api.deleteMap(sid);
    t.status(deleted, 204);
    if (deleted.response?.status === 204) t.forgetMap(sid);
    t.noBody(deleted);
  }),

  behaviour("MAP-DELETE-GONE", async (t) => {
    const { sid } = await t.createMap();
    await deleteMap(t, sid);
    t.notFound(await t.api.fetchMap(sid), "a deleted map is gone", "map not-found code");
  }),

  behaviour("MAP-CASCADE-ITEMS", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const keys = ["first", "second item"];
    await createItems(t, sid, keys);
    await deleteMap(t, sid);
    const why = "an item of a deleted map is gone with it";
    for (const key of keys) {
      t.notFound(await t.api.fetchItem(sid, key), why, "item-of-deleted-map code");
      t.notFound(await t.api.fetchItem(uniqueName ?? sid, key), why);
    }
  }),

  behaviour("MAP-CASCADE-RECREATE", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const keys = ["a", "b", "c"];
    await createItems(t, sid, keys);
    await deleteMap(t, sid);
    const again = await t.createMap({ UniqueName: uniqueName ?? "" });
    const items = t.expectAnswer(await t.api.listItems(again.sid), 200);
    const starts =
      "deleting a map deletes all of its items, so a new map of the same name starts empty";
    t.listsNothing(items, starts);
    const why = "an item of the deleted map does not reappear in the new map of the same name";
    for (const key of keys) t.notFound(await t.api.fetchItem(uniqueName ?? again.sid, key), why);
  }),
];
