// Authentication beyond a missing or wrong token: the other half of the pair, headers
// the Basic scheme cannot read, and what a refusal must not do (change state, repeat
// the credentials). docs/behaviour-reference.md#authentication
import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { answerRepeatsNoCredentials } from "../../src/checks/httpLayer.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { CODE } from "../../src/spec/documented.ts";
import { madeUpSid, malformedHeaders, sendAs, strangers, type Stranger } from "./support.ts";

const AUTHENTICATE = [CODE.authenticate];

/** A read and a write with the stranger's credentials, each refused with 401 (20003). */
async function refusesReadAndWrite(t: BehaviourContext, stranger: Stranger): Promise<void> {
  const path = t.api.mapsPath();
  const read = await sendAs(t, stranger, "ListSyncMap", "GET", path);
  t.refused(read, 401, AUTHENTICATE, `a read with ${stranger.label} is refused (20003)`);
  const form = { UniqueName: t.uniqueName("stranger") };
  const write = await sendAs(t, stranger, "CreateSyncMap", "POST", path, form);
  t.adoptIfCreated(write);
  t.refused(write, 401, AUTHENTICATE, `a write with ${stranger.label} is refused (20003)`);
}

/** Every write a stranger might try on one map and its item, and a new map by name. */
async function strangerWrites(t: BehaviourContext, stranger: Stranger, map: string, name: string) {
  const api = t.api;
  const sent: Exchange[] = [
    await sendAs(t, stranger, "UpdateSyncMap", "POST", api.mapPath(map), { Ttl: 600 }),
    await sendAs(t, stranger, "CreateSyncMapItem", "POST", `${api.mapPath(map)}/Items`, {
      Key: "intruder",
      Data: '{"by":"stranger"}',
    }),
    await sendAs(t, stranger, "UpdateSyncMapItem", "POST", api.itemPath(map, "kept"), {
      Data: '{"by":"stranger"}',
    }),
    await sendAs(t, stranger, "DeleteSyncMapItem", "DELETE", api.itemPath(map, "kept")),
    await sendAs(t, stranger, "DeleteSyncMap", "DELETE", api.mapPath(map)),
    await sendAs(t, stranger, "CreateSyncMap", "POST", api.mapsPath(), { UniqueName: name }),
  ];
  for (const exchange of sent) t.adoptIfCreated(exchange);
}

export default [
  behaviour("AUTH-OTHER-ACCOUNT", async (t) => {
    await refusesReadAndWrite(t, {
      label: "another account SID and the right token",
      auth: { user: madeUpSid("AC"), ownToken: true },
    });
  }),

  behaviour("AUTH-MALFORMED", async (t) => {
    for (const stranger of malformedHeaders(t)) await refusesReadAndWrite(t, stranger);
  }),

  behaviour("AUTH-REFUSED-CHANGES-NOTHING", async (t) => {
    const { sid, body: before } = await t.createMap();
    t.expectStatus(await t.api.createItem(sid, { Key: "kept", Data: '{"by":"owner"}' }), 201);
    for (const stranger of strangers(t)) {
      const name = t.uniqueName("refused");
      await strangerWrites(t, stranger, sid, name);
      const why = `after writes refused to ${stranger.label}`;
      const map = t.answered(await t.api.fetchMap(sid), 200, `the map is still there ${why}`);
      if (map === undefined) return;
      t.field(map, "date_expires", before.date_expires, `the map's expiry is unchanged ${why}`);
      t.field(map, "revision", before.revision, `the map's revision is unchanged ${why}`);
      const items = t.expectAnswer(await t.api.listItems(sid), 200);
      const listed = Array.isArray(items.body.items) ? items.body.items : [];
      const seen = listed.map((item) => JSON.stringify([item?.key, item?.data]));
      const expected = [JSON.stringify(["kept", { by: "owner" }])];
      t.agrees(items, "the map's items", seen, expected, `the items are unchanged ${why}`);
      t.notFound(await t.api.fetchMap(name), `no map named ${name} was created ${why}`);
    }
  }),

  behaviour("AUTH-NO-ECHO", async (t) => {
    const path = t.api.mapsPath();
    for (const stranger of strangers(t)) {
      const read = await sendAs(t, stranger, "ListSyncMap", "GET", path);
      const form = { UniqueName: t.uniqueName("echo") };
      const write = await sendAs(t, stranger, "CreateSyncMap", "POST", path, form);
      t.adoptIfCreated(write);
      for (const exchange of [read, write]) {
        t.check(answerRepeatsNoCredentials, { exchange, sent: stranger.label }, exchange);
      }
    }
  }),
];
