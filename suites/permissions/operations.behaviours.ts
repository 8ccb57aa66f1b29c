// Each permission operation once, with a well-formed request, judged only by the
// OpenAPI document in use (--spec): the status it lists and the schema of that answer.
// The map is a precondition; a stateless mock can honour the rest (mock profile).
import { behaviour } from "../../src/behaviours/define.ts";
import { ALL_TRUE, flagForm } from "./support.ts";

export default [
  behaviour("PERM-OPERATIONS-DOCUMENTED", async (t) => {
    const { sid } = await t.createMap();
    const identity = "documented-identity";
    t.answeredAsDocumented(await t.api.updatePermission(sid, identity, flagForm(ALL_TRUE)));
    t.answeredAsDocumented(await t.api.fetchPermission(sid, identity));
    t.answeredAsDocumented(await t.api.listPermissions(sid, { PageSize: 5 }));
    t.answeredAsDocumented(await t.api.deletePermission(sid, identity));
  }),
];
