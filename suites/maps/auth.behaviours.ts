import { behaviour } from "../../src/behaviours/define.ts";

export default [
  behaviour("AUTH-REQUIRED", async (t) => {
    const read = await t.api.raw("ListSyncMap", { method: "GET", path: t.api.mapsPath(), auth: "none" });
    t.refused(read, 401, [20003], "a request without HTTP Basic credentials is refused (20003 Authenticate)");
    // Writes too: a server that guards only reads must not pass.
    const write = await t.api.raw("CreateSyncMap", { method: "POST", path: t.api.mapsPath(), form: { UniqueName: t.uniqueName("anon") }, auth: "none" });
    t.adoptIfCreated(write);
    t.refused(write, 401, [20003], "a write without HTTP Basic credentials is refused (20003 Authenticate)");
  }),

  behaviour("AUTH-WRONG-TOKEN", async (t) => {
    const wrong = { user: t.accountSid, password: `wrong-${Date.now().toString(36)}-token` };
    const read = await t.api.raw("ListSyncMap", { method: "GET", path: t.api.mapsPath(), auth: wrong });
    t.refused(read, 401, [20003], "a wrong auth token is refused (20003 Authenticate)");
    const write = await t.api.raw("CreateSyncMap", { method: "POST", path: t.api.mapsPath(), form: { UniqueName: t.uniqueName("wrong") }, auth: wrong });
    t.adoptIfCreated(write);
    t.refused(write, 401, [20003], "a write with a wrong auth token is refused (20003 Authenticate)");
  }),
];
