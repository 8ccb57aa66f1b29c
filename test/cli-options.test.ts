// The CLI's help is generated from the option definitions its parser uses: these tests fail
// when a command parses an option its --help does not show, shows one it does not parse, or
// when --help says anything about an option that no definition holds.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMMANDS, GLOBAL_OPTIONS, USAGE, main } from "../bin/cli.ts";
import type { Command } from "../bin/help.ts";
import { SmcError } from "../src/errors.ts";

const commands = [...COMMANDS.values()];

/** What each command needs besides options to get past its own checks. */
const POSITIONALS: Record<string, readonly string[]> = {
  replay: ["counterexample.json"],
  merge: ["shard-1"],
  compare: ["before.json", "after.json"],
};

/** Options the contract lists (DESIGN) that this version refuses until it honours them. */
const NOT_YET_HONOURED: Record<string, readonly string[]> = {};

/** Every option any command or the dispatcher knows of, plus ones nobody should take. */
const EVERY_NAME = new Set([
  ...commands.flatMap((command) => command.options.options.map((option) => option.name)),
  ...GLOBAL_OPTIONS.map((option) => option.name),
  ...Object.values(NOT_YET_HONOURED).flat(),
  "bogus",
]);

function dashed(text: string): Set<string> {
  return new Set(
    [...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((match) => match[1] as string),
  );
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** Resolves to the error the command's parser threw for argv, or undefined when it took it. */
async function parseError(command: Command, argv: readonly string[]): Promise<unknown> {
  try {
    await command.parse([...(POSITIONALS[command.name] ?? []), ...argv], {});
    return undefined;
  } catch (error) {
    return error;
  }
}

function isUnknownOption(error: unknown): boolean {
  return error instanceof SmcError && error.code === "SMC_ERR_UNKNOWN_OPTION";
}

describe.each(commands.map((command) => [command.name, command] as const))(
  "%s --help",
  (_name, command) => {
    const names = command.options.options.map((option) => option.name);

    it("shows every option the command defines, with its description, env var and default", () => {
      const usage = squeeze(command.usage);
      for (const option of command.options.options) {
        expect(dashed(command.usage), `--${option.name}`).toContain(option.name);
        expect(usage).toContain(squeeze(option.description));
        if (option.env !== undefined) expect(usage).toContain(`env ${option.env}`);
        if (option.default !== undefined) expect(usage).toContain(`default: ${option.default}`);
      }
    });

    it("names no option the command does not define", () => {
      expect([...dashed(command.usage)].filter((name) => !names.includes(name))).toEqual([]);
    });

    it("parses every option it shows", async () => {
      for (const option of command.options.options) {
        const argv = option.type === "string" ? [`--${option.name}`, "1"] : [`--${option.name}`];
        const error = await parseError(command, argv);
        expect(isUnknownOption(error), `${command.name} --${option.name}: ${String(error)}`).toBe(
          false,
        );
      }
    });

    it("refuses every option it does not show, as an unknown option", async () => {
      for (const name of [...EVERY_NAME].filter((known) => !names.includes(known))) {
        const error = await parseError(command, [`--${name}`, "1"]);
        expect(isUnknownOption(error), `${command.name} --${name}: ${String(error)}`).toBe(true);
        expect((error as Error).message).toContain(`--${name}`);
      }
    });

    it("refuses the contract's options it does not honour yet, saying so in one line", async () => {
      for (const name of NOT_YET_HONOURED[command.name] ?? []) {
        const error = (await parseError(command, [`--${name}`, "1"])) as Error;
        expect(error.message).toMatch(new RegExp(`^--${name} is not honoured yet`));
        expect(error.message).not.toContain("\n");
      }
    });
  },
);

describe("the global --help", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("lists every command and shows run's options and the global ones, and no other option", () => {
    const run = COMMANDS.get("run") as Command;
    const allowed = [...run.options.options, ...GLOBAL_OPTIONS].map((option) => option.name);
    for (const command of commands) expect(USAGE).toContain(command.synopsis);
    expect([...dashed(USAGE)].sort()).toEqual([...new Set(allowed)].sort());
    for (const option of [...run.options.options, ...GLOBAL_OPTIONS]) {
      expect(squeeze(USAGE)).toContain(squeeze(option.description));
    }
  });

  it("is what --help prints, and each command's usage is what COMMAND --help prints", async () => {
    const printed: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    expect(await main(["--help"])).toBe(0);
    expect(printed.pop()).toBe(`${USAGE}\n`);
    for (const command of commands) {
      expect(await main([command.name, "--help"]), command.name).toBe(0);
      expect(printed.pop()).toBe(`${command.usage}\n`);
    }
  });

  it("refuses an unknown option with exit 2 and one line on stderr", async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    expect(await main(["--bogus"])).toBe(2);
    expect(errors.join("")).toMatch(/^sync-map-conformance: run does not take --bogus;[^\n]*\n$/);
  });
});

/** Modules bin/cli.ts loads before any command's main runs: its static import graph. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const statements = source.matchAll(
      /^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"/gms,
    );
    for (const [, specifier = ""] of statements) {
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier));
      else seen.add(specifier);
    }
  };
  visit(entry);
  return seen;
}

describe("start-up", () => {
  it("loads no vitest, spec, undici or reference server for --help or --version", () => {
    const loaded = [...staticImports(fileURLToPath(new URL("../bin/cli.ts", import.meta.url)))];
    expect(loaded.some((module) => module.endsWith("bin/commands/run.ts"))).toBe(true);
    const heavy = loaded.filter((module) =>
      /^vitest|^undici|swagger-parser|^ajv|\/src\/spec\/|\/fixtures\//.test(module),
    );
    expect(heavy).toEqual([]);
  });
});
