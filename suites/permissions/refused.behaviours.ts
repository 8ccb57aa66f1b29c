import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { valueIsDocumented } from "../../src/checks/index.ts";
import { errorCodeOf } from "../../src/checks/errorBody.ts";
import { parseJsonBody, type Exchange } from "../../src/http/exchange.ts";
import { MAP_NOT_FOUND_CODES, unknownMapSid } from "./documented.ts";
import { ALL_TRUE, FLAG_NAMES, FORM_NAME, fetchGranted, flagForm, grant } from "./support.ts";

const NOT_A_BOOLEAN = "maybe";

/** A refused permission write that created a map after all is cleaned up too. */
async function dropMapIfCreated(t: BehaviourContext, exchange: Exchange): Promise<void> {
  const status = exchange.response?.status;
  if (status === undefined || status < 200 || status >= 300) return;
  const parsed = parseJsonBody(exchange);
  const mapSid = parsed.ok ? (parsed.value as { map_sid?: unknown } | null)?.map_sid : undefined;
  if (typeof mapSid === "string" && mapSid.length > 0) await t.api.deleteMap(mapSid);
}

export default [
  // The OAS marks all three flags required and also describes each as "Default value is
  // false": both readings are accepted, but a missing flag never keeps or grants access.
  behaviour("PERM-FLAG-MISSING", async (t) => {
    const { sid } = await t.createMap();
    for (const missing of FLAG_NAMES) {
      const identity = `missing-${missing}`;
      await grant(t, sid, identity, ALL_TRUE);
      const form = Object.entries(flagForm(ALL_TRUE)).filter(([name]) => name !== FORM_NAME[missing]);
      const answer = await t.api.updatePermission(sid, identity, form);
      t.status(answer, [200, "4xx"], `an update without ${FORM_NAME[missing]} is refused (4xx), or stores ${missing} false`);
      const status = answer.response?.status;
      if (status === 200) {
        t.reading("update missing a flag", "stored as false (default false)");
        const body = t.json(answer);
        t.check(valueIsDocumented, { subject: `${missing} after an update without ${FORM_NAME[missing]}`, actual: body[missing], expected: false, documented: "a flag not sent is false by default, never kept from before" }, answer);
        const fetched = await fetchGranted(t, sid, identity);
        t.check(valueIsDocumented, { subject: `fetched ${missing} after an update without ${FORM_NAME[missing]}`, actual: fetched.body[missing], expected: false, documented: "a flag not sent is false by default, never kept from before" }, fetched.exchange);
      } else if (status !== undefined && status >= 400 && status < 500) {
        t.errorBody(answer);
        t.reading("update missing a flag", `refused ${status}${errorCodeOf(answer) === undefined ? "" : ` (code ${errorCodeOf(answer)})`}`);
      }
    }
  }),

  behaviour("PERM-FLAG-NOT-BOOLEAN", async (t) => {
    const { sid } = await t.createMap();
    for (const flag of FLAG_NAMES) {
      const form = { ...flagForm(ALL_TRUE), [FORM_NAME[flag]]: NOT_A_BOOLEAN };
      const answer = await t.api.updatePermission(sid, `not-boolean-${flag}`, form);
      t.refused(answer, "4xx", [], `${FORM_NAME[flag]}=${NOT_A_BOOLEAN} is not a boolean`, "non-boolean flag code");
    }
  }),

  behaviour("PERM-MAP-NOT-FOUND", async (t) => {
    const documented = "a permission path naming an unknown map is not found";
    const topic = "permission map not-found code";
    for (const missing of [unknownMapSid(), t.uniqueName("absent")]) {
      t.refused(await t.api.listPermissions(missing), 404, MAP_NOT_FOUND_CODES, documented, topic);
      t.refused(await t.api.fetchPermission(missing, "nobody"), 404, MAP_NOT_FOUND_CODES, documented, topic);
      const updated = await t.api.updatePermission(missing, "nobody", flagForm(ALL_TRUE));
      await dropMapIfCreated(t, updated);
      t.refused(updated, 404, MAP_NOT_FOUND_CODES, documented, topic);
      t.refused(await t.api.deletePermission(missing, "nobody"), 404, MAP_NOT_FOUND_CODES, documented, topic);
    }
  }),
];
