// The package's own root and version: cheap to read, so --version loads nothing else.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
export const VERSION = (manifest as { version: string }).version;
