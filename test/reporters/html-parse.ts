// Reading report.html back in tests: its rows, groups, and whether every tag closes.

export function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

export function rows(html: string): Array<{ id: string; status: string; change?: string }> {
  return [
    ...html.matchAll(/<tr [^>]*data-behaviour-id="([^"]*)" data-status="([^"]*)"[^>]*>/g),
  ].map((match) => {
    const change = /data-change="([^"]*)"/.exec(match[0])?.[1];
    return {
      id: unescapeHtml(match[1] ?? ""),
      status: match[2] ?? "",
      ...(change === undefined ? {} : { change }),
    };
  });
}

export function groupsOf(html: string): Array<{ key: string; ids: string[] }> {
  return html
    .split(/<section class="group" /)
    .slice(1)
    .map((chunk) => ({
      key: /data-group="([^"]*)"/.exec(chunk)?.[1] ?? "",
      ids: rows(chunk.split("</section>")[0] ?? "").map((row) => row.id),
    }));
}

/** Every non-void element closes, in order: the page is not cut short by what a target sent. */
export function unbalancedTags(html: string): string[] {
  const voids = new Set(["meta", "input", "br", "hr", "img", "link"]);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<!DOCTYPE html>/i, "");
  for (const match of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, closing, rawName] = match;
    const name = (rawName ?? "").toLowerCase();
    if (voids.has(name)) continue;
    if (closing === "") stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${match.index}`);
  }
  return [...problems, ...stack.map((name) => `<${name}> never closed`)];
}
