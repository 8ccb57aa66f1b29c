// The anchors GitHub gives the headings of docs/behaviour-reference.md, so tests can
// prove that every citation of that file lands on a heading that exists.
import { readFileSync } from "node:fs";
import { REFERENCE } from "../../src/spec/documented.ts";

export const REFERENCE_PATH = new URL(`../../${REFERENCE.file}`, import.meta.url);

/**
 * GitHub's heading slug: lower case, every character that is not a letter, digit, mark,
 * underscore, space or hyphen dropped, then each space made a hyphen.
 */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Anchors of the headings of a Markdown text; a repeated slug gets -1, -2… as on GitHub. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) inFence = !inFence;
    const heading = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const slug = githubSlug(heading[1] ?? "");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The anchors of docs/behaviour-reference.md, each with its leading "#". */
export function referenceAnchors(): Set<string> {
  const markdown = readFileSync(REFERENCE_PATH, "utf8");
  return new Set([...headingAnchors(markdown)].map((anchor) => `#${anchor}`));
}
