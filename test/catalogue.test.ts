// Behaviours are data, tests prove them: the catalogue and the definitions must agree
// one to one, name real operations, and every definitions file must be run by vitest.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadCatalogue, outsideProfileReason } from "../src/catalogue/catalogue.ts";
import { loadSpec, SYNC_MAP_OPERATION_IDS } from "../src/spec/index.ts";
import { allBehaviours, behaviourGroups } from "../suites/index.ts";
import { REFERENCE } from "../src/spec/documented.ts";
import { referenceAnchors } from "./docs/reference-headings.ts";

const SUITES = fileURLToPath(new URL("../suites", import.meta.url));
const CATALOGUE = fileURLToPath(new URL("../spec/behaviours", import.meta.url));
const catalogue = loadCatalogue();

/** A source's citations: split at "; " outside parentheses, so notes may hold either. */
function citations(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === "(") depth += 1;
    else if (char === ")") depth -= 1;
    else if (depth === 0 && source.startsWith("; ", index)) {
      parts.push(source.slice(start, index));
      start = index + 2;
    }
  }
  return [...parts, source.slice(start)];
}

/** A citation: a reference anchor or an https URL, then optionally a note in parentheses. */
const CITATION = /^(?:docs\/behaviour-reference\.md(#[\w-]+)|https:\/\/\S+)(?: \(.+\))?$/;

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
    const unknown = catalogue.flatMap((entry) =>
      entry.operations.filter((op) => !known.has(op)).map((op) => `${entry.id}: ${op}`),
    );
    expect(unknown).toEqual([]);
  });

  it("has statements written as claims: one sentence, no 'should'", () => {
    const bad = catalogue
      .filter((entry) => /\bshould\b/i.test(entry.statement) || !entry.statement.endsWith("."))
      .map((entry) => entry.id);
    expect(bad).toEqual([]);
  });

  it("cites for every source a heading of the behaviour reference or a public https URL", () => {
    const anchors = referenceAnchors();
    const bad = catalogue.flatMap((entry) =>
      citations(entry.source)
        .filter((citation) => {
          const match = CITATION.exec(citation);
          return match === null || (match[1] !== undefined && !anchors.has(match[1]));
        })
        .map((citation) => `${entry.id}: ${citation}`),
    );
    expect(bad).toEqual([]);
    expect(
      catalogue.some((entry) =>
        entry.source.includes(`${REFERENCE.file}${REFERENCE.notFoundCode}`),
      ),
    ).toBe(true);
  });

  it("names nothing outside the repository: no facts file, no ../shared, no machine path", () => {
    const outside = /facts|\.\.\/shared|\/work\/|\bOAS\b|\bC\d{1,2}\b/;
    const entries = catalogue.filter((entry) => outside.test(`${entry.statement} ${entry.source}`));
    expect(entries.map((entry) => entry.id)).toEqual([]);
    const headers = readdirSync(CATALOGUE)
      .map((name) => join(CATALOGUE, name))
      .filter((file) => outside.test(readFileSync(file, "utf8")));
    expect(headers).toEqual([]);
  });

  it("refuses a source that cites an anchor the reference lacks or names the facts file", () => {
    const anchors = referenceAnchors();
    const good = CITATION.exec("docs/behaviour-reference.md#c5-not-found-code (54200)");
    expect(good !== null && anchors.has(good[1] ?? "")).toBe(true);
    const missing = CITATION.exec(`${REFERENCE.file}#no-such-heading`);
    expect(missing !== null && anchors.has(missing[1] ?? "")).toBe(false);
    expect(CITATION.exec("facts C5")).toBeNull();
    expect(citations("https://a.example (x; y); docs/behaviour-reference.md#paging")).toHaveLength(
      2,
    );
  });

  it("has a vitest file beside every definitions file, and every group is registered", () => {
    const definitionFiles = filesUnder(SUITES, ".behaviours.ts");
    const missingTests = definitionFiles
      .filter((file) => !existsSync(file.replace(/\.behaviours\.ts$/, ".test.ts")))
      .map((file) => relative(SUITES, file));
    expect(missingTests).toEqual([]);
    expect(behaviourGroups.length).toBe(definitionFiles.length);
  });

  it("puts every behaviour in the full profile and gives the mock profile every operation", () => {
    expect(
      catalogue.filter((entry) => !entry.profiles.includes("full")).map((entry) => entry.id),
    ).toEqual([]);
    const mock = catalogue.filter((entry) => entry.profiles.includes("mock"));
    const mockOperations = new Set(mock.flatMap((entry) => entry.operations));
    expect(
      SYNC_MAP_OPERATION_IDS.filter((operationId) => !mockOperations.has(operationId)),
    ).toEqual([]);
    // Model sequences compare answers with remembered state: never something a stateless mock
    // honours.
    expect(mock.filter((entry) => entry.id.startsWith("SEQ-")).map((entry) => entry.id)).toEqual(
      [],
    );
  });

  it("names the profile a skipped behaviour would need", () => {
    const stateful = catalogue.find((entry) => entry.id === "MAP-FETCH-BY-NAME");
    const stateless = catalogue.find((entry) => entry.id === "MAP-OPERATIONS-DOCUMENTED");
    if (stateful === undefined || stateless === undefined)
      throw new Error("catalogue lost a behaviour this test names");
    expect(outsideProfileReason(stateful, "mock")).toMatch(
      /not in the mock profile.*--profile full/,
    );
    expect(outsideProfileReason(stateless, "mock")).toBeUndefined();
    expect(outsideProfileReason(stateful, "full")).toBeUndefined();
  });

  it("refuses an entry whose profiles leave out full or name an unknown one", () => {
    const dir = mkdtempSync(join(tmpdir(), "smc-catalogue-"));
    for (const profiles of ["[mock]", "[full, stateless]"]) {
      const file = join(dir, "bad.yaml");
      writeFileSync(
        file,
        `behaviours:\n  - id: MAP-X-Y\n    level: MUST\n    resource: map\n    operations: [CreateSyncMap]\n    profiles: ${profiles}\n    statement: A claim.\n    source: here\n`,
      );
      expect(() => loadCatalogue(file)).toThrow(/profiles must list full/);
    }
  });
});
