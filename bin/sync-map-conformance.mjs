#!/usr/bin/env node
// The published entry point. It runs the compiled JavaScript in dist/ (`npm run build`; npm
// builds it on install in a checkout and before packing), which starts in a fraction of the
// time TypeScript through tsx needs. A checkout edited since its last build runs the
// TypeScript itself, through tsx: a stale build never answers for newer sources.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** What the CLI's own process runs; the vitest workers read suites/ and src/ themselves. */
const SOURCES = ["bin", "src", "reporters", "fixtures", "suites"];

function compiledIsCurrent() {
  let built;
  try {
    built = statSync(join(ROOT, "dist", "BUILT")).mtimeMs;
  } catch {
    return false;
  }
  // An installed package is nobody's checkout: its build is the one it was packed with.
  if (ROOT.split(/[\\/]/).includes("node_modules")) return true;
  for (const folder of SOURCES) {
    const entries = readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
      if (statSync(join(entry.parentPath, entry.name)).mtimeMs > built) return false;
    }
  }
  return true;
}

let cli;
if (compiledIsCurrent()) {
  cli = await import("../dist/bin/cli.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import("./cli.ts");
}
process.exitCode = await cli.main(process.argv.slice(2));
