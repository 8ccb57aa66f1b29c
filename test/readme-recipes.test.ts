// The CI recipes (docs/ci.md, and README.md's "Use it in CI" section should one move
// back) are copied into users' workflows as they are: each must be valid YAML, and
// every sync-map-conformance command in them must be one the CLI accepts today, so the
// recipes cannot drift from the options.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { parseRunArgs } from "../src/config/config.ts";
import { parseMergeArgs } from "../reporters/merge.ts";
import { main } from "../bin/cli.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const CI_DOC = readFileSync(new URL("../docs/ci.md", import.meta.url), "utf8");

/** The text of a "## heading" section, or "" when the document has none. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return "";
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

const blocks = [...yamlBlocks(CI_DOC), ...yamlBlocks(section(README, "Use it in CI"))];

interface Step {
  run?: unknown;
  env?: Record<string, unknown>;
}
interface Job {
  steps?: Step[];
  env?: Record<string, unknown>;
  strategy?: { matrix?: Record<string, unknown> };
}
interface Workflow {
  env?: Record<string, unknown>;
  jobs?: Record<string, Job>;
}

interface Command {
  readonly job: string;
  readonly argv: string[];
  readonly env: NodeJS.ProcessEnv;
}

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/** What GitHub would put in place of ${{ … }}: each matrix value, else a stand-in. */
function expand(text: string, matrix: Record<string, unknown>): string[] {
  const found = [...text.matchAll(EXPRESSION)]
    .map((match) => match[1] ?? "")
    .find((expression) => expression.startsWith("matrix."));
  if (found !== undefined) {
    const values = matrix[found.slice("matrix.".length)];
    if (!Array.isArray(values)) throw new Error(`\${{ ${found} }} names no matrix list`);
    return values.flatMap((value) =>
      expand(
        text.replaceAll(
          new RegExp(`\\$\\{\\{\\s*${found.replace(".", "\\.")}\\s*\\}\\}`, "g"),
          String(value),
        ),
        matrix,
      ),
    );
  }
  return [text.replace(EXPRESSION, "placeholder")];
}

/** Words as a POSIX shell splits them, for the quoting the recipes use. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? "",
  );
}

function commandsOf(workflow: Workflow): Command[] {
  const commands: Command[] = [];
  for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
    const matrix = job.strategy?.matrix ?? {};
    for (const step of job.steps ?? []) {
      if (typeof step.run !== "string") continue;
      const env: NodeJS.ProcessEnv = {};
      for (const [key, value] of Object.entries({ ...workflow.env, ...job.env, ...step.env }))
        env[key] = expand(String(value), {})[0];
      const lines = step.run.replace(/\\\n/g, " ").split("\n");
      for (const line of lines) {
        const at = line.indexOf("npx sync-map-conformance");
        if (at < 0) continue;
        // One command: up to the next shell operator.
        const command = line.slice(at).split(/\s(?:&&|\|\||;|\|)\s/)[0] ?? "";
        for (const expanded of expand(command, matrix))
          commands.push({ job: name, argv: words(expanded).slice(2), env });
      }
    }
  }
  return commands;
}

describe("CI recipes (docs/ci.md)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is linked from the README, which keeps a pointer where the recipes were", () => {
    expect(section(README, "Use it in CI")).toContain("(docs/ci.md)");
  });

  it("has three recipes, each valid YAML with jobs and a sync-map-conformance command", () => {
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      const workflow = parse(block) as Workflow;
      expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0);
      expect(commandsOf(workflow).length).toBeGreaterThan(0);
    }
  });

  it("uses only run options the CLI accepts, with secrets and matrix values in place", () => {
    const runs = blocks
      .flatMap((block) => commandsOf(parse(block) as Workflow))
      .filter(
        (command) =>
          command.argv[0] === undefined ||
          command.argv[0].startsWith("-") ||
          command.argv[0] === "run",
      );
    expect(runs.length).toBeGreaterThanOrEqual(4);
    const configs = runs.map(({ argv, env }) => {
      const args = argv[0] === "run" ? argv.slice(1) : argv;
      expect(() => parseRunArgs(args, env), args.join(" ")).not.toThrow();
      return parseRunArgs(args, env).config;
    });
    expect(configs.every((config) => config.baseUrl !== undefined)).toBe(true);
    // Each shard of the matrix got its own number, and the same seed.
    const shards = configs.filter((config) => config.shard !== undefined);
    expect(shards.map((config) => config.shard)).toEqual(
      [1, 2, 3].map((index) => ({ index, count: 3 })),
    );
    expect(new Set(shards.map((config) => config.seed)).size).toBe(1);
  });

  it("names only commands the CLI has, and merge with arguments it accepts", async () => {
    const others = blocks
      .flatMap((block) => commandsOf(parse(block) as Workflow))
      .filter(
        (command) =>
          command.argv[0] !== undefined &&
          !command.argv[0].startsWith("-") &&
          command.argv[0] !== "run",
      );
    expect(others.map((command) => command.argv[0])).toContain("merge");
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    for (const { argv } of others) {
      const [name, ...rest] = argv;
      // An unknown command exits 2; a known one prints its usage and exits 0.
      expect(await main([name ?? "", "--help"]), name).toBe(0);
      if (name === "merge") expect(parseMergeArgs(rest).dirs.length).toBeGreaterThan(0);
    }
  });
});
