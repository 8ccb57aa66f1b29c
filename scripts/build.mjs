// `npm run build`: the TypeScript the CLI's own process runs, compiled into dist/ (type
// checking is `npm run typecheck`'s job), so a command starts without compiling itself.
// npm runs it on `npm install` in a checkout and before `npm pack`. dist/BUILT marks when:
// bin/sync-map-conformance.mjs uses dist/ only while no source file is newer than that.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync(`${root}/dist`, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
writeFileSync(`${root}/dist/BUILT`, `${new Date().toISOString()}\n`);
