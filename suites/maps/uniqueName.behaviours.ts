import { behaviour } from "../../src/behaviours/define.ts";
import { propertyHolds, valueIsDocumented } from "../../src/checks/index.ts";
import { MAP_NOT_FOUND_CODES, SID_HEX } from "../shared/documented.ts";
import { uniqueNameArbitrary } from "../../src/arbitraries/index.ts";

export default [
  behaviour("MAP-UNIQUE-NAME-OPTIONAL", async (t) => {
    const { map, exchange } = await t.createMap({}, { named: false });
    t.check(valueIsDocumented, { subject: "unique_name", actual: map.unique_name, expected: null, documented: "unique_name is null when none was given" }, exchange);
  }),

  behaviour("MAP-UNIQUE-NAME-ECHO", async (t) => {
    // Mixed case first (a server that folds or trims names must not pass), then names
    // generated from the spec's limits; the run's --seed picks them, so they replay.
    const names = [`${t.uniqueName("echo")}-MixedCase.Name_42`, ...t.generate(uniqueNameArbitrary(t.uniqueName("gen"), t.limits), 3, "names")];
    for (const name of new Set(names)) {
      const { map, exchange, sid } = await t.createMap({ UniqueName: name });
      t.check(valueIsDocumented, { subject: "created unique_name", actual: map.unique_name, expected: name, documented: "the UniqueName sent" }, exchange);
      const fetched = await t.api.fetchMap(sid);
      t.expectStatus(fetched, 200, "FetchSyncMap answers 200");
      t.check(valueIsDocumented, { subject: "fetched unique_name", actual: t.json(fetched).unique_name, expected: name, documented: "the UniqueName sent" }, fetched);
    }
  }),

  behaviour("MAP-FETCH-BY-NAME", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const fetched = await t.api.fetchMap(uniqueName ?? "");
    t.expectStatus(fetched, 200, "a map is addressable by its unique_name");
    t.check(valueIsDocumented, { subject: "sid fetched by unique_name", actual: t.json(fetched).sid, expected: sid, documented: "the map that carries that unique_name" }, fetched);
  }),

  behaviour("MAP-UPDATE-BY-NAME", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const updated = await t.api.updateMap(uniqueName ?? "", { CollectionTtl: 600 });
    t.expectStatus(updated, 200, "a map is addressable by its unique_name for update");
    t.check(valueIsDocumented, { subject: "sid updated by unique_name", actual: t.json(updated).sid, expected: sid, documented: "the map that carries that unique_name" }, updated);
    const fetched = await t.api.fetchMap(sid);
    t.expectStatus(fetched, 200, "FetchSyncMap answers 200");
    t.check(
      propertyHolds,
      { holds: t.json(fetched).date_expires !== null, received: `date_expires of ${sid} = ${JSON.stringify(t.json(fetched).date_expires)} after the update by name`, documented: "the update by unique_name applies to that map" },
      fetched,
    );
  }),

  behaviour("MAP-DELETE-BY-NAME", async (t) => {
    const { sid, uniqueName } = await t.createMap();
    const deleted = await t.api.deleteMap(uniqueName ?? "");
    t.expectStatus(deleted, 204, "a map is deletable by its unique_name");
    t.forgetMap(sid);
    const fetched = await t.api.fetchMap(sid);
    t.refused(fetched, 404, MAP_NOT_FOUND_CODES, "the map deleted by unique_name is gone when fetched by sid", "map not-found code");
  }),

  behaviour("MAP-UNIQUE-NAME-DUPLICATE", async (t) => {
    const { uniqueName } = await t.createMap();
    const duplicate = await t.api.createMap({ UniqueName: uniqueName ?? "" });
    t.adoptIfCreated(duplicate);
    t.refused(duplicate, 409, [54301], "a unique_name is unique within the service (54301)");
  }),

  behaviour("MAP-UNIQUE-NAME-SID-LIKE", async (t) => {
    let tail = "";
    for (let i = 0; i < 32; i += 1) tail += SID_HEX[(i * 7 + Date.now()) % 16];
    const sidLike = `MP${tail}`;
    const answer = await t.api.createMap({ UniqueName: sidLike });
    t.adoptIfCreated(answer);
    t.refused(answer, "4xx", [], `a unique_name matching [A-Z]{2}[a-f0-9]{32} is refused (54302)`, "SID-like unique_name code");
  }),

  behaviour("MAP-UNIQUE-NAME-EMPTY", async (t) => {
    const answer = await t.api.createMap({ UniqueName: "" });
    t.adoptIfCreated(answer);
    t.refused(answer, "4xx", [], "an empty unique_name is refused (54302)", "empty unique_name code");
  }),

  behaviour("MAP-UNIQUE-NAME-LENGTH", async (t) => {
    const ofLength = (length: number): string => {
      const base = t.uniqueName("len");
      return (base + "x".repeat(length)).slice(0, length);
    };
    const longest = ofLength(256);
    const accepted = await t.api.createMap({ UniqueName: longest });
    t.adoptIfCreated(accepted);
    if (t.status(accepted, 201, "a unique_name of 256 characters is accepted by every documented reading")) {
      // Accepted but cut short would break addressing by that name later.
      t.check(valueIsDocumented, { subject: "unique_name of 256 characters", actual: t.json(accepted).unique_name, expected: longest, documented: "the name is kept whole" }, accepted);
    }
    const tooLong = await t.api.createMap({ UniqueName: ofLength(321) });
    t.adoptIfCreated(tooLong);
    t.refused(tooLong, "4xx", [], "a unique_name over 320 characters is refused by every documented reading");
    // 257..320 is where the documents disagree: report the reading, assert nothing.
    const boundary = await t.api.createMap({ UniqueName: ofLength(320) });
    t.adoptIfCreated(boundary);
    const status = boundary.response?.status;
    t.reading("unique_name maximum length", status === 201 ? "320" : status !== undefined && status >= 400 && status < 500 ? "256" : `unclear (${status ?? "no answer"})`);
  }),
];
