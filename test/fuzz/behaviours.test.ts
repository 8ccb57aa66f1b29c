// The FUZZ behaviours split the generic checks between them: every check the fuzz
// engine reports on is judged by exactly one behaviour, so no defect goes unreported
// and none is reported twice.
import { describe, expect, it } from "vitest";
import { FUZZ_CHECK_IDS } from "../../src/fuzz/index.ts";
import type { FuzzCase } from "../../src/fuzz/index.ts";
import { loadCatalogue } from "../../src/catalogue/catalogue.ts";
import fuzzBehaviours, { FUZZ_CLAIMS } from "../../suites/fuzz/fuzz.behaviours.ts";

describe("the FUZZ behaviours", () => {
  it("own every check of the fuzz engine exactly once, on API and HTTP-layer cases alike", () => {
    for (const transport of [false, true]) {
      const probe = { transport } as FuzzCase;
      const owned = Object.values(FUZZ_CLAIMS)
        .filter((claim) => claim.on === undefined || claim.on(probe))
        .flatMap((claim) => claim.checks);
      expect([...owned].sort()).toEqual([...FUZZ_CHECK_IDS].sort());
    }
  });

  it("are catalogued, and the mock profile holds those a stateless mock can honour", () => {
    const entries = loadCatalogue().filter((entry) => entry.id.startsWith("FUZZ-"));
    expect(entries.map((entry) => entry.id).sort()).toEqual(
      fuzzBehaviours.map((definition) => definition.id).sort(),
    );
    const mock = entries.filter((entry) => entry.profiles.includes("mock"));
    expect(mock.map((entry) => entry.id).sort()).toEqual([
      "FUZZ-NO-SERVER-ERROR",
      "FUZZ-SCHEMA",
      "FUZZ-STATUS-DOCUMENTED",
    ]);
  });
});
