// Every error the harness throws on purpose shares one base (SmcError) and carries a stable
// SMC_ERR_* code from the one list in src/errors.ts; every code in that list has a class.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  HarnessError,
  SMC_ERROR_CODES,
  SmcError,
  type SmcErrorCode,
} from "../src/errors.ts";
import { SpecLoadError, SpecLookupError } from "../src/spec/errors.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Errors that are not harness faults: signals a behaviour throws to stop or skip itself
 * (src/behaviours/context.ts), and a model divergence that becomes a failure of the target.
 */
const SIGNALS = new Set(["BehaviourAborted", "BehaviourSkipped", "ModelMismatch"]);

interface Declared {
  readonly file: string;
  readonly name: string;
  readonly base: string;
  readonly exported: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(ROOT, folder, name));
}

/** Every `class X extends YError` in the harness (fixtures/ is the judged server, not ours). */
const declared: Declared[] = ["src", "reporters", "bin"].flatMap(sourceFiles).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/^(export )?class (\w+) extends (\w*Error)\b/gm)].map(
    (match) => ({
      file,
      name: match[2] as string,
      base: match[3] as string,
      exported: match[1] !== undefined,
    }),
  ),
);

async function errorClasses(): Promise<Array<typeof SmcError>> {
  const classes: Array<typeof SmcError> = [];
  for (const { file, name } of declared.filter(
    (entry) => entry.exported && !SIGNALS.has(entry.name),
  )) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    classes.push(module[name] as typeof SmcError);
  }
  return classes;
}

describe("SmcError", () => {
  it("is the base of every error class the harness declares, signals aside", async () => {
    const plain = declared.filter(
      (entry) => entry.base === "Error" && entry.name !== "SmcError" && !SIGNALS.has(entry.name),
    );
    expect(plain.map((entry) => `${relative(ROOT, entry.file)}: ${entry.name}`)).toEqual([]);
    const classes = await errorClasses();
    expect(classes.length).toBeGreaterThanOrEqual(4);
    for (const errorClass of classes) {
      expect(
        errorClass === SmcError || errorClass.prototype instanceof SmcError,
        errorClass.name,
      ).toBe(true);
    }
  });

  it("has a class for every code in the list, and no class uses a code outside it", async () => {
    const used = new Set((await errorClasses()).flatMap((errorClass) => errorClass.codes));
    expect([...SMC_ERROR_CODES].filter((code) => !used.has(code))).toEqual([]);
    expect(
      [...used].filter((code) => !(SMC_ERROR_CODES as readonly string[]).includes(code)),
    ).toEqual([]);
  });

  it("names every code SMC_ERR_ and lists each once", async () => {
    for (const errorClass of await errorClasses()) {
      for (const code of errorClass.codes)
        expect(code, errorClass.name).toMatch(/^SMC_ERR_[A-Z_]+$/);
    }
    expect(new Set(SMC_ERROR_CODES).size).toBe(SMC_ERROR_CODES.length);
  });

  it.each([
    ["ConfigError", new ConfigError("--seed must be a whole number"), "SMC_ERR_CONFIG"],
    [
      "ConfigError",
      new ConfigError("run does not take --x", "SMC_ERR_UNKNOWN_OPTION"),
      "SMC_ERR_UNKNOWN_OPTION",
    ],
    [
      "HarnessError",
      new HarnessError("SMC_ERR_UNREACHABLE", "target unreachable"),
      "SMC_ERR_UNREACHABLE",
    ],
    ["SpecLoadError", new SpecLoadError("a.yaml", "not YAML"), "SMC_ERR_SPEC_LOAD"],
    [
      "SpecLookupError",
      new SpecLookupError("FetchSyncList", "a.yaml"),
      "SMC_ERR_SPEC_UNKNOWN_OPERATION",
    ],
  ] as const)(
    "%s carries its code, its class name and a code its class declares",
    (name, error, code) => {
      expect(error).toBeInstanceOf(SmcError);
      expect(error.name).toBe(name);
      expect(error.code).toBe(code satisfies SmcErrorCode);
      expect((error.constructor as typeof SmcError).codes).toContain(code);
    },
  );
});
