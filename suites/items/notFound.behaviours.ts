import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { parseJsonBody } from "../../src/http/exchange.ts";
import { ITEM_NOT_FOUND_CODES, NOT_FOUND_CODES, unknownMapSid } from "./documented.ts";

/** A create that should have found no map may have made one: delete it too, it is ours. */
async function dropMapIfCreated(t: BehaviourContext, exchange: Exchange): Promise<void> {
  const status = exchange.response?.status;
  if (status === undefined || status < 200 || status >= 300) return;
  const parsed = parseJsonBody(exchange);
  const mapSid = parsed.ok ? (parsed.value as { map_sid?: unknown } | null)?.map_sid : undefined;
  if (typeof mapSid === "string" && mapSid.startsWith("MP")) await t.api.deleteMap(mapSid);
}

export default [
  behaviour("ITEM-NOT-FOUND-MAP", async (t) => {
    // One unknown map by sid, one by a unique_name nobody holds (54300 is then a reading).
    for (const map of [unknownMapSid(), t.uniqueName("missing")]) {
      const documented = `item operations on the unknown map ${map} find no map`;
      const created = await t.api.createItem(map, { Key: "k", Data: JSON.stringify({ lost: true }) });
      await dropMapIfCreated(t, created);
      t.refused(created, 404, NOT_FOUND_CODES, documented, "item-of-unknown-map code");
      t.refused(await t.api.listItems(map), 404, NOT_FOUND_CODES, documented, "item-of-unknown-map code");
      t.refused(await t.api.fetchItem(map, "k"), 404, NOT_FOUND_CODES, documented, "item-of-unknown-map code");
      t.refused(await t.api.updateItem(map, "k", { Data: JSON.stringify({ lost: true }) }), 404, NOT_FOUND_CODES, documented, "item-of-unknown-map code");
      t.refused(await t.api.deleteItem(map, "k"), 404, NOT_FOUND_CODES, documented, "item-of-unknown-map code");
    }
  }),

  behaviour("ITEM-NOT-FOUND-KEY", async (t) => {
    const { sid } = await t.createMap();
    t.expectStatus(await t.api.createItem(sid, { Key: "present", Data: "{}" }), 201, "CreateSyncMapItem answers 201");
    const documented = "an unknown key is not found (54201)";
    t.refused(await t.api.fetchItem(sid, "absent"), 404, ITEM_NOT_FOUND_CODES, documented, "item not-found code");
    t.refused(await t.api.updateItem(sid, "absent", { Data: JSON.stringify({ upserted: true }) }), 404, ITEM_NOT_FOUND_CODES, documented, "item not-found code");
    t.refused(await t.api.deleteItem(sid, "absent"), 404, ITEM_NOT_FOUND_CODES, documented, "item not-found code");
    // An update of an unknown key is not an upsert: the key is still unknown afterwards.
    t.refused(await t.api.fetchItem(sid, "absent"), 404, ITEM_NOT_FOUND_CODES, "an update of an unknown key creates nothing");
  }),
];
