// Help text from option definitions: every subcommand's --help, and the global one,
// are rendered here from the same OptionSpec its parser uses.
import { HELP_WIDTH, renderOptions, wrap, type OptionSpec } from "../src/config/options.ts";

export const PROGRAM = "sync-map-conformance";

/** What each subcommand module exports, so the dispatcher and the tests treat them alike. */
export interface Command {
  readonly name: string;
  /** One line for the global help. */
  readonly summary: string;
  /** The command line after the program name, e.g. "replay FILE [options]". */
  readonly synopsis: string;
  readonly options: OptionSpec;
  /** The whole `--help` text. */
  readonly usage: string;
  /** Parses the command line as main does (the tests probe it); throws ConfigError. */
  parse(argv: readonly string[], env: NodeJS.ProcessEnv): unknown;
  main(argv: readonly string[]): Promise<number>;
}

export interface UsageParts {
  readonly synopsis: string;
  readonly summary: string;
  readonly options: OptionSpec;
  /** Paragraphs after the options: what the output is, the exit status. */
  readonly notes?: readonly string[];
}

export function commandUsage({ synopsis, summary, options, notes = [] }: UsageParts): string {
  return [
    `Usage: ${PROGRAM} ${synopsis}`,
    "",
    paragraph(summary),
    "",
    "Options:",
    renderOptions(options.options),
    ...notes.flatMap((note) => ["", paragraph(note)]),
  ].join("\n");
}

/** Prose wrapped to the help width. */
export function paragraph(text: string): string {
  return wrap(text, HELP_WIDTH).join("\n");
}

export function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
