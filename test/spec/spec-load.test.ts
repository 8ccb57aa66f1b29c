import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import {
  DEFAULT_LIMITS,
  DEFAULT_SPEC_FILE,
  SpecLoadError,
  loadSpec,
} from "../../src/spec/index.ts";
import { mapSample } from "./samples.ts";

let directory = "";
let ourSpec: Record<string, unknown> = {};

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "smc-spec-"));
  ourSpec = parseYaml(await readFile(DEFAULT_SPEC_FILE, "utf8")) as Record<string, unknown>;
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function writeSpec(name: string, text: string): Promise<string> {
  const file = join(directory, name);
  await writeFile(file, text, "utf8");
  return file;
}

async function loadError(file: string): Promise<SpecLoadError> {
  const error: unknown = await loadSpec(file).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SpecLoadError))
    throw new Error(`expected a SpecLoadError, got ${String(error)}`);
  return error;
}

describe("loadSpec", () => {
  it("loads the project's spec by default, resolved from the package, not the working directory", async () => {
    const catalog = await loadSpec();
    expect(catalog.source).toBe(DEFAULT_SPEC_FILE);
    expect(DEFAULT_SPEC_FILE).toMatch(/spec[/\\]sync-map\.openapi\.yaml$/);
  });

  it("gives the same hash to the same text, and another to changed text", async () => {
    const text = await readFile(DEFAULT_SPEC_FILE, "utf8");
    const same = await loadSpec(await writeSpec("same.yaml", text));
    const changed = await loadSpec(await writeSpec("changed.yaml", `${text}\n# a comment\n`));
    expect(same.hash).toBe((await loadSpec()).hash);
    expect(changed.hash).not.toBe(same.hash);
  });

  it("reads the same document written as JSON", async () => {
    const catalog = await loadSpec(await writeSpec("ours.json", JSON.stringify(ourSpec)));
    expect(catalog.validateResponse("FetchSyncMap", 200, mapSample())).toEqual([]);
  });

  it("falls back to the documented limits field by field", async () => {
    const partial = { ...ourSpec, "x-sync-map-limits": { pageSizeMax: 100 } };
    const catalog = await loadSpec(await writeSpec("partial-limits.yaml", stringifyYaml(partial)));
    expect(catalog.limits).toEqual({ ...DEFAULT_LIMITS, pageSizeMax: [100] });
  });

  it.each([
    ["a missing file", async () => join(directory, "absent.yaml"), /cannot read the file/],
    [
      "broken YAML",
      () => writeSpec("broken.yaml", "openapi: 3.0.3\npaths: [unclosed\n"),
      /not valid YAML/,
    ],
    ["broken JSON", () => writeSpec("broken.json", '{"openapi": '), /not valid JSON/],
    [
      "a Swagger 2.0 document",
      () =>
        writeSpec("swagger.yaml", "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n"),
      /only OpenAPI 3\.0\.x is supported \(found swagger 2\.0\)/,
    ],
    [
      "an OpenAPI 3.1 document",
      () => writeSpec("v31.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"),
      /found openapi 3\.1\.0/,
    ],
    [
      "an invalid OpenAPI document",
      () => writeSpec("invalid.yaml", "openapi: 3.0.3\ninfo: {title: t}\npaths: {}\n"),
      /not a valid OpenAPI document/,
    ],
    [
      "a dangling $ref",
      () => writeSpec("dangling.yaml", stringifyYaml(withDanglingRef())),
      /not a valid OpenAPI document|cannot resolve/,
    ],
    [
      "a malformed limit",
      () =>
        writeSpec(
          "bad-limit.yaml",
          stringifyYaml({ ...ourSpec, "x-sync-map-limits": { ttlMax: -1 } }),
        ),
      /x-sync-map-limits\.ttlMax must be a positive integer/,
    ],
    [
      "a schema ajv strict mode refuses",
      () => writeSpec("typo.yaml", stringifyYaml(withStrictTypesViolation())),
      /does not compile in ajv strict mode/,
    ],
  ] as const)(
    "refuses %s with SMC_ERR_SPEC_LOAD naming the file and the reason",
    async (_case, makeFile, reason) => {
      const file = await makeFile();
      const error = await loadError(file);
      expect(error.code).toBe("SMC_ERR_SPEC_LOAD");
      expect(error.file).toBe(file);
      expect(error.message).toContain(file);
      expect(error.message).toMatch(reason);
    },
  );
});

function withDanglingRef(): Record<string, unknown> {
  const spec = structuredClone(ourSpec);
  const schemas = (spec["components"] as Record<string, Record<string, unknown>>)["schemas"] ?? {};
  schemas["ListSyncMapResponse"] = { $ref: "#/components/schemas/NoSuchSchema" };
  return spec;
}

/**
 * `pattern` on an integer is legal OpenAPI, so swagger-parser lets it through; ajv strict mode
 * (strictTypes) must not.
 */
function withStrictTypesViolation(): Record<string, unknown> {
  const spec = structuredClone(ourSpec);
  const schemas =
    (spec["components"] as Record<string, Record<string, Record<string, unknown>>>)["schemas"] ??
    {};
  const map = schemas["sync.v1.service.sync_map"] as {
    properties: Record<string, Record<string, unknown>>;
  };
  map.properties["revision"] = { type: "integer", pattern: "^\\d+$" };
  return spec;
}
