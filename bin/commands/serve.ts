// `sync-map-conformance serve`: the embedded reference server as a stateful mock, with
// one planted fault if asked. Prints its URL and credentials as one JSON line on stdout.
import { ConfigError, HarnessError } from "../../src/errors.ts";
import { HELP_OPTION, parseOptions, type OptionSpec } from "../../src/config/options.ts";
import type { NetworkConditions } from "../../fixtures/reference/conditions.ts";
import { commandUsage, print } from "../help.ts";

export const name = "serve";
export const synopsis = "serve [options]";
export const summary = "the reference server as a stateful mock";

export const options: OptionSpec = {
  command: "serve",
  options: [
    {
      name: "host",
      type: "string",
      valueName: "H",
      description: "address to listen on",
      default: "127.0.0.1",
    },
    {
      name: "port",
      type: "string",
      valueName: "P",
      description: "port to listen on; 0 picks a free one",
      default: "4010",
    },
    {
      name: "account-sid",
      type: "string",
      valueName: "AC…",
      description: "the HTTP Basic user it accepts (default: random)",
    },
    {
      name: "auth-token",
      type: "string",
      valueName: "TOKEN",
      description: "the HTTP Basic password it accepts (default: random)",
    },
    {
      name: "service-sid",
      type: "string",
      valueName: "IS…",
      description: "the Sync Service it holds (default: random)",
    },
    {
      name: "fault",
      type: "string",
      valueName: "ID",
      description: "plant one known fault, to see the suite catch it (ids: --list-faults)",
    },
    {
      name: "latency",
      type: "string",
      valueName: "MS",
      description: "answer every request MS milliseconds late, as a distant service does",
    },
    {
      name: "rate-limit",
      type: "string",
      valueName: "N",
      description:
        "take at most N requests a second; the rest are refused unprocessed with 429, " +
        "code 20429 and no Retry-After",
    },
    {
      name: "clock-skew",
      type: "string",
      valueName: "S",
      description:
        "run the server's clock S seconds ahead (negative, as --clock-skew=-S: behind): " +
        "the dates in bodies and the Date header",
    },
    {
      name: "echo-credentials",
      type: "boolean",
      description:
        "play a careless target: repeat the credentials of every request in a header and " +
        "in every error body (to prove no secret reaches the suite's reports)",
    },
    {
      name: "list-faults",
      type: "boolean",
      description: "print the ids --fault takes, one a line, and exit",
    },
    HELP_OPTION,
  ],
  positionals: false,
};

export const usage = commandUsage({
  synopsis,
  summary:
    "Runs the embedded reference server until Ctrl-C. It prints its URL and credentials " +
    'as one JSON line on stdout: {"url", "accountSid", "authToken", "serviceSid"}, plus ' +
    '"fault" when one is planted.',
  options,
});

export interface ServeArgs {
  readonly help: boolean;
  readonly listFaults: boolean;
  readonly host: string;
  readonly port: number;
  readonly accountSid: string | undefined;
  readonly authToken: string | undefined;
  readonly serviceSid: string | undefined;
  readonly faultId: string | undefined;
  readonly conditions: NetworkConditions;
  readonly echoCredentials: boolean;
}

export function parse(argv: readonly string[]): ServeArgs {
  const parsed = parseOptions(options, argv);
  const portText = parsed.text("port") as string;
  if (!/^\d+$/.test(portText) || Number(portText) > 65_535) {
    throw new ConfigError(`--port must be 0..65535, got "${portText}"`);
  }
  return {
    help: parsed.flag("help"),
    listFaults: parsed.flag("list-faults"),
    host: parsed.text("host") as string,
    port: Number(portText),
    accountSid: parsed.text("account-sid"),
    authToken: parsed.text("auth-token"),
    serviceSid: parsed.text("service-sid"),
    faultId: parsed.text("fault"),
    conditions: {
      ...optional("latencyMs", wholeNumber("--latency", parsed.text("latency"), 0, 60_000)),
      ...optional("rateLimit", wholeNumber("--rate-limit", parsed.text("rate-limit"), 1, 1e6)),
      ...optional(
        "clockSkewSeconds",
        wholeNumber("--clock-skew", parsed.text("clock-skew"), -31_536_000, 31_536_000),
      ),
    },
    echoCredentials: parsed.flag("echo-credentials"),
  };
}

/** A whole number in [min, max] (a leading "-" where min allows it), or undefined when absent. */
function wholeNumber(
  option: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new ConfigError(`${option} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) return print(usage);
  const { faultById, faultIds } = await import("../../fixtures/faults/index.ts");
  if (args.listFaults) return print(faultIds().join("\n"));
  const fault = args.faultId === undefined ? undefined : faultById(args.faultId);
  if (args.faultId !== undefined && fault === undefined) {
    throw new ConfigError(
      `unknown --fault "${args.faultId}"; ` +
        "`sync-map-conformance serve --list-faults` lists the ids",
    );
  }
  const { startReferenceServer } = await import("../../fixtures/reference/index.ts");
  let server: Awaited<ReturnType<typeof startReferenceServer>>;
  try {
    server = await startReferenceServer({
      host: args.host,
      port: args.port,
      ...optional("accountSid", args.accountSid),
      ...optional("authToken", args.authToken),
      ...optional("serviceSid", args.serviceSid),
      ...optional("fault", fault),
      conditions: args.conditions,
      echoCredentials: args.echoCredentials,
    });
  } catch (error) {
    throw new HarnessError(
      "SMC_ERR_INTERNAL",
      `cannot start the server: ${(error as Error).message}`,
    );
  }
  const { url, accountSid, authToken, serviceSid } = server;
  const planted = args.faultId === undefined ? {} : { fault: args.faultId };
  process.stdout.write(
    `${JSON.stringify({ url, accountSid, authToken, serviceSid, ...planted })}\n`,
  );
  await new Promise<void>((resolveStop) => {
    process.once("SIGINT", resolveStop);
    process.once("SIGTERM", resolveStop);
  });
  await server.close();
  return 0;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
