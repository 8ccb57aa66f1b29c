import { behaviour } from "../../src/behaviours/define.ts";
import { TTL_MAX } from "../../src/spec/documented.ts";

export default [
  behaviour("MAP-TTL-ALIAS-CREATE", async (t) => {
    t.expires(await t.createMap({ Ttl: 600 }), { ttl: 600 });
    t.expires(await t.createMap({ Ttl: 600, CollectionTtl: 1200 }), { ttl: 1200 });
  }),

  // A ttl-only update need not move date_updated (docs/behaviour-reference.md#not-documented):
  // the update's time is estimated on the target's clock from the create's date_created.
  behaviour("MAP-TTL-ALIAS-UPDATE", async (t) => {
    const created = await t.createMap();
    const alone = t.expectAnswer(await t.api.updateMap(created.sid, { Ttl: 600 }), 200);
    t.expires(alone, { ttl: 600, clock: created });
    const both = await t.api.updateMap(created.sid, { Ttl: 600, CollectionTtl: 1200 });
    t.expires(t.expectAnswer(both, 200), { ttl: 1200, clock: created });
  }),

  behaviour("MAP-TTL-EXPIRY", async (t) => {
    for (const ttl of [1, 3600, 86_400])
      t.expires(await t.createMap({ CollectionTtl: ttl }), { ttl });
  }),

  behaviour("MAP-TTL-NONE", async (t) => {
    t.expires(await t.createMap(), { ttl: undefined });
    t.expires(await t.createMap({ CollectionTtl: 0 }), { ttl: 0 });
  }),

  behaviour("MAP-TTL-UPDATE-CLEAR", async (t) => {
    const { sid } = await t.createMap({ CollectionTtl: 3600 });
    const cleared = t.expectAnswer(await t.api.updateMap(sid, { CollectionTtl: 0 }), 200);
    t.expires(cleared, { ttl: 0, from: "date_updated" });
    t.expires(t.expectAnswer(await t.api.fetchMap(sid), 200), { ttl: 0, from: "date_updated" });
  }),

  behaviour("MAP-TTL-RANGE", async (t) => {
    const longest = await t.api.createMap({
      UniqueName: t.uniqueName("ttlmax"),
      CollectionTtl: TTL_MAX,
    });
    t.adoptIfCreated(longest);
    const created = t.answered(longest, 201, `a ttl of ${TTL_MAX} (one year) is accepted (54011)`);
    if (created !== undefined) t.expires(created, { ttl: TTL_MAX });
    for (const ttl of [TTL_MAX + 1, -1]) {
      const answer = await t.api.createMap({
        UniqueName: t.uniqueName("ttlout"),
        CollectionTtl: ttl,
      });
      t.adoptIfCreated(answer);
      t.rejected(answer, `a ttl outside 0..${TTL_MAX} is refused (54011)`, "ttl out-of-range code");
    }
  }),

  behaviour("MAP-TTL-INTEGER", async (t) => {
    for (const ttl of ["soon", "1.5"]) {
      const answer = await t.api.createMap({
        UniqueName: t.uniqueName("ttlnan"),
        CollectionTtl: ttl,
      });
      t.adoptIfCreated(answer);
      t.rejected(answer, "CollectionTtl is an integer", "non-integer ttl code");
    }
    const { sid } = await t.createMap();
    for (const ttl of ["soon", "1.5"]) {
      const update = await t.api.updateMap(sid, { CollectionTtl: ttl });
      t.rejected(update, "CollectionTtl on update is an integer");
    }
  }),
];
