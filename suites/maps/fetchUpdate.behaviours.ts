import { behaviour } from "../../src/behaviours/define.ts";
import { propertyHolds, valueIsDocumented } from "../../src/checks/index.ts";
import { parseTwilioDate } from "../../src/checks/dates.ts";
import { MAP_NOT_FOUND_CODES, unknownMapSid, DISTINGUISHABLE_DELAY_MS } from "../shared/documented.ts";

const STABLE_FIELDS = ["sid", "unique_name", "account_sid", "service_sid", "url", "links", "revision", "date_created", "date_updated", "date_expires", "created_by"] as const;

export default [
  behaviour("MAP-FETCH-SCHEMA", async (t) => {
    const { map, sid } = await t.createMap({ CollectionTtl: 3600 });
    const fetched = await t.api.fetchMap(sid);
    t.expectStatus(fetched, 200, "FetchSyncMap answers 200");
    t.schema(fetched);
    const body = t.json(fetched);
    for (const field of STABLE_FIELDS) {
      t.check(valueIsDocumented, { subject: `fetched ${field}`, actual: body[field], expected: map[field], documented: "the map as the create answer described it" }, fetched);
    }
  }),

  behaviour("MAP-UPDATE-SCHEMA", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const updated = await t.api.updateMap(sid, { CollectionTtl: 600 });
    t.expectStatus(updated, 200, "UpdateSyncMap answers 200");
    t.schema(updated);
    const body = t.json(updated);
    t.check(valueIsDocumented, { subject: "updated sid", actual: body.sid, expected: sid, documented: "an update keeps the sid" }, updated);
    t.check(valueIsDocumented, { subject: "updated unique_name", actual: body.unique_name, expected: uniqueName, documented: "UpdateSyncMap has no UniqueName, so it stays" }, updated);
  }),

  behaviour("MAP-UPDATE-REVISION", async (t) => {
    const { sid, map } = await t.createMap();
    const updated = await t.api.updateMap(sid, { CollectionTtl: 600 });
    t.expectStatus(updated, 200, "UpdateSyncMap answers 200");
    const revision = t.json(updated).revision;
    t.check(
      propertyHolds,
      { holds: typeof revision === "string" && revision !== map.revision, received: `revision ${JSON.stringify(map.revision)} before, ${JSON.stringify(revision)} after the update`, documented: "every change gives the map a new revision" },
      updated,
    );
  }),

  behaviour("MAP-UPDATE-DATE-UPDATED", async (t) => {
    const { sid, map } = await t.createMap();
    await t.sleep(DISTINGUISHABLE_DELAY_MS);
    const updated = await t.api.updateMap(sid, { CollectionTtl: 600 });
    t.expectStatus(updated, 200, "UpdateSyncMap answers 200");
    const body = t.json(updated);
    const before = typeof map.date_updated === "string" ? parseTwilioDate(map.date_updated) : undefined;
    const after = typeof body.date_updated === "string" ? parseTwilioDate(body.date_updated) : undefined;
    // Every map update is ttl-only, and whether that moves date_updated is not documented
    // (facts §8): both readings pass, but time never runs backwards.
    t.check(
      propertyHolds,
      {
        holds: before !== undefined && after !== undefined && after >= before,
        received: `date_updated ${JSON.stringify(map.date_updated)} at create, ${JSON.stringify(body.date_updated)} after an update ${DISTINGUISHABLE_DELAY_MS} ms later`,
        documented: "date_updated is when the map was last updated: never before the previous value",
      },
      updated,
    );
    if (before !== undefined && after !== undefined && after >= before) {
      t.reading("ttl-only update moves date_updated", after > before ? "yes" : "no");
    }
    t.check(valueIsDocumented, { subject: "date_created after update", actual: body.date_created, expected: map.date_created, documented: "an update does not change when the map was created" }, updated);
  }),

  behaviour("MAP-NOT-FOUND-FETCH", async (t) => {
    const answer = await t.api.fetchMap(unknownMapSid());
    t.refused(answer, 404, MAP_NOT_FOUND_CODES, "an unknown map is not found", "map not-found code");
  }),

  behaviour("MAP-NOT-FOUND-UPDATE", async (t) => {
    const answer = await t.api.updateMap(unknownMapSid(), { CollectionTtl: 600 });
    t.adoptIfCreated(answer);
    t.refused(answer, 404, MAP_NOT_FOUND_CODES, "an unknown map is not found", "map not-found code");
  }),

  behaviour("MAP-NOT-FOUND-DELETE", async (t) => {
    const answer = await t.api.deleteMap(unknownMapSid());
    t.refused(answer, 404, MAP_NOT_FOUND_CODES, "an unknown map is not found", "map not-found code");
  }),
];
