import { behaviour } from "../../src/behaviours/define.ts";
import { dateIsTwilioUtc, propertyHolds, sidMatchesPattern, urlPointsAtResource, valueIsDocumented } from "../../src/checks/index.ts";
import { etagCarriesRevision, etagForm } from "../../src/checks/etag.ts";
import { ITEM_FIELDS } from "./documented.ts";
import { fetchedItem, itemUrlPath, newItem } from "./support.ts";

export default [
  behaviour("ITEM-CREATE-SCHEMA", async (t) => {
    const { sid } = await t.createMap();
    const plain = await newItem(t, sid, "schema", { text: "hello", n: 1 });
    t.schema(plain.exchange);
    const expiring = await newItem(t, sid, "schema-ttl", {}, { ItemTtl: 3600 });
    t.schema(expiring.exchange);
  }),

  behaviour("ITEM-CREATE-PROPERTIES", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const addresses: Array<readonly [string, string]> = [["sid", sid], ["unique_name", uniqueName ?? sid]];
    for (const [how, address] of addresses) {
      const key = `props-by-${how}`;
      const { item, exchange } = await newItem(t, address, key);
      t.check(valueIsDocumented, { subject: "key", actual: item.key, expected: key, documented: "the Key sent" }, exchange);
      t.check(sidMatchesPattern, { field: "map_sid", value: item.map_sid, prefix: "MP" }, exchange);
      t.check(valueIsDocumented, { subject: `map_sid (map addressed by ${how})`, actual: item.map_sid, expected: sid, documented: "the sid of the map that holds the item" }, exchange);
      t.check(sidMatchesPattern, { field: "account_sid", value: item.account_sid, prefix: "AC" }, exchange);
      t.check(sidMatchesPattern, { field: "service_sid", value: item.service_sid, prefix: "IS" }, exchange);
      // An API key (SK…) may authenticate; only an AC… user names the owning account.
      if (t.accountSid.startsWith("AC")) {
        t.check(valueIsDocumented, { subject: "account_sid", actual: item.account_sid, expected: t.accountSid, documented: "the account that owns the item" }, exchange);
      }
      if (t.serviceSid.startsWith("IS")) {
        t.check(valueIsDocumented, { subject: "service_sid", actual: item.service_sid, expected: t.serviceSid, documented: "the service in the request path" }, exchange);
      }
      t.check(valueIsDocumented, { subject: "created_by", actual: item.created_by, expected: "system", documented: "items created over REST" }, exchange);
      const revision = item.revision;
      t.check(propertyHolds, { holds: typeof revision === "string" && revision.length > 0, received: `revision = ${JSON.stringify(revision)}`, documented: "revision is an opaque, non-empty string" }, exchange);
    }
  }),

  behaviour("ITEM-URL", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    for (const key of ["plain-key", "two words"]) {
      // Addressed by unique_name: the url must still name the map by its sid.
      const { item, exchange } = await newItem(t, uniqueName ?? sid, key);
      t.check(urlPointsAtResource, { field: `url of item ${JSON.stringify(key)}`, value: item.url, path: itemUrlPath(t, item, sid, key) }, exchange);
    }
  }),

  behaviour("ITEM-DATES-UTC", async (t) => {
    const { sid } = await t.createMap();
    for (const [key, extra] of [["dates-ttl", { ItemTtl: 3600 }], ["dates-forever", {}]] as const) {
      const created = await newItem(t, sid, key, { key }, extra);
      const fetched = await fetchedItem(t, sid, key);
      for (const { item, exchange } of [created, fetched]) {
        t.check(dateIsTwilioUtc, { field: "date_created", value: item.date_created }, exchange);
        t.check(dateIsTwilioUtc, { field: "date_updated", value: item.date_updated }, exchange);
        t.check(dateIsTwilioUtc, { field: "date_expires", value: item.date_expires, nullable: true }, exchange);
      }
    }
  }),

  behaviour("ITEM-ETAG-CREATE", async (t) => {
    const { sid } = await t.createMap();
    for (const key of ["etag-one", "etag-two"]) {
      const { item, exchange } = await newItem(t, sid, key);
      t.check(etagCarriesRevision, { answer: "CreateSyncMapItem answer", headers: exchange.response?.headers, revision: item.revision }, exchange);
      const etag = exchange.response?.headers.etag;
      if (etag !== undefined) t.reading("item ETag form", etagForm(etag));
    }
  }),

  behaviour("ITEM-FETCH", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const key = "fetch-me";
    const created = await newItem(t, sid, key, { nested: { list: [1, 2, 3] }, text: "fetched" }, { ItemTtl: 3600 });
    for (const [how, address] of [["sid", sid], ["unique_name", uniqueName ?? sid]] as const) {
      const fetched = await fetchedItem(t, address, key, `FetchSyncMapItem answers 200 with the map addressed by ${how}`);
      t.schema(fetched.exchange);
      for (const field of ITEM_FIELDS) {
        t.check(valueIsDocumented, { subject: `fetched ${field} (map addressed by ${how})`, actual: fetched.item[field], expected: created.item[field], documented: "the item as the create answer described it" }, fetched.exchange);
      }
    }
  }),

  behaviour("ITEM-ETAG-FETCH", async (t) => {
    const { sid } = await t.createMap();
    const key = "etag-fetch";
    await newItem(t, sid, key, { version: 1 });
    for (const moment of ["after create", "after an update"]) {
      if (moment === "after an update") t.expectStatus(await t.api.updateItem(sid, key, { Data: JSON.stringify({ version: 2 }) }), 200, "UpdateSyncMapItem answers 200");
      const { item, exchange } = await fetchedItem(t, sid, key);
      t.check(etagCarriesRevision, { answer: `FetchSyncMapItem answer ${moment}`, headers: exchange.response?.headers, revision: item.revision }, exchange);
      const etag = exchange.response?.headers.etag;
      if (etag !== undefined) t.reading("item ETag form", etagForm(etag));
    }
  }),
];
