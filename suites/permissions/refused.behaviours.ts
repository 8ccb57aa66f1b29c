import { behaviour } from "../../src/behaviours/define.ts";
import { errorCodeOf } from "../../src/checks/errorBody.ts";
import { unknownMapSid } from "../common/helpers.ts";
import { ALL_TRUE, FLAG_NAMES, FORM_NAME, fetchGranted, flagForm, grant } from "./support.ts";

const NOT_A_BOOLEAN = "maybe";
const NEVER_KEPT = "a flag not sent is false by default, never kept from before";

export default [
  // The OAS marks all three flags required and also describes each as "Default value is
  // false": both readings are accepted, but a missing flag never keeps or grants access.
  behaviour("PERM-FLAG-MISSING", async (t) => {
    const { sid } = await t.createMap();
    const topic = "update missing a flag";
    for (const missing of FLAG_NAMES) {
      const identity = `missing-${missing}`;
      const name = FORM_NAME[missing];
      await grant(t, sid, identity, ALL_TRUE);
      const form = Object.entries(flagForm(ALL_TRUE)).filter(([field]) => field !== name);
      const answer = await t.api.updatePermission(sid, identity, form);
      const either = `an update without ${name} is refused (4xx), or stores ${missing} false`;
      t.status(answer, [200, "4xx"], either);
      const status = answer.response?.status;
      if (status === 200) {
        t.reading(topic, "stored as false (default false)");
        t.field({ exchange: answer, body: t.json(answer) }, missing, false, NEVER_KEPT);
        t.field(await fetchGranted(t, sid, identity), missing, false, NEVER_KEPT);
      } else if (status !== undefined && status >= 400 && status < 500) {
        t.errorBody(answer);
        const code = errorCodeOf(answer);
        t.reading(topic, `refused ${status}${code === undefined ? "" : ` (code ${code})`}`);
      }
    }
  }),

  behaviour("PERM-FLAG-NOT-BOOLEAN", async (t) => {
    const { sid } = await t.createMap();
    for (const flag of FLAG_NAMES) {
      const form = { ...flagForm(ALL_TRUE), [FORM_NAME[flag]]: NOT_A_BOOLEAN };
      const answer = await t.api.updatePermission(sid, `not-boolean-${flag}`, form);
      const why = `${FORM_NAME[flag]}=${NOT_A_BOOLEAN} is not a boolean`;
      t.rejected(answer, why, "non-boolean flag code");
    }
  }),

  behaviour("PERM-MAP-NOT-FOUND", async (t) => {
    const why = "a permission path naming an unknown map is not found";
    const topic = "permission map not-found code";
    for (const missing of [unknownMapSid(), t.uniqueName("absent")]) {
      t.notFound(await t.api.listPermissions(missing), why, topic);
      t.notFound(await t.api.fetchPermission(missing, "nobody"), why, topic);
      const updated = await t.api.updatePermission(missing, "nobody", flagForm(ALL_TRUE));
      // A refused permission write that created a map after all is cleaned up too.
      t.adoptIfCreated(updated, "map_sid");
      t.notFound(updated, why, topic);
      t.notFound(await t.api.deletePermission(missing, "nobody"), why, topic);
    }
  }),
];
