// The build's parsed copies of spec/ (dist/parsed/, scripts/build.mjs) stand in for the YAML
// only while they say what the YAML says.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { packageFile } from "../../src/config/package-root.ts";
import { parsedCopyOf } from "../../src/spec/parsed.ts";

const specDir = packageFile("spec");
const yamlFiles = readdirSync(specDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name));
const built = existsSync(packageFile("dist/parsed"));

describe.skipIf(!built)("parsed copies (skipped: no `npm run build` in this checkout)", () => {
  it.each(yamlFiles)("%s: the copy is the YAML, parsed", (file) => {
    const text = readFileSync(file, "utf8");
    const copy = parsedCopyOf(file, text);
    expect(copy).toBeDefined();
    expect(copy?.document).toEqual(parse(text));
  });

  it("marks only the OpenAPI document as validated", () => {
    const validated = yamlFiles.filter(
      (file) => parsedCopyOf(file, readFileSync(file, "utf8"))?.validatedOpenApi === true,
    );
    expect(validated).toEqual([packageFile("spec/sync-map.openapi.yaml")]);
  });

  it("is not used for a text other than the one it was made from", () => {
    const file = packageFile("spec/sync-map.openapi.yaml");
    const edited = `${readFileSync(file, "utf8")}\n# edited\n`;
    expect(parsedCopyOf(file, edited)).toBeUndefined();
  });
});

describe("parsed copies of files outside the package", () => {
  it("do not exist", () => {
    expect(parsedCopyOf("/tmp/elsewhere.yaml", "openapi: 3.0.3\n")).toBeUndefined();
  });
});
