// The fault indexes are written by hand (so `serve --fault ID` and the meta-suite can look a
// fault up synchronously); this keeps them from drifting from the folders: every fault file
// is listed exactly once, under its own id, and nothing is listed that has no file.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { faultById, faults } from "../../fixtures/faults/index.ts";
import { itemsFaults } from "../../fixtures/faults/items/index.ts";
import { mapsFaults } from "../../fixtures/faults/maps/index.ts";
import { permissionsFaults } from "../../fixtures/faults/permissions/index.ts";
import { sequenceFaults } from "../../fixtures/faults/sequences/index.ts";
import { fuzzFaults } from "../../fixtures/faults/fuzz/index.ts";
import { trustFaults } from "../../fixtures/faults/trust/index.ts";
import { concurrencyFaults } from "../../fixtures/faults/concurrency/index.ts";
import type { Fault } from "../../fixtures/reference/types.ts";

const FOLDERS: ReadonlyArray<readonly [string, readonly Fault[]]> = [
  ["maps", mapsFaults],
  ["items", itemsFaults],
  ["permissions", permissionsFaults],
  ["sequences", sequenceFaults],
  ["trust", trustFaults],
  ["fuzz", fuzzFaults],
  ["concurrency", concurrencyFaults],
];

/** Files of a fault folder that are not faults themselves. */
const NOT_FAULTS = new Set(["index.ts", "support.ts"]);

function folderPath(folder: string): string {
  return fileURLToPath(new URL(`../../fixtures/faults/${folder}/`, import.meta.url));
}

function faultFiles(folder: string): string[] {
  return readdirSync(folderPath(folder))
    .filter((name) => name.endsWith(".ts") && !NOT_FAULTS.has(name))
    .sort();
}

describe("the fault index", () => {
  for (const [folder, listed] of FOLDERS) {
    it(`lists every file of fixtures/faults/${folder} once, under the file's name`, () => {
      const ids = listed.map((fault) => `${fault.id}.ts`).sort();
      expect(ids).toEqual(faultFiles(folder));
    });

    it(`lists each fixtures/faults/${folder} file's own default export`, async () => {
      for (const file of faultFiles(folder)) {
        const url = pathToFileURL(folderPath(folder) + file).href;
        const module = (await import(url)) as { default: Fault };
        expect(listed, file).toContain(module.default);
      }
    });
  }

  it("joins the folder lists into `faults`, which faultById searches", () => {
    expect(faults).toEqual(FOLDERS.flatMap(([, listed]) => listed));
    for (const fault of faults) expect(faultById(fault.id)).toBe(fault);
  });
});
