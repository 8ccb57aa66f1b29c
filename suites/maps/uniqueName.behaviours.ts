import { behaviour } from "../../src/behaviours/define.ts";
import { uniqueNameArbitrary } from "../../src/arbitraries/index.ts";
import { show } from "../../src/checks/failure.ts";
import {
  CODE,
  UNIQUE_NAME_LENGTH_ACCEPTED,
  UNIQUE_NAME_LENGTH_REFUSED_ABOVE,
} from "../../src/spec/documented.ts";
import { lengthReading, sidLikeName } from "../common/helpers.ts";

const THAT_MAP = "the map that carries that unique_name";
const ADDRESSABLE = "a map is addressable by its unique_name";

export default [
  behaviour("MAP-UNIQUE-NAME-OPTIONAL", async (t) => {
    const created = await t.createMap({}, { named: false });
    t.field(created, "unique_name", null, "unique_name is null when none was given");
  }),

  behaviour("MAP-UNIQUE-NAME-ECHO", async (t) => {
    // Mixed case first (a server that folds or trims names must not pass), then names
    // generated from the spec's limits; the run's --seed picks them, so they replay.
    const generated = t.generate(uniqueNameArbitrary(t.uniqueName("gen"), t.limits), 3, "names");
    const names = [`${t.uniqueName("echo")}-MixedCase.Name_42`, ...generated];
    for (const name of new Set(names)) {
      const created = await t.createMap({ UniqueName: name });
      t.field(created, "unique_name", name, "the UniqueName sent");
      const fetched = t.expectAnswer(await t.api.fetchMap(created.sid), 200);
      t.field(fetched, "unique_name", name, "the UniqueName sent");
    }
  }),

  behaviour("MAP-FETCH-BY-NAME", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const fetched = await t.api.fetchMap(uniqueName ?? "");
    t.field(t.expectAnswer(fetched, 200, ADDRESSABLE), "sid", sid, THAT_MAP);
  }),

  behaviour("MAP-UPDATE-BY-NAME", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const update = await t.api.updateMap(uniqueName ?? "", { CollectionTtl: 600 });
    const updated = t.expectAnswer(update, 200, `${ADDRESSABLE} for update`);
    t.field(updated, "sid", sid, THAT_MAP);
    const fetched = t.expectAnswer(await t.api.fetchMap(sid), 200);
    const expires = fetched.body.date_expires;
    const received = `date_expires of ${sid} = ${show(expires)} after the update by name`;
    t.holds(fetched, expires !== null, received, "the update by unique_name applies to that map");
  }),

  behaviour("MAP-DELETE-BY-NAME", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    t.expectStatus(await t.api.deleteMap(uniqueName ?? ""), 204, `${ADDRESSABLE} for delete`);
    t.forgetMap(sid);
    const why = "the map deleted by unique_name is gone when fetched by sid";
    t.notFound(await t.api.fetchMap(sid), why, "map not-found code");
  }),

  behaviour("MAP-UNIQUE-NAME-DUPLICATE", async (t) => {
    const { uniqueName } = await t.createMap();
    const duplicate = await t.api.createMap({ UniqueName: uniqueName ?? "" });
    t.adoptIfCreated(duplicate);
    const why = "a unique_name is unique within the service (54301)";
    t.refused(duplicate, 409, [CODE.duplicateUniqueName], why);
  }),

  behaviour("MAP-UNIQUE-NAME-SID-LIKE", async (t) => {
    const answer = await t.api.createMap({ UniqueName: sidLikeName() });
    t.adoptIfCreated(answer);
    const why = "a unique_name matching [A-Z]{2}[a-f0-9]{32} is refused (54302)";
    t.rejected(answer, why, "SID-like unique_name code");
  }),

  behaviour("MAP-UNIQUE-NAME-EMPTY", async (t) => {
    const answer = await t.api.createMap({ UniqueName: "" });
    t.adoptIfCreated(answer);
    t.rejected(answer, "an empty unique_name is refused (54302)", "empty unique_name code");
  }),

  behaviour("MAP-UNIQUE-NAME-LENGTH", async (t) => {
    const ofLength = (length: number): string =>
      (t.uniqueName("len") + "x".repeat(length)).slice(0, length);
    const createNamed = async (name: string) => {
      const answer = await t.api.createMap({ UniqueName: name });
      t.adoptIfCreated(answer);
      return answer;
    };
    const accepted = UNIQUE_NAME_LENGTH_ACCEPTED;
    const longest = ofLength(accepted);
    const answer = await createNamed(longest);
    const every = "by every documented reading";
    const kept = `a unique_name of ${accepted} characters is accepted ${every}`;
    const created = t.answered(answer, 201, kept);
    // Accepted but cut short would break addressing by that name later.
    if (created !== undefined) t.field(created, "unique_name", longest, "the name is kept whole");
    const refusedAbove = UNIQUE_NAME_LENGTH_REFUSED_ABOVE;
    const tooLong = await createNamed(ofLength(refusedAbove + 1));
    t.rejected(tooLong, `a unique_name over ${refusedAbove} characters is refused ${every}`);
    // Between the two is where the documents disagree: report the reading, assert nothing.
    const status = (await createNamed(ofLength(refusedAbove))).response?.status;
    t.reading("unique_name maximum length", lengthReading(status, refusedAbove, accepted));
  }),
];
