import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPI, OpenAPIV3 } from "openapi-types";
import { parse as parseYaml } from "yaml";
import { DEFAULT_SPEC_FILE, sha256Hex } from "./source.ts";
import { createCatalog } from "./catalog.ts";
import { parsedCopyOf } from "./parsed.ts";
import { SpecLoadError } from "./errors.ts";
import type { SpecCatalog } from "./types.ts";

export { DEFAULT_SPEC_FILE };

/**
 * Loads an OpenAPI 3.0 document (YAML or JSON): validates it, dereferences it
 * and compiles its response schemas. Every failure is a SpecLoadError naming
 * the file and the reason.
 */
export async function loadSpec(file?: string | URL): Promise<SpecCatalog> {
  const path = resolveSpecPath(file);
  const text = await readSource(path);
  const copy = parsedCopyOf(path, text);
  const parsed = (copy?.document as object | undefined) ?? parseSource(path, text);
  assertOpenApi30(path, parsed);
  // The build validated the project's document already; any other is validated here.
  if (copy?.validatedOpenApi !== true) await validateDocument(path, parsed);
  const document = await dereferenceDocument(path, parsed);
  try {
    return createCatalog({ document, source: path, hash: sha256Hex(text) });
  } catch (error) {
    throw new SpecLoadError(path, messageOf(error), { cause: error });
  }
}

function resolveSpecPath(file: string | URL | undefined): string {
  if (file === undefined) return DEFAULT_SPEC_FILE;
  return file instanceof URL ? fileURLToPath(file) : resolve(file);
}

async function readSource(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new SpecLoadError(path, `cannot read the file (${messageOf(error)})`, { cause: error });
  }
}

/** JSON is parsed as JSON (much faster on the 270 kB vendor document); anything else as YAML. */
function parseSource(path: string, text: string): object {
  const looksLikeJson = extname(path).toLowerCase() === ".json" || text.trimStart().startsWith("{");
  let parsed: unknown;
  try {
    parsed = looksLikeJson ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new SpecLoadError(
      path,
      `not valid ${looksLikeJson ? "JSON" : "YAML"}: ${messageOf(error)}`,
      { cause: error },
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SpecLoadError(path, "the document is not an object");
  }
  return parsed;
}

/** Our schema handling (nullable, ajv draft-07 dialect) is OpenAPI 3.0's; 2.0 and 3.1 differ. */
function assertOpenApi30(path: string, parsed: object): asserts parsed is OpenAPIV3.Document {
  const version: unknown = (parsed as Record<string, unknown>)["openapi"];
  if (typeof version === "string" && /^3\.0\.\d+$/.test(version)) return;
  const swagger: unknown = (parsed as Record<string, unknown>)["swagger"];
  const found =
    typeof version === "string"
      ? `openapi ${version}`
      : typeof swagger === "string"
        ? `swagger ${swagger}`
        : "no version field";
  throw new SpecLoadError(path, `only OpenAPI 3.0.x is supported (found ${found})`);
}

/** swagger-parser dereferences what it validates in place, hence the clone. */
async function validateDocument(path: string, document: OpenAPIV3.Document): Promise<void> {
  try {
    await SwaggerParser.validate(path, structuredClone(document) as OpenAPI.Document, {});
  } catch (error) {
    throw new SpecLoadError(path, `not a valid OpenAPI document: ${firstLines(messageOf(error))}`, {
      cause: error,
    });
  }
}

async function dereferenceDocument(
  path: string,
  document: OpenAPIV3.Document,
): Promise<OpenAPIV3.Document> {
  try {
    return (await SwaggerParser.dereference(path, document, {})) as OpenAPIV3.Document;
  } catch (error) {
    throw new SpecLoadError(path, `cannot resolve its $refs: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** swagger-parser lists every failing pointer, often dozens; the full text stays on `cause`. */
function firstLines(message: string, limit = 8): string {
  const lines = message.trimEnd().split("\n");
  if (lines.length <= limit) return lines.join("\n");
  return [...lines.slice(0, limit), `  … ${lines.length - limit} more lines`].join("\n");
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
