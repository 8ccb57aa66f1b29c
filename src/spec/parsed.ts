// The YAML of spec/ as `npm run build` parsed it into dist/parsed/ (scripts/build.mjs), so a
// run does not parse the same text again in each of its processes. A copy counts only while
// its hash is the text's: an edited file is parsed at run time, as any other file is.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { PACKAGE_ROOT } from "../config/package-root.ts";
import { sha256Hex } from "./source.ts";

export interface ParsedCopy {
  readonly document: unknown;
  /** The build validated it against the OpenAPI 3.0 schema (swagger-parser). */
  readonly validatedOpenApi: boolean;
}

/** The build's parse of `file` (a file of this package) when `text` is still what it read. */
export function parsedCopyOf(file: string, text: string): ParsedCopy | undefined {
  const path = relative(PACKAGE_ROOT, file);
  if (path.startsWith("..") || path.startsWith("dist")) return undefined;
  let saved: { sha256?: unknown; validatedOpenApi?: unknown; document?: unknown };
  try {
    saved = JSON.parse(readFileSync(join(PACKAGE_ROOT, "dist", "parsed", `${path}.json`), "utf8"));
  } catch {
    return undefined;
  }
  if (saved.sha256 !== sha256Hex(text) || saved.document === undefined) return undefined;
  return { document: saved.document, validatedOpenApi: saved.validatedOpenApi === true };
}
