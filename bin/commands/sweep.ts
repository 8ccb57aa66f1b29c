// `sync-map-conformance sweep --report-dir DIR`: removes what an earlier run left on the
// target (interrupted, crashed, or refused a delete), from the run's journal and its run
// prefix, and says what is still there.
import { TARGET_OPTIONS } from "../../src/config/cli-options.ts";
import { HELP_OPTION, parseOptions, type OptionSpec } from "../../src/config/options.ts";
import { ConfigError } from "../../src/errors.ts";
import { commandUsage, print } from "../help.ts";

export const name = "sweep";
export const synopsis = "sweep [--report-dir DIR] [options]";
export const summary = "remove what an earlier run left on the target";

export const options: OptionSpec = {
  command: "sweep",
  options: [
    {
      name: "report-dir",
      type: "string",
      valueName: "DIR",
      description: "the report directory of the run to clean up after (its journal*.jsonl)",
      default: "reports",
    },
    ...TARGET_OPTIONS.map((option) =>
      option.name === "base-url"
        ? { ...option, description: "the target; default: the one the journal names" }
        : option,
    ),
    HELP_OPTION,
  ],
  positionals: false,
};

export const usage = commandUsage({
  synopsis,
  summary:
    "Reads the journal a run keeps in its report directory (every map is written down " +
    "before it is created) and deletes every map it names that was never deleted, and " +
    "every map named with the run's prefix. A map created without a name whose answer " +
    "never arrived is found by listing: an unnamed map the target created while that " +
    "request was in flight. The auth token comes from --auth-token or TWILIO_AUTH_TOKEN " +
    "(journals never hold it); the rest defaults to what the journal names.",
  options,
  notes: [
    "Exit status: 0 nothing the runs made is left; 1 something is still there (each is " +
      "listed with its url and the date_expires that will remove it); 2 an option is " +
      "wrong or the target cannot be reached.",
  ],
});

export interface SweepArgs {
  readonly help: boolean;
  readonly reportDir: string;
  readonly text: (name: string) => string | undefined;
}

export function parse(argv: readonly string[], env: NodeJS.ProcessEnv): SweepArgs {
  const parsed = parseOptions(options, argv, env);
  return {
    help: parsed.flag("help"),
    reportDir: parsed.text("report-dir") as string,
    text: parsed.text,
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parse(argv, process.env);
  if (args.help) return print(usage);
  const { sweepReportDir } = await import("../../src/run/sweep-report-dir.ts");
  const token = args.text("auth-token");
  if (token === undefined) {
    throw new ConfigError("sweep needs the auth token: --auth-token or TWILIO_AUTH_TOKEN");
  }
  const timeout = Number(args.text("request-timeout"));
  const results = await sweepReportDir(args.reportDir, {
    authToken: token,
    requestTimeoutMs: Number.isInteger(timeout) && timeout >= 100 ? timeout : 10_000,
    baseUrl: args.text("base-url"),
    accountSid: args.text("account-sid"),
    serviceSid: args.text("service-sid"),
  });
  for (const line of results.lines) process.stdout.write(`${line}\n`);
  return results.leaks > 0 ? 1 : 0;
}
