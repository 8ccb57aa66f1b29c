// Each map operation once, with a well-formed request, judged only by what the OpenAPI
// document in use says (--spec): the status it lists and the schema of that answer. A
// stateless mock can honour this, so it is in the mock profile.
import { behaviour } from "../../src/behaviours/define.ts";
import type { Exchange } from "../../src/http/exchange.ts";
import { parseJsonBody } from "../../src/http/exchange.ts";

export default [
  behaviour("MAP-OPERATIONS-DOCUMENTED", async (t) => {
    const uniqueName = t.uniqueName();
    const created = await t.api.createMap({ UniqueName: uniqueName, Ttl: 3600 });
    t.adoptIfCreated(created);
    t.answeredAsDocumented(created);
    // Later steps still run when the create went wrong: by name, each is judged on its own.
    const map = sidOf(created) ?? uniqueName;
    t.answeredAsDocumented(await t.api.fetchMap(map));
    t.answeredAsDocumented(await t.api.listMaps({ PageSize: 5 }));
    t.answeredAsDocumented(await t.api.updateMap(map, { Ttl: 60 }));
    const deleted = await t.api.deleteMap(map);
    if (t.answeredAsDocumented(deleted)) t.forgetMap(map);
  }),
];

function sidOf(exchange: Exchange): string | undefined {
  const parsed = parseJsonBody(exchange);
  const sid = parsed.ok ? (parsed.value as { sid?: unknown } | null)?.sid : undefined;
  return typeof sid === "string" && sid.length > 0 ? sid : undefined;
}
