// The HTTP layer beneath every answer: a JSON body declares application/json (clients
// pick their parser by it) and a 204 has no body. Whether a 401 carries a Basic
// challenge is not documented for Sync, so it is only reported (AUTH-REQUIRED).
// docs/behaviour-reference.md#http-headers
import { behaviour } from "../../src/behaviours/define.ts";
import { jsonBodyDeclaresJson, noContentHasNoBody } from "../../src/checks/httpLayer.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { unknownMapSid } from "../common/helpers.ts";

export default [
  behaviour("HTTP-JSON-MEDIA-TYPE", async (t) => {
    const created = await t.createMap();
    const { sid, uniqueName } = created;
    const api = t.api;
    const flags = { Read: "true", Write: "false", Manage: "false" };
    const answers: Exchange[] = [
      created.exchange,
      await api.fetchMap(sid),
      await api.listMaps({ PageSize: 1 }),
      await api.updateMap(sid, { Ttl: 3600 }),
      await api.createItem(sid, { Key: "k", Data: '{"n":1}' }),
      await api.fetchItem(sid, "k"),
      await api.listItems(sid),
      await api.updateItem(sid, "k", { Data: '{"n":2}' }),
      await api.updatePermission(sid, "alice", flags),
      await api.fetchPermission(sid, "alice"),
      await api.listPermissions(sid),
      // Refusals carry JSON too: not found, conflict, unauthenticated.
      await api.fetchMap(unknownMapSid()),
      await api.createItem(sid, { Key: "k", Data: '{"n":3}' }),
      await api.fetchItem(sid, "missing"),
      await api.raw("ListSyncMap", { method: "GET", path: api.mapsPath(), auth: "none" }),
    ];
    if (uniqueName !== null) {
      const duplicate = await api.createMap({ UniqueName: uniqueName });
      t.adoptIfCreated(duplicate);
      answers.push(duplicate);
    }
    for (const exchange of answers) t.check(jsonBodyDeclaresJson, { exchange }, exchange);
  }),

  behaviour("HTTP-204-NO-BODY", async (t) => {
    const { sid } = await t.createMap();
    t.expectStatus(await t.api.createItem(sid, { Key: "k", Data: "{}" }), 201);
    const flags = { Read: "true", Write: "false", Manage: "false" };
    t.expectStatus(await t.api.updatePermission(sid, "alice", flags), 200);
    const deletes = [
      await t.api.deleteItem(sid, "k"),
      await t.api.deletePermission(sid, "alice"),
      await t.api.deleteMap(sid),
    ];
    // The status itself is MAP-DELETE-204's and its kin's; here only what a 204 carries.
    for (const exchange of deletes) t.check(noContentHasNoBody, { exchange }, exchange);
  }),
];
