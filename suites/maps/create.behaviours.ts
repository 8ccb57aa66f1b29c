import { behaviour } from "../../src/behaviours/define.ts";
import { CREATED_BY_REST } from "../../src/spec/documented.ts";
import { show } from "../../src/checks/failure.ts";
import { servicePath } from "../common/helpers.ts";

export default [
  behaviour("MAP-CREATE-SCHEMA", async (t) => {
    t.schema(await t.createMap({ CollectionTtl: 3600 }));
    t.schema(await t.createMap({}, { named: false }));
  }),

  behaviour("MAP-CREATE-SID", async (t) => {
    t.sidShaped(await t.createMap(), "sid");
  }),

  behaviour("MAP-CREATE-OWNER-SIDS", async (t) => {
    t.ownedByCaller(await t.createMap());
  }),

  behaviour("MAP-CREATE-CREATED-BY", async (t) => {
    t.field(await t.createMap(), "created_by", CREATED_BY_REST, "maps created over REST");
  }),

  behaviour("MAP-URL-LINKS", async (t) => {
    const created = await t.createMap();
    const mapPath = `${servicePath(t.serviceSid, created.body.service_sid)}/Maps/${created.sid}`;
    t.pointsAt(created, "url", mapPath);
    t.pointsAt(created, "links.items", `${mapPath}/Items`);
    t.pointsAt(created, "links.permissions", `${mapPath}/Permissions`);
  }),

  behaviour("MAP-DATES-UTC", async (t) => {
    for (const form of [{ CollectionTtl: 3600 }, {}]) {
      const created = await t.createMap(form);
      t.datesAreUtc(created);
      t.datesAreUtc(t.expectAnswer(await t.api.fetchMap(created.sid), 200));
    }
  }),

  behaviour("MAP-CREATE-REVISION", async (t) => {
    const created = await t.createMap();
    const revision = created.body.revision;
    if (typeof revision !== "string" || revision.length === 0) {
      const title = "Map revision is not a non-empty string";
      const found = {
        check: "revision_is_string",
        title,
        received: `revision = ${show(revision)}`,
      };
      t.fail({ ...found, documented: "revision is an opaque string" }, created);
    }
  }),
];
