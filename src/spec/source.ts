// Which OpenAPI document a run judges by, and its fingerprint, without compiling it: the
// CLI's own process needs only these for summary.json; the workers compile the schemas.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { packageFile } from "../config/package-root.ts";

/** Resolved from the package, not the working directory, so the CLI works from anywhere. */
export const DEFAULT_SPEC_FILE = packageFile("spec/sync-map.openapi.yaml");

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The project's own document: its path and the hash loadSpec would give it. */
export async function defaultSpecFingerprint(): Promise<{ source: string; hash: string }> {
  return { source: DEFAULT_SPEC_FILE, hash: sha256Hex(await readFile(DEFAULT_SPEC_FILE, "utf8")) };
}
