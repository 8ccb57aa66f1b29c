// The composition root: the only place that sees both the oracle (src/) and the embedded
// reference server (fixtures/). This file only dispatches: each subcommand is a module in
// bin/commands/ exporting its options, usage and main, and loads what it needs (vitest
// included) inside main, so --help and --version stay quick.
import { SmcError, firstLine } from "../src/errors.ts";
import { ConfigError } from "../src/config/config.ts";
import { HELP_OPTION, renderOptions, type OptionDefinition } from "../src/config/options.ts";
import * as compare from "./commands/compare.ts";
import * as merge from "./commands/merge.ts";
import * as replay from "./commands/replay.ts";
import * as report from "./commands/report.ts";
import * as run from "./commands/run.ts";
import * as serve from "./commands/serve.ts";
import * as sweep from "./commands/sweep.ts";
import { PROGRAM, paragraph, print, type Command } from "./help.ts";
import { VERSION } from "./version.ts";

export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  ([run, serve, replay, report, compare, merge, sweep] satisfies Command[]).map((command) => [
    command.name,
    command,
  ]),
);

/** Recognised only as the first argument; after a command name, --help is that command's. */
export const GLOBAL_OPTIONS: readonly OptionDefinition[] = [
  HELP_OPTION,
  { name: "version", type: "boolean", description: "print the version and exit" },
];

export const USAGE = [
  `${PROGRAM} ${VERSION}: conformance suite for the Sync Map REST API`,
  "",
  "Usage:",
  ...[...COMMANDS.values()].map((command) => commandLine(command.synopsis, command.summary)),
  commandLine("COMMAND --help", "one command's options"),
  "",
  "Global options (as the first argument):",
  renderOptions(GLOBAL_OPTIONS),
  "",
  "run options:",
  renderOptions(run.options.options),
  "",
  paragraph(run.EXIT_STATUS),
].join("\n");

function commandLine(synopsis: string, summary: string): string {
  const head = `  ${PROGRAM} ${synopsis}`;
  return head.length < 44 ? `${head.padEnd(44)}${summary}` : `${head}\n${" ".repeat(44)}${summary}`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === "--help" || first === "-h") return print(USAGE);
    if (first === "help") return print(rest[0] === undefined ? USAGE : commandNamed(rest[0]).usage);
    if (first === "--version") return print(VERSION);
    if (first === undefined || first.startsWith("-")) return await run.main(argv);
    return await commandNamed(first).main(rest);
  } catch (error) {
    // Every error we throw on purpose: a bad option, a file we cannot use, a target we
    // cannot reach, a harness fault. The run could not be made: exit 2, one line.
    if (error instanceof SmcError) {
      process.stderr.write(`${PROGRAM}: ${firstLine(error.message)}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${PROGRAM}: internal error: ${detail}\n`);
    return 2;
  }
}

function commandNamed(name: string): Command {
  const command = COMMANDS.get(name);
  if (command === undefined) {
    throw new ConfigError(
      `unknown command "${name}" (use ${[...COMMANDS.keys()].join(", ")}; see --help)`,
    );
  }
  return command;
}
