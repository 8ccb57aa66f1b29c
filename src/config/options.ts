// One format for every command-line option. The parser (node:util parseArgs) and the
// --help text are both generated from the same definitions, so help cannot name an option
// the parser refuses, nor the parser take one help does not show.
import { parseArgs } from "node:util";
import { ConfigError, firstLine } from "../errors.ts";

export interface OptionDefinition {
  /** The long name without dashes: "base-url". */
  readonly name: string;
  readonly type: "string" | "boolean";
  /** What the value is, shown in help: "URL", "N", "full|mock". String options only. */
  readonly valueName?: string;
  /** A one-letter alias: "h" for --help. */
  readonly short?: string;
  /** The environment variable read when the option is absent. */
  readonly env?: string;
  /** One or two sentences for help; wrapped to the terminal width by renderOptions. */
  readonly description: string;
  /** The value when neither the option nor its env var gives one; shown in help. */
  readonly default?: string;
}

export const HELP_OPTION: OptionDefinition = {
  name: "help",
  type: "boolean",
  short: "h",
  description: "print this help and exit",
};

/** What a command accepts on its command line. */
export interface OptionSpec {
  /** The subcommand's name, for messages ("replay does not take --seed"). */
  readonly command: string;
  readonly options: readonly OptionDefinition[];
  /** Whether words that are not options are accepted (FILE, DIR…). */
  readonly positionals: boolean;
  /**
   * Options the contract (README "Options") lists for this command that this version
   * does not honour yet: refused by name, so none is ever a silent no-op.
   */
  readonly notYetHonoured?: readonly string[];
}

export interface ParsedOptions {
  readonly positionals: readonly string[];
  /** A string option's value: from the command line, else its env var, else its default. */
  text(name: string): string | undefined;
  /** A boolean option: true when given. */
  flag(name: string): boolean;
}

/** Parses argv against spec; every way the command line can be wrong is a ConfigError. */
export function parseOptions(
  spec: OptionSpec,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = {},
): ParsedOptions {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const { name, type, short } of spec.options)
    options[name] = short === undefined ? { type } : { type, short };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: spec.positionals,
    });
  } catch (error) {
    throw refusal(spec, error as Error & { code?: string });
  }
  const { values, positionals } = parsed;
  const definition = (name: string, type: OptionDefinition["type"]): OptionDefinition => {
    const found = spec.options.find((option) => option.name === name);
    // A typo in our own code, not in the user's command line.
    if (found?.type !== type)
      throw new Error(`${spec.command} defines no ${type} option --${name}`);
    return found;
  };
  return {
    positionals,
    text(name) {
      const { env: variable, default: fallback } = definition(name, "string");
      const given = values[name];
      if (typeof given === "string") return given;
      const fromEnv = variable === undefined ? undefined : env[variable];
      return fromEnv !== undefined && fromEnv !== "" ? fromEnv : fallback;
    },
    flag(name) {
      definition(name, "boolean");
      return values[name] === true;
    },
  };
}

function refusal(spec: OptionSpec, error: Error & { code?: string }): ConfigError {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (error.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || unknown === undefined)
    return new ConfigError(firstLine(error.message));
  const help = `see \`sync-map-conformance ${spec.command} --help\``;
  if (spec.notYetHonoured?.includes(unknown.replace(/^--/, "")) === true) {
    return new ConfigError(
      `${unknown} is not honoured yet by this version of ${spec.command}; ${help}`,
      "SMC_ERR_UNKNOWN_OPTION",
    );
  }
  return new ConfigError(
    `${spec.command} does not take ${unknown}; ${help}`,
    "SMC_ERR_UNKNOWN_OPTION",
  );
}

/** The options that a list of definitions names, picked in the given order (for shared sets). */
export function pickOptions(
  from: readonly OptionDefinition[],
  names: readonly string[],
): OptionDefinition[] {
  return names.map((name) => {
    const found = from.find((option) => option.name === name);
    if (found === undefined) throw new Error(`no option --${name} to pick`);
    return found;
  });
}

export const HELP_WIDTH = 80;
const DESCRIPTION_COLUMN = 24;

/** Help lines for definitions: "  --name VALUE   description (env X) (default: Y)", wrapped. */
export function renderOptions(definitions: readonly OptionDefinition[]): string {
  const lines: string[] = [];
  for (const option of definitions) {
    const short = option.short === undefined ? "" : `, -${option.short}`;
    const value = option.type === "string" ? ` ${option.valueName ?? "VALUE"}` : "";
    const head = `  --${option.name}${short}${value}`;
    const notes = [
      option.env === undefined ? "" : ` (env ${option.env})`,
      option.default === undefined ? "" : ` (default: ${option.default})`,
    ].join("");
    const words = wrap(`${option.description}${notes}`, HELP_WIDTH - DESCRIPTION_COLUMN);
    const indent = " ".repeat(DESCRIPTION_COLUMN);
    if (head.length + 2 <= DESCRIPTION_COLUMN) {
      lines.push(
        `${head.padEnd(DESCRIPTION_COLUMN)}${words[0] ?? ""}`,
        ...words.slice(1).map((line) => indent + line),
      );
    } else {
      lines.push(head, ...words.map((line) => indent + line));
    }
  }
  return lines.join("\n");
}

/** Words of text in lines of at most width characters (a longer word gets its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
