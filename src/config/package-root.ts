// Where the package's own files (spec/, package.json) are, found from this module's place:
// the same answer whether it runs as TypeScript from src/ or compiled from dist/src/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this file that holds package.json (dist/ holds none). */
export const PACKAGE_ROOT: string = rootAbove(dirname(fileURLToPath(import.meta.url)));

function rootAbove(start: string): string {
  for (let directory = start; ;) {
    if (existsSync(join(directory, "package.json"))) return directory;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${start}`);
    directory = parent;
  }
}

/** A file of the package, by its path from the root: "spec/sync-map.openapi.yaml". */
export function packageFile(path: string): string {
  return join(PACKAGE_ROOT, path);
}
