// Behaviours are data, tests prove them: the catalogue and the definitions must agree
// one to one, name real operations, and every definitions file must be run by vitest.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadCatalogue, outsideProfileReason } from "../src/catalogue/catalogue.ts";
import { loadSpec, SYNC_MAP_OPERATION_IDS } from "../src/spec/index.ts";
import { allBehaviours, behaviourGroups } from "../suites/index.ts";

const SUITES = fileURLToPath(new URL("../suites", import.meta.url));
const catalogue = loadCatalogue();

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));
}

describe("the behaviour catalogue", () => {
  it("lists each behaviour once and every one has exactly one definition", () => {
    const defined = allBehaviours.map((definition) => definition.id);
    expect(new Set(defined).size).toBe(defined.length);
    expect([...defined].sort()).toEqual(catalogue.map((entry) => entry.id).sort());
  });

  it("names only operations the spec has", async () => {
    const spec = await loadSpec();
    const known = new Set(spec.operationIds());
    const unknown = catalogue.flatMap((entry) => entry.operations.filter((op) => !known.has(op)).map((op) => `${entry.id}: ${op}`));
    expect(unknown).toEqual([]);
  });

  it("has statements written as claims: one sentence, no 'should'", () => {
    const bad = catalogue.filter((entry) => /\bshould\b/i.test(entry.statement) || !entry.statement.endsWith(".")).map((entry) => entry.id);
    expect(bad).toEqual([]);
  });

  it("has a vitest file beside every definitions file, and every group is registered", () => {
    const definitionFiles = filesUnder(SUITES, ".behaviours.ts");
    const missingTests = definitionFiles.filter((file) => !existsSync(file.replace(/\.behaviours\.ts$/, ".test.ts"))).map((file) => relative(SUITES, file));
    expect(missingTests).toEqual([]);
    expect(behaviourGroups.length).toBe(definitionFiles.length);
  });

  it("puts every behaviour in the full profile and gives the mock profile every operation", () => {
    expect(catalogue.filter((entry) => !entry.profiles.includes("full")).map((entry) => entry.id)).toEqual([]);
    const mock = catalogue.filter((entry) => entry.profiles.includes("mock"));
    const mockOperations = new Set(mock.flatMap((entry) => entry.operations));
    expect(SYNC_MAP_OPERATION_IDS.filter((operationId) => !mockOperations.has(operationId))).toEqual([]);
    // Model sequences compare answers with remembered state: never something a stateless mock honours.
    expect(mock.filter((entry) => entry.id.startsWith("SEQ-")).map((entry) => entry.id)).toEqual([]);
  });

  it("names the profile a skipped behaviour would need", () => {
    const stateful = catalogue.find((entry) => entry.id === "MAP-FETCH-BY-NAME");
    const stateless = catalogue.find((entry) => entry.id === "MAP-OPERATIONS-DOCUMENTED");
    if (stateful === undefined || stateless === undefined) throw new Error("catalogue lost a behaviour this test names");
    expect(outsideProfileReason(stateful, "mock")).toMatch(/not in the mock profile.*--profile full/);
    expect(outsideProfileReason(stateless, "mock")).toBeUndefined();
    expect(outsideProfileReason(stateful, "full")).toBeUndefined();
  });

  it("refuses an entry whose profiles leave out full or name an unknown one", () => {
    const dir = mkdtempSync(join(tmpdir(), "smc-catalogue-"));
    for (const profiles of ["[mock]", "[full, stateless]"]) {
      const file = join(dir, "bad.yaml");
      writeFileSync(file, `behaviours:\n  - id: MAP-X-Y\n    level: MUST\n    resource: map\n    operations: [CreateSyncMap]\n    profiles: ${profiles}\n    statement: A claim.\n    source: here\n`);
      expect(() => loadCatalogue(file)).toThrow(/profiles must list full/);
    }
  });
});
