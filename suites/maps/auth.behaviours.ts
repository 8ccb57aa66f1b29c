import { behaviour } from "../../src/behaviours/define.ts";
import { CODE } from "../../src/spec/documented.ts";

const AUTHENTICATE = [CODE.authenticate];

export default [
  behaviour("AUTH-REQUIRED", async (t) => {
    const path = t.api.mapsPath();
    const read = await t.api.raw("ListSyncMap", { method: "GET", path, auth: "none" });
    const why = "a request without HTTP Basic credentials is refused (20003 Authenticate)";
    t.refused(read, 401, AUTHENTICATE, why);
    // Writes too: a server that guards only reads must not pass.
    const form = { UniqueName: t.uniqueName("anon") };
    const write = await t.api.raw("CreateSyncMap", { method: "POST", path, form, auth: "none" });
    t.adoptIfCreated(write);
    const whyWrite = "a write without HTTP Basic credentials is refused (20003 Authenticate)";
    t.refused(write, 401, AUTHENTICATE, whyWrite);
  }),

  behaviour("AUTH-WRONG-TOKEN", async (t) => {
    const auth = { user: t.accountSid, password: `wrong-${Date.now().toString(36)}-token` };
    const path = t.api.mapsPath();
    const read = await t.api.raw("ListSyncMap", { method: "GET", path, auth });
    t.refused(read, 401, AUTHENTICATE, "a wrong auth token is refused (20003 Authenticate)");
    const form = { UniqueName: t.uniqueName("wrong") };
    const write = await t.api.raw("CreateSyncMap", { method: "POST", path, form, auth });
    t.adoptIfCreated(write);
    const whyWrite = "a write with a wrong auth token is refused (20003 Authenticate)";
    t.refused(write, 401, AUTHENTICATE, whyWrite);
  }),
];
