import { behaviour } from "../../src/behaviours/define.ts";
import { expiryDerivesFromTtl, propertyHolds, targetTimeAt } from "../../src/checks/index.ts";
import { parseTwilioDate } from "../../src/checks/dates.ts";
import { TTL_MAX, DISTINGUISHABLE_DELAY_MS } from "../shared/documented.ts";

/** A ttl-only update need not move date_updated (facts §8): its time is estimated instead. */
const UPDATE_TIME = "the update's time on the target's clock";

export default [
  behaviour("MAP-TTL-ALIAS-CREATE", async (t) => {
    const alone = await t.createMap({ Ttl: 600 });
    t.check(expiryDerivesFromTtl, { resource: "map (Ttl=600)", dateExpires: alone.map.date_expires, writeTime: alone.map.date_created, writeTimeField: "date_created", ttl: 600 }, alone.exchange);
    const both = await t.createMap({ Ttl: 600, CollectionTtl: 1200 });
    t.check(expiryDerivesFromTtl, { resource: "map (Ttl=600, CollectionTtl=1200)", dateExpires: both.map.date_expires, writeTime: both.map.date_created, writeTimeField: "date_created", ttl: 1200 }, both.exchange);
  }),

  behaviour("MAP-TTL-ALIAS-UPDATE", async (t) => {
    const { sid, map, exchange: created } = await t.createMap();
    const alone = await t.api.updateMap(sid, { Ttl: 600 });
    t.expectStatus(alone, 200, "UpdateSyncMap answers 200");
    const aloneBody = t.json(alone);
    t.check(expiryDerivesFromTtl, { resource: "map (update Ttl=600)", dateExpires: aloneBody.date_expires, writeTime: targetTimeAt(created, map.date_created, alone), writeTimeField: UPDATE_TIME, ttl: 600 }, alone);
    const both = await t.api.updateMap(sid, { Ttl: 600, CollectionTtl: 1200 });
    t.expectStatus(both, 200, "UpdateSyncMap answers 200");
    const bothBody = t.json(both);
    t.check(expiryDerivesFromTtl, { resource: "map (update Ttl=600, CollectionTtl=1200)", dateExpires: bothBody.date_expires, writeTime: targetTimeAt(created, map.date_created, both), writeTimeField: UPDATE_TIME, ttl: 1200 }, both);
  }),

  behaviour("MAP-TTL-EXPIRY", async (t) => {
    for (const ttl of [1, 3600, 86_400]) {
      const { map, exchange } = await t.createMap({ CollectionTtl: ttl });
      t.check(expiryDerivesFromTtl, { resource: `map (CollectionTtl=${ttl})`, dateExpires: map.date_expires, writeTime: map.date_created, writeTimeField: "date_created", ttl }, exchange);
    }
  }),

  behaviour("MAP-TTL-NONE", async (t) => {
    const none = await t.createMap();
    t.check(expiryDerivesFromTtl, { resource: "map (no ttl)", dateExpires: none.map.date_expires, writeTime: none.map.date_created, writeTimeField: "date_created", ttl: undefined }, none.exchange);
    const zero = await t.createMap({ CollectionTtl: 0 });
    t.check(expiryDerivesFromTtl, { resource: "map (CollectionTtl=0)", dateExpires: zero.map.date_expires, writeTime: zero.map.date_created, writeTimeField: "date_created", ttl: 0 }, zero.exchange);
  }),

  behaviour("MAP-TTL-UPDATE-REBASE", async (t) => {
    const { sid, map, exchange: created } = await t.createMap({ CollectionTtl: 3600 });
    await t.sleep(DISTINGUISHABLE_DELAY_MS);
    const updated = await t.api.updateMap(sid, { CollectionTtl: 3600 });
    t.expectStatus(updated, 200, "UpdateSyncMap answers 200");
    const body = t.json(updated);
    t.check(expiryDerivesFromTtl, { resource: "map (update CollectionTtl=3600)", dateExpires: body.date_expires, writeTime: targetTimeAt(created, map.date_created, updated), writeTimeField: UPDATE_TIME, ttl: 3600 }, updated);
    const before = typeof map.date_expires === "string" ? parseTwilioDate(map.date_expires) : undefined;
    const after = typeof body.date_expires === "string" ? parseTwilioDate(body.date_expires) : undefined;
    t.check(
      propertyHolds,
      {
        holds: before !== undefined && after !== undefined && after - before >= 1000,
        received: `date_expires ${JSON.stringify(map.date_expires)} at create, ${JSON.stringify(body.date_expires)} after an update ${DISTINGUISHABLE_DELAY_MS} ms later with the same ttl`,
        documented: "a ttl sent with an update counts from the update, so expiry moves forward",
      },
      updated,
    );
  }),

  behaviour("MAP-TTL-UPDATE-CLEAR", async (t) => {
    const { sid } = await t.createMap({ CollectionTtl: 3600 });
    const cleared = await t.api.updateMap(sid, { CollectionTtl: 0 });
    t.expectStatus(cleared, 200, "UpdateSyncMap answers 200");
    const body = t.json(cleared);
    t.check(expiryDerivesFromTtl, { resource: "map (update CollectionTtl=0)", dateExpires: body.date_expires, writeTime: body.date_updated, writeTimeField: "date_updated", ttl: 0 }, cleared);
    const fetched = await t.api.fetchMap(sid);
    t.expectStatus(fetched, 200, "FetchSyncMap answers 200");
    const stored = t.json(fetched);
    t.check(expiryDerivesFromTtl, { resource: "fetched map after CollectionTtl=0", dateExpires: stored.date_expires, writeTime: stored.date_updated, writeTimeField: "date_updated", ttl: 0 }, fetched);
  }),

  behaviour("MAP-TTL-RANGE", async (t) => {
    const longest = await t.api.createMap({ UniqueName: t.uniqueName("ttlmax"), CollectionTtl: TTL_MAX });
    t.adoptIfCreated(longest);
    if (t.status(longest, 201, `a ttl of ${TTL_MAX} (one year) is accepted (54011)`)) {
      const body = t.json(longest);
      t.check(expiryDerivesFromTtl, { resource: `map (CollectionTtl=${TTL_MAX})`, dateExpires: body.date_expires, writeTime: body.date_created, writeTimeField: "date_created", ttl: TTL_MAX }, longest);
    }
    for (const ttl of [TTL_MAX + 1, -1]) {
      const answer = await t.api.createMap({ UniqueName: t.uniqueName("ttlout"), CollectionTtl: ttl });
      t.adoptIfCreated(answer);
      t.refused(answer, "4xx", [], `a ttl outside 0..${TTL_MAX} is refused (54011)`, "ttl out-of-range code");
    }
  }),

  behaviour("MAP-TTL-INTEGER", async (t) => {
    for (const ttl of ["soon", "1.5"]) {
      const answer = await t.api.createMap({ UniqueName: t.uniqueName("ttlnan"), CollectionTtl: ttl });
      t.adoptIfCreated(answer);
      t.refused(answer, "4xx", [], "CollectionTtl is an integer", "non-integer ttl code");
    }
    const { sid } = await t.createMap();
    for (const ttl of ["soon", "1.5"]) {
      const update = await t.api.updateMap(sid, { CollectionTtl: ttl });
      t.refused(update, "4xx", [], "CollectionTtl on update is an integer");
    }
  }),
];
