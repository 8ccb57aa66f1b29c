// The numbers the docs quote, counted from the code: behaviours per group and level
// (the catalogue), planted faults (fixtures/faults), documented variants and
// operations. Docs mark each number as <!-- count:NAME -->N<!-- /count -->;
// test/docs/counts.test.ts fails when one disagrees, and
//   npm run docs:counts -- --write
// rewrites them in README.md and docs/*.md.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_CATALOGUE_DIR, loadCatalogue } from "../src/catalogue/catalogue.ts";
import { SYNC_MAP_OPERATION_IDS } from "../src/spec/index.ts";
import { faults } from "../fixtures/faults/index.ts";
import { concurrencyFaults } from "../fixtures/faults/concurrency/index.ts";
import { variants } from "../fixtures/variants/index.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Catalogue files by the group the README names them by. */
const GROUP_FILES: Readonly<Record<string, string>> = {
  maps: "10-maps.yaml",
  items: "20-items.yaml",
  permissions: "30-permissions.yaml",
  sequences: "40-sequences.yaml",
  fuzz: "50-fuzz.yaml",
  trust: "60-trust.yaml",
  concurrency: "70-concurrency.yaml",
};

function countBehaviours(counts: Record<string, number>): void {
  const all = loadCatalogue();
  counts.behaviours = all.length;
  counts.mock = all.filter((entry) => entry.profiles.includes("mock")).length;
  counts.must = all.filter((entry) => entry.level === "MUST").length;
  counts.should = all.filter((entry) => entry.level === "SHOULD").length;
  // Authentication is told apart by id: its entries sit in the maps and trust files.
  counts.auth = all.filter((entry) => entry.id.startsWith("AUTH-")).length;
  for (const [group, file] of Object.entries(GROUP_FILES)) {
    const entries = loadCatalogue(join(DEFAULT_CATALOGUE_DIR, file)).filter(
      (entry) => !entry.id.startsWith("AUTH-"),
    );
    counts[group] = entries.length;
    counts[`${group}.must`] = entries.filter((entry) => entry.level === "MUST").length;
    counts[`${group}.should`] = entries.filter((entry) => entry.level === "SHOULD").length;
  }
}

/** Every number the docs may quote, by the name a count marker uses. */
export function computeCounts(): Readonly<Record<string, number>> {
  const counts: Record<string, number> = {};
  countBehaviours(counts);
  counts.faults = faults.length;
  counts["faults.sequence"] = faults.filter((fault) => fault.behaviour.startsWith("SEQ-")).length;
  counts["faults.race"] = concurrencyFaults.length;
  counts.variants = variants.length;
  counts.operations = SYNC_MAP_OPERATION_IDS.length;
  return Object.freeze(counts);
}

const MARKER = /<!-- count:([\w.]+) -->(\d+)<!-- \/count -->/g;

export interface QuotedCount {
  readonly name: string;
  readonly value: number;
}

/** The marked numbers of a Markdown text, in order. */
export function quotedCounts(markdown: string): QuotedCount[] {
  return [...markdown.matchAll(MARKER)].map((match) => ({
    name: match[1] ?? "",
    value: Number(match[2]),
  }));
}

/** The text with every marked number replaced by its count; an unknown name throws. */
export function rewriteCounts(markdown: string, counts: Readonly<Record<string, number>>): string {
  return markdown.replace(MARKER, (_whole, name: string) => {
    const value = counts[name];
    if (value === undefined)
      throw new Error(`no count named "${name}" (known: ${Object.keys(counts).join(", ")})`);
    return `<!-- count:${name} -->${value}<!-- /count -->`;
  });
}

/** README.md and every Markdown file under docs/, relative to the repository root. */
export function countedDocs(): string[] {
  const docs = readdirSync(join(ROOT, "docs")).filter((name) => name.endsWith(".md"));
  return ["README.md", ...docs.map((name) => `docs/${name}`)];
}

export function readDoc(file: string): string {
  return readFileSync(join(ROOT, file), "utf8");
}

function main(argv: readonly string[]): number {
  const counts = computeCounts();
  for (const [name, value] of Object.entries(counts)) console.log(`${name.padEnd(22)} ${value}`);
  if (!argv.includes("--write")) return 0;
  for (const file of countedDocs()) {
    const before = readDoc(file);
    const after = rewriteCounts(before, counts);
    if (after !== before) {
      writeFileSync(join(ROOT, file), after);
      console.log(`rewrote ${file}`);
    }
  }
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
