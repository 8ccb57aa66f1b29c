// Behaviours are data, tests prove them: the catalogue and the definitions must agree
// one to one, name real operations, and every definitions file must be run by vitest.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../src/catalogue/catalogue.ts";
import { loadSpec } from "../src/spec/index.ts";
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
});
