#!/usr/bin/env node
// Writes test/support/durations.json from vitest's own record of the last `npm test` on this
// machine (node_modules/.vite/vitest/*/results.json): how long each of the project's test
// files took, which the project's sequencer reads to start the longest first. A fresh clone
// has no such record, so the table is checked in; run this after a whole `npm test` when a
// test file is added or changes weight.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(ROOT, "node_modules", ".vite", "vitest");
const OUTPUT = join(ROOT, "test", "support", "durations.json");
/** Files quicker than this are ordered by size: their order hardly moves the total. */
const SHORTEST_SECONDS = 0.5;

const records = existsSync(CACHE)
  ? readdirSync(CACHE)
      .map((dir) => join(CACHE, dir, "results.json"))
      .filter(existsSync)
  : [];
if (records.length === 0) {
  console.error(`no vitest results under ${CACHE}: run npm test first`);
  process.exit(2);
}
const seconds = {};
for (const record of records) {
  const { results } = JSON.parse(readFileSync(record, "utf8"));
  for (const [key, { duration }] of results) {
    const [project, file] = key.split(/:(.*)/s);
    if (!["unit", "meta", "e2e"].includes(project) || !existsSync(join(ROOT, file))) continue;
    if (duration / 1000 >= SHORTEST_SECONDS) seconds[file] = Math.round(duration / 100) / 10;
  }
}
const sorted = Object.fromEntries(Object.entries(seconds).sort(([, a], [, b]) => b - a));
writeFileSync(OUTPUT, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${OUTPUT}: ${Object.keys(sorted).length} files`);
