// `sync-map-conformance compare BEFORE.json AFTER.json`: what regressed and what got fixed
// between two runs' summaries.
import { ConfigError } from "../../src/errors.ts";
import { HELP_OPTION, parseOptions, type OptionSpec } from "../../src/config/options.ts";
import { commandUsage, print } from "../help.ts";

export const name = "compare";
export const synopsis = "compare BEFORE.json AFTER.json [options]";
export const summary = "what regressed, what got fixed";

export const options: OptionSpec = {
  command: "compare",
  options: [
    {
      name: "strict",
      type: "boolean",
      description: "a new failure of a SHOULD behaviour (warned) counts as a regression too",
    },
    HELP_OPTION,
  ],
  positionals: true,
};

export const usage = commandUsage({
  synopsis,
  summary:
    "Lists the behaviours that regressed, got fixed or changed between two summary.json files.",
  options,
  notes: ["Exit status: 1 when something regressed; 0 otherwise; 2 when a file is not a summary."],
});

export interface CompareArgs {
  readonly help: boolean;
  readonly before: string;
  readonly after: string;
  readonly strict: boolean;
}

export function parse(argv: readonly string[]): CompareArgs {
  const parsed = parseOptions(options, argv);
  const help = parsed.flag("help");
  const [before, after, ...more] = parsed.positionals;
  if (!help && (before === undefined || after === undefined || more.length > 0)) {
    throw new ConfigError("compare needs two files: compare BEFORE.json AFTER.json");
  }
  return { help, before: before ?? "", after: after ?? "", strict: parsed.flag("strict") };
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) return print(usage);
  const { compareSummaries, exitCodeOnlyRegressions, formatDiff, readSummaryFile } =
    await import("../../reporters/baseline.ts");
  const diff = compareSummaries(readSummaryFile(args.before), readSummaryFile(args.after));
  process.stdout.write(`${args.before} → ${args.after}\n${formatDiff(diff)}\n`);
  return exitCodeOnlyRegressions(diff, args.strict);
}
