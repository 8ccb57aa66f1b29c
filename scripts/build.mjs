// `npm run build`: the TypeScript the CLI's own process runs, compiled into dist/ (type
// checking is `npm run typecheck`'s job), so a command starts without compiling itself.
// npm runs it on `npm install` in a checkout and before `npm pack`. dist/BUILT marks when:
// bin/sync-map-conformance.mjs uses dist/ only while no source file is newer than that.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import SwaggerParser from "@apidevtools/swagger-parser";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync(`${root}/dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });

// The YAML under spec/ parsed once, here, into dist/parsed/ (src/spec/parsed.ts): every run
// would otherwise parse it again in each process, and validate the project's own OpenAPI
// document against the OpenAPI schema in each worker. Each copy carries the hash of the text
// it came from, so an edited file is parsed (and validated) again at run time, never stale.
for (const entry of readdirSync(join(root, "spec"), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, "utf8");
  const document = parse(text);
  const openApi = typeof document?.openapi === "string";
  if (openApi) await SwaggerParser.validate(file, JSON.parse(JSON.stringify(document)), {});
  const copy = join(root, "dist", "parsed", `${relative(root, file)}.json`);
  mkdirSync(dirname(copy), { recursive: true });
  const sha256 = createHash("sha256").update(text, "utf8").digest("hex");
  writeFileSync(copy, JSON.stringify({ sha256, validatedOpenApi: openApi, document }));
}

writeFileSync(`${root}/dist/BUILT`, `${new Date().toISOString()}\n`);
