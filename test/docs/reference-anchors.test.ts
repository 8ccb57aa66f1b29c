// Every citation of docs/behaviour-reference.md must land on a heading: the anchors
// named in REFERENCE, every "docs/behaviour-reference.md#…" written in a tracked file,
// and the page's links to its own sections.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REFERENCE, cite } from "../../src/spec/documented.ts";
import {
  githubSlug,
  headingAnchors,
  referenceAnchors,
  REFERENCE_PATH,
} from "./reference-headings.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const anchors = referenceAnchors();
const CITATION = /docs\/behaviour-reference\.md(#[\w-]+)/g;

function trackedTextFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  return listed.split("\0").filter((file) => /\.(ts|js|mjs|md|ya?ml|json)$/.test(file));
}

describe("docs/behaviour-reference.md", () => {
  it("makes GitHub's anchors of headings with punctuation, underscores and repeats", () => {
    expect(githubSlug("C9. `next_page_url` on the last page")).toBe(
      "c9-next_page_url-on-the-last-page",
    );
    expect(githubSlug("Revisions and ETag")).toBe("revisions-and-etag");
    expect([...headingAnchors("# A\n## A\n```\n# B\n```\n")]).toEqual(["a", "a-1"]);
  });

  it("has a heading for every anchor named in REFERENCE", () => {
    const named = Object.entries(REFERENCE).filter(([key]) => key !== "file");
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter(([, anchor]) => !anchors.has(anchor))).toEqual([]);
    expect(cite(REFERENCE.notFoundCode)).toBe("docs/behaviour-reference.md#c5-not-found-code");
  });

  it("has a heading for every citation of it in a tracked file", () => {
    const missing: string[] = [];
    let citations = 0;
    for (const file of trackedTextFiles()) {
      const text = readFileSync(`${ROOT}/${file}`, "utf8");
      for (const match of text.matchAll(CITATION)) {
        citations += 1;
        if (!anchors.has(match[1] ?? "")) missing.push(`${file}: ${match[0]}`);
      }
    }
    expect(missing).toEqual([]);
    expect(citations).toBeGreaterThan(0);
  });

  it("links only to its own sections that exist", () => {
    const page = readFileSync(REFERENCE_PATH, "utf8");
    const links = [...page.matchAll(/\]\((#[\w-]+)\)/g)].map((match) => match[1] ?? "");
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });
});

describe("links between README.md and docs/", () => {
  it("land on files and headings that exist", () => {
    const pages = ["README.md", "docs/behaviour-reference.md", "docs/ci.md"];
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(`${ROOT}/${page}`, "utf8");
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = match[1] ?? "";
        if (/^[a-z]+:/.test(link)) continue;
        const [path = "", anchor] = link.split("#");
        const target = path === "" ? page : new URL(path, `file:///${page}`).pathname.slice(1);
        let content: string;
        try {
          content = readFileSync(`${ROOT}/${target}`, "utf8");
        } catch {
          if (anchor === undefined && existsSync(`${ROOT}/${target}`)) continue;
          broken.push(`${page}: ${link}`);
          continue;
        }
        if (anchor !== undefined && !headingAnchors(content).has(anchor))
          broken.push(`${page}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
