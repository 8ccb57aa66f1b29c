import { behaviour } from "../../src/behaviours/define.ts";
import { show } from "../../src/checks/failure.ts";
import { unknownMapSid } from "../common/helpers.ts";

/** What a fetch must report as the create answer did. */
const STABLE_FIELDS = [
  ...["sid", "unique_name", "account_sid", "service_sid", "url", "links", "revision"],
  ...["date_created", "date_updated", "date_expires", "created_by"],
] as const;
const NOT_FOUND = "an unknown map is not found";
const NOT_FOUND_TOPIC = "map not-found code";

export default [
  behaviour("MAP-FETCH-SCHEMA", async (t) => {
    const created = await t.createMap({ CollectionTtl: 3600 });
    const fetched = t.expectAnswer(await t.api.fetchMap(created.sid), 200);
    t.schema(fetched);
    for (const field of STABLE_FIELDS) {
      t.field(fetched, field, created.body[field], "the map as the create answer described it");
    }
  }),

  behaviour("MAP-UPDATE-SCHEMA", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const updated = t.expectAnswer(await t.api.updateMap(sid, { CollectionTtl: 600 }), 200);
    t.schema(updated);
    t.field(updated, "sid", sid, "an update keeps the sid");
    t.field(updated, "unique_name", uniqueName, "UpdateSyncMap has no UniqueName, so it stays");
  }),

  behaviour("MAP-UPDATE-REVISION", async (t) => {
    const created = await t.createMap();
    const updated = t.expectAnswer(await t.api.updateMap(created.sid, { CollectionTtl: 600 }), 200);
    const [before, after] = [created.body.revision, updated.body.revision];
    const changed = typeof after === "string" && after !== before;
    const received = `revision ${show(before)} before, ${show(after)} after the update`;
    t.holds(updated, changed, received, "every change gives the map a new revision");
  }),

  behaviour("MAP-NOT-FOUND-FETCH", async (t) => {
    t.notFound(await t.api.fetchMap(unknownMapSid()), NOT_FOUND, NOT_FOUND_TOPIC);
  }),

  behaviour("MAP-NOT-FOUND-UPDATE", async (t) => {
    const answer = await t.api.updateMap(unknownMapSid(), { CollectionTtl: 600 });
    t.adoptIfCreated(answer);
    t.notFound(answer, NOT_FOUND, NOT_FOUND_TOPIC);
  }),

  behaviour("MAP-NOT-FOUND-DELETE", async (t) => {
    t.notFound(await t.api.deleteMap(unknownMapSid()), NOT_FOUND, NOT_FOUND_TOPIC);
  }),
];
