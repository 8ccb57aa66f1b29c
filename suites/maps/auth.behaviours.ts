import { behaviour } from "../../src/behaviours/define.ts";

export default [
  behaviour("AUTH-REQUIRED", async (t) => {
    const answer = await t.api.raw("ListSyncMap", { method: "GET", path: t.api.mapsPath(), auth: "none" });
    t.refused(answer, 401, [20003], "a request without HTTP Basic credentials is refused (20003 Authenticate)");
  }),

  behaviour("AUTH-WRONG-TOKEN", async (t) => {
    const wrong = { user: t.accountSid, password: `wrong-${Date.now().toString(36)}-token` };
    const answer = await t.api.raw("ListSyncMap", { method: "GET", path: t.api.mapsPath(), auth: wrong });
    t.refused(answer, 401, [20003], "a wrong auth token is refused (20003 Authenticate)");
  }),
];
