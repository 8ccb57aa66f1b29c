// The behaviour catalogue (spec/behaviours/*.yaml) loaded and validated once.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { HarnessError } from "../errors.ts";
import type { Profile } from "../config/config.ts";
import { packageFile } from "../config/package-root.ts";
import { parsedCopyOf } from "../spec/parsed.ts";

export type Level = "MUST" | "SHOULD";
/** "api": behaviours that cover every operation at once (the fuzz phase, FUZZ-*). */
export type Resource = "map" | "item" | "permission" | "api";

export interface BehaviourEntry {
  readonly id: string;
  readonly level: Level;
  readonly resource: Resource;
  readonly operations: readonly string[];
  readonly statement: string;
  readonly source: string;
  /**
   * The profiles that run it. Every behaviour is in "full"; "mock" holds those a
   * stateless mock can honour: status codes, schemas and shapes of single answers,
   * nothing that needs an earlier request remembered or a request value echoed.
   */
  readonly profiles: readonly Profile[];
}

/** Why a behaviour outside the chosen profile was not run (summary skipReason). */
export function outsideProfileReason(entry: BehaviourEntry, profile: Profile): string | undefined {
  if (entry.profiles.includes(profile)) return undefined;
  return `not in the ${profile} profile: it needs a target that keeps state between requests (run with --profile full)`;
}

/** One YAML file per resource (10-maps.yaml, 20-items.yaml, …), read in name order. */
export const DEFAULT_CATALOGUE_DIR = packageFile("spec/behaviours");

const ID_PATTERN = /^[A-Z]+(-[A-Z0-9]+)+$/;

export function loadCatalogue(location: string = DEFAULT_CATALOGUE_DIR): readonly BehaviourEntry[] {
  const files = statSync(location, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(location)
        .filter((name) => /\.ya?ml$/.test(name))
        .sort()
        .map((name) => join(location, name))
    : [location];
  const seen = new Set<string>();
  const entries: BehaviourEntry[] = [];
  for (const file of files) {
    for (const [index, raw] of readList(file).entries()) {
      const entry = validateEntry(raw, index, file);
      if (seen.has(entry.id))
        throw new HarnessError("SMC_ERR_CATALOGUE", `behaviour ${entry.id} is listed twice`);
      seen.add(entry.id);
      entries.push(entry);
    }
  }
  return Object.freeze(entries);
}

function readList(file: string): unknown[] {
  let document: unknown;
  try {
    const text = readFileSync(file, "utf8");
    document = parsedCopyOf(file, text)?.document ?? parse(text);
  } catch (error) {
    throw new HarnessError(
      "SMC_ERR_CATALOGUE",
      `cannot read the behaviour catalogue ${file}: ${(error as Error).message}`,
    );
  }
  const list = (document as { behaviours?: unknown } | null)?.behaviours;
  if (!Array.isArray(list))
    throw new HarnessError("SMC_ERR_CATALOGUE", `${file} has no behaviours list`);
  return list;
}

function validateEntry(raw: unknown, index: number, file: string): BehaviourEntry {
  const entry = raw as Partial<Record<keyof BehaviourEntry, unknown>>;
  const where = `${file}: behaviour #${index + 1}${typeof entry?.id === "string" ? ` (${entry.id})` : ""}`;
  const fail = (what: string): never => {
    throw new HarnessError("SMC_ERR_CATALOGUE", `${where}: ${what}`);
  };
  if (typeof entry.id !== "string" || !ID_PATTERN.test(entry.id))
    fail("id must look like MAP-TTL-ALIAS");
  if (entry.level !== "MUST" && entry.level !== "SHOULD") fail("level must be MUST or SHOULD");
  if (!["map", "item", "permission", "api"].includes(entry.resource as string))
    fail("resource must be map, item, permission or api");
  if (
    !Array.isArray(entry.operations) ||
    entry.operations.length === 0 ||
    !entry.operations.every((op) => typeof op === "string")
  ) {
    fail("operations must list operationIds");
  }
  if (typeof entry.statement !== "string" || entry.statement.length === 0)
    fail("statement is required");
  if (typeof entry.source !== "string" || entry.source.length === 0) fail("source is required");
  const profiles = entry.profiles ?? ["full"];
  if (
    !Array.isArray(profiles) ||
    !profiles.every((profile) => profile === "full" || profile === "mock") ||
    !profiles.includes("full")
  ) {
    fail("profiles must list full and may add mock");
  }
  return Object.freeze({
    id: entry.id as string,
    level: entry.level as Level,
    resource: entry.resource as Resource,
    operations: Object.freeze([...(entry.operations as string[])]),
    statement: entry.statement as string,
    source: entry.source as string,
    profiles: Object.freeze([...(profiles as Profile[])]),
  });
}
