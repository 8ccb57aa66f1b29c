// Users have the repository and nothing else: no file they receive may send them to a
// document or a path outside it. Tests may name ../shared (they skip when it is absent).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const OUTSIDE = [
  { name: "the developers' facts file", pattern: /sync-map-facts|\bfacts (§|C\d)/ },
  { name: "a shorthand conflict number", pattern: /\((?:facts )?C\d{1,2}\)/ },
  { name: "the developers' shared folder", pattern: /\.\.\/shared\// },
  { name: "a path on a developer's machine", pattern: /\/work\/|\/home\/[a-z]|\/tmp\/[a-z]/ },
];

function shippedFiles(): string[] {
  const listed = execFileSync("git", ["ls-files"], { encoding: "utf8" }).split("\n");
  return listed.filter(
    (file) =>
      file !== "" &&
      !file.startsWith("test/") &&
      !file.startsWith(".ci/") &&
      file !== "package-lock.json",
  );
}

describe("the repository is self-contained", () => {
  it("names no document or path outside it, outside test/", () => {
    const found: string[] = [];
    for (const file of shippedFiles()) {
      const text = readFileSync(file, "utf8");
      text.split("\n").forEach((line, index) => {
        for (const { name, pattern } of OUTSIDE) {
          if (pattern.test(line)) found.push(`${file}:${index + 1} names ${name}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });
});
