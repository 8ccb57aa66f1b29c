// Each item operation once, with a well-formed request, judged only by the OpenAPI
// document in use (--spec): the status it lists and the schema of that answer. The
// map is a precondition; a stateless mock can honour the rest (mock profile).
import { behaviour } from "../../src/behaviours/define.ts";

const step = (name: string): { Data: string } => ({ Data: JSON.stringify({ step: name }) });

export default [
  behaviour("ITEM-OPERATIONS-DOCUMENTED", async (t) => {
    const { sid } = await t.createMap();
    const key = "documented";
    const create = { Key: key, ...step("create"), ItemTtl: 3600 };
    t.answeredAsDocumented(await t.api.createItem(sid, create));
    t.answeredAsDocumented(await t.api.fetchItem(sid, key));
    t.answeredAsDocumented(await t.api.listItems(sid, { PageSize: 5 }));
    t.answeredAsDocumented(await t.api.updateItem(sid, key, step("update")));
    t.answeredAsDocumented(await t.api.deleteItem(sid, key));
  }),
];
