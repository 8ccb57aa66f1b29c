// The package's own root and version: cheap to read, so --version loads nothing else.
import { readFileSync } from "node:fs";
import { PACKAGE_ROOT, packageFile } from "../src/config/package-root.ts";

export { PACKAGE_ROOT };

const manifest = JSON.parse(readFileSync(packageFile("package.json"), "utf8"));
export const VERSION = (manifest as { version: string }).version;
