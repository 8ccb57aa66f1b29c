// `sync-map-conformance [run] [options]`: the suite against a target (the default command).
import { parseRunArgs } from "../../src/config/config.ts";
import { RUN_OPTION_SPEC } from "../../src/config/cli-options.ts";
import { commandUsage, print } from "../help.ts";

export const name = "run";
export const synopsis = "[run] [options]";
export const summary = "run the suite (the default command)";
export const options = RUN_OPTION_SPEC;

export const EXIT_STATUS =
  "Exit status: 0 every MUST behaviour passed (waived ones aside); 1 a MUST behaviour " +
  "failed; 2 the run could not be made (bad option, unreachable target, rejected " +
  "credentials), with a one-line reason on stderr.";

export const usage = commandUsage({
  synopsis,
  summary:
    "Proves every behaviour of the catalogue against the target and writes summary.json, " +
    "report.md, report.html, junit.xml and allure-results/ into the report directory.",
  options,
  notes: [EXIT_STATUS],
});

export const parse = parseRunArgs;

export async function main(argv: readonly string[]): Promise<number> {
  const { config, help } = parseRunArgs(argv, process.env);
  if (help) return print(usage);
  // The run's modules (vitest among them) load only now, so --help stays quick.
  const { runSuite } = await import("../run/suite.ts");
  return runSuite(config);
}
