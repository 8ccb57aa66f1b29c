import { behaviour } from "../../src/behaviours/define.ts";
import { dateIsTwilioUtc, sidMatchesPattern, urlPointsAtResource, valueIsDocumented } from "../../src/checks/index.ts";
import { servicePath } from "../shared/documented.ts";

export default [
  behaviour("MAP-CREATE-SCHEMA", async (t) => {
    const { exchange } = await t.createMap({ CollectionTtl: 3600 });
    t.schema(exchange);
    const { exchange: bare } = await t.createMap({}, { named: false });
    t.schema(bare);
  }),

  behaviour("MAP-CREATE-SID", async (t) => {
    const { map } = await t.createMap();
    t.check(sidMatchesPattern, { field: "sid", value: map.sid, prefix: "MP" });
  }),

  behaviour("MAP-CREATE-OWNER-SIDS", async (t) => {
    const { map, exchange } = await t.createMap();
    t.check(sidMatchesPattern, { field: "account_sid", value: map.account_sid, prefix: "AC" }, exchange);
    t.check(sidMatchesPattern, { field: "service_sid", value: map.service_sid, prefix: "IS" }, exchange);
    // An API key (SK…) may authenticate; only an AC… user names the owning account.
    if (t.accountSid.startsWith("AC")) {
      t.check(valueIsDocumented, { subject: "account_sid", actual: map.account_sid, expected: t.accountSid, documented: "the account that owns the map" }, exchange);
    }
    if (t.serviceSid.startsWith("IS")) {
      t.check(valueIsDocumented, { subject: "service_sid", actual: map.service_sid, expected: t.serviceSid, documented: "the service in the request path" }, exchange);
    }
  }),

  behaviour("MAP-CREATE-CREATED-BY", async (t) => {
    const { map, exchange } = await t.createMap();
    t.check(valueIsDocumented, { subject: "created_by", actual: map.created_by, expected: "system", documented: "maps created over REST" }, exchange);
  }),

  behaviour("MAP-URL-LINKS", async (t) => {
    const { map, exchange } = await t.createMap();
    const mapPath = `${servicePath(t.serviceSid, map.service_sid)}/Maps/${String(map.sid)}`;
    const links = (map.links ?? {}) as Record<string, unknown>;
    t.check(urlPointsAtResource, { field: "url", value: map.url, path: mapPath }, exchange);
    t.check(urlPointsAtResource, { field: "links.items", value: links.items, path: `${mapPath}/Items` }, exchange);
    t.check(urlPointsAtResource, { field: "links.permissions", value: links.permissions, path: `${mapPath}/Permissions` }, exchange);
  }),

  behaviour("MAP-DATES-UTC", async (t) => {
    for (const form of [{ CollectionTtl: 3600 }, {}]) {
      const { map, exchange, sid } = await t.createMap(form);
      const fetched = await t.api.fetchMap(sid);
      t.expectStatus(fetched, 200, "FetchSyncMap answers 200");
      for (const [source, body] of [[exchange, map], [fetched, t.json(fetched)]] as const) {
        t.check(dateIsTwilioUtc, { field: "date_created", value: body.date_created }, source);
        t.check(dateIsTwilioUtc, { field: "date_updated", value: body.date_updated }, source);
        t.check(dateIsTwilioUtc, { field: "date_expires", value: body.date_expires, nullable: true }, source);
      }
    }
  }),

  behaviour("MAP-CREATE-REVISION", async (t) => {
    const { map, exchange } = await t.createMap();
    const revision = map.revision;
    if (typeof revision !== "string" || revision.length === 0) {
      t.fail({ check: "revision_is_string", title: "Map revision is not a non-empty string", received: `revision = ${JSON.stringify(revision)}`, documented: "revision is an opaque string" }, exchange);
    }
  }),
];
