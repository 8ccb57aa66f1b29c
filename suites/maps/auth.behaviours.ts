import { behaviour } from "../../src/behaviours/define.ts";
import { CODE } from "../../src/spec/documented.ts";

const AUTHENTICATE = [CODE.authenticate];

export default [
  behaviour("AUTH-REQUIRED", async (t) => {
    const path = t.api.mapsPath();
    const read = await t.api.raw("ListSyncMap", { method: "GET", path, auth: "none" });
    const why = "a request without HTTP Basic credentials is refused (20003 Authenticate)";
    t.refused(read, 401, AUTHENTICATE, why);
    // No Sync document promises a challenge: reported, never asserted
    // (docs/behaviour-reference.md#the-401-challenge).
    if (read.response?.status === 401) {
      t.reading("401 challenge", read.response.headers["www-authenticate"] ?? "none");
    }
    // Writes too: a server that guards only reads must not pass.
    const form = { UniqueName: t.uniqueName("anon") };
    const write = await t.api.raw("CreateSyncMap", { method: "POST", path, form, auth: "none" });
    t.adoptIfCreated(write);
    const whyWrite = "a write without HTTP Basic credentials is refused (20003 Authenticate)";
    t.refused(write, 401, AUTHENTICATE, whyWrite);
  }),

  behaviour("AUTH-WRONG-TOKEN", async (t) => {
    const path = t.api.mapsPath();
    // A wrong token and an empty one: `if (password && password !== token)` lets the latter in.
    for (const password of [`wrong-${Date.now().toString(36)}-token`, ""]) {
      const auth = { user: t.accountSid, password };
      const token = password === "" ? "an empty auth token" : "a wrong auth token";
      const read = await t.api.raw("ListSyncMap", { method: "GET", path, auth });
      t.refused(read, 401, AUTHENTICATE, `${token} is refused (20003 Authenticate)`);
      const form = { UniqueName: t.uniqueName("wrong") };
      const write = await t.api.raw("CreateSyncMap", { method: "POST", path, form, auth });
      t.adoptIfCreated(write);
      t.refused(write, 401, AUTHENTICATE, `a write with ${token} is refused (20003 Authenticate)`);
    }
  }),
];
