// Options and environment → one frozen Config. This room imports nothing of ours,
// so every other room can depend on it without cycles.
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";

export type Profile = "full" | "mock";

export interface Credentials {
  readonly accountSid: string;
  readonly authToken: string;
  readonly serviceSid: string;
}

export interface Config extends Credentials {
  /** Absent = the CLI starts the embedded reference server and fills this in. */
  readonly baseUrl: string | undefined;
  readonly embedded: boolean;
  readonly profile: Profile;
  /** The OpenAPI document schema checks come from (--spec); absent = the project's own. */
  readonly specFile: string | undefined;
  readonly seed: number;
  /** Generated command sequences per model-based behaviour (--runs). */
  readonly runs: number;
  readonly reportDir: string;
  /** Every name the run gives a resource starts with this, so cleanup can find them. */
  readonly runPrefix: string;
  readonly requestTimeoutMs: number;
  readonly strict: boolean;
  /** An earlier summary.json to diff against (--baseline). */
  readonly baselineFile: string | undefined;
  /** Known deviations: behaviour id, reason, expiry (--waivers). */
  readonly waiversFile: string | undefined;
  /** The exit status follows regressions against the baseline only (--exit-on-regressions). */
  readonly exitOnRegressions: boolean;
  /** --shard I/N: this run proves only the I-th of N slices of the suite's test files. */
  readonly shard: Shard | undefined;
}

export interface Shard {
  /** 1-based, at most count. */
  readonly index: number;
  readonly count: number;
}

/** A bad option or value: the CLI turns it into exit 2 with this one-line message. */
export class ConfigError extends Error {
  readonly code = "SMC_ERR_CONFIG";
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const RUN_OPTIONS = {
  "base-url": { type: "string" },
  "account-sid": { type: "string" },
  "auth-token": { type: "string" },
  "service-sid": { type: "string" },
  profile: { type: "string" },
  spec: { type: "string" },
  seed: { type: "string" },
  runs: { type: "string" },
  "report-dir": { type: "string" },
  baseline: { type: "string" },
  waivers: { type: "string" },
  "request-timeout": { type: "string" },
  strict: { type: "boolean" },
  "exit-on-regressions": { type: "boolean" },
  shard: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Keeps a default embedded run well under a minute; nightly jobs pass --runs 500. */
export const DEFAULT_RUNS = 25;

export interface ParsedRunArgs {
  readonly config: Config;
  readonly help: boolean;
}

export function parseRunArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedRunArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: RUN_OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError(firstLine((error as Error).message));
  }
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };

  const baseUrl = text("base-url");
  if (baseUrl !== undefined) assertHttpUrl(baseUrl);
  const profile = text("profile") ?? "full";
  if (profile !== "full" && profile !== "mock") throw new ConfigError(`--profile must be "full" or "mock", got "${profile}"`);
  const specFile = text("spec");
  if (specFile === "") throw new ConfigError("--spec needs a file name");

  const seed = parseInteger("--seed", text("seed"), 0, 2 ** 31 - 1) ?? randomSeed();
  const requestTimeoutMs = parseInteger("--request-timeout", text("request-timeout"), 100, 600_000) ?? 10_000;
  const runs = parseInteger("--runs", text("runs"), 1, 100_000) ?? DEFAULT_RUNS;

  const accountSid = text("account-sid") ?? env.TWILIO_ACCOUNT_SID ?? "";
  const authToken = text("auth-token") ?? env.TWILIO_AUTH_TOKEN ?? "";
  const serviceSid = text("service-sid") ?? env.SYNC_SERVICE_SID ?? "";
  if (baseUrl !== undefined) {
    if (accountSid === "") throw new ConfigError("--account-sid (or TWILIO_ACCOUNT_SID) is required with --base-url");
    if (authToken === "") throw new ConfigError("--auth-token (or TWILIO_AUTH_TOKEN) is required with --base-url");
    if (serviceSid === "") throw new ConfigError("--service-sid (or SYNC_SERVICE_SID) is required with --base-url");
  }

  const config: Config = Object.freeze({
    baseUrl: baseUrl?.replace(/\/+$/, ""),
    embedded: baseUrl === undefined,
    accountSid,
    authToken,
    serviceSid,
    profile,
    specFile: specFile === undefined ? undefined : resolve(specFile),
    seed,
    runs,
    reportDir: text("report-dir") ?? "reports",
    runPrefix: `smc-${seed.toString(36)}-${randomBytes(3).toString("hex")}-`,
    requestTimeoutMs,
    strict: values.strict === true,
    baselineFile: text("baseline"),
    waiversFile: text("waivers"),
    exitOnRegressions: values["exit-on-regressions"] === true,
    shard: parseShard(text("shard")),
  });
  if (config.exitOnRegressions && config.baselineFile === undefined) throw new ConfigError("--exit-on-regressions needs --baseline FILE");
  return { config, help: values.help === true };
}

/** The embedded server's address and credentials replace the empty target fields. */
export function withTarget(config: Config, baseUrl: string, credentials: Credentials): Config {
  return Object.freeze({ ...config, baseUrl, ...credentials });
}

function assertHttpUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`--base-url is not a URL: "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`--base-url must be http or https, got "${url.protocol}"`);
  }
}

/** "I/N" with 1 ≤ I ≤ N, checked here because vitest reads it loosely ("-1/2" runs shard 1). */
function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value);
  if (match === null) throw new ConfigError(`--shard must look like I/N (e.g. 2/3), got "${value}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new ConfigError(`--shard ${value}: N must be at least 1`);
  if (index < 1 || index > count) throw new ConfigError(`--shard ${value}: I must be between 1 and ${count}`);
  return { index, count };
}

function parseInteger(option: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new ConfigError(`${option} must be a whole number, got "${value}"`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) throw new ConfigError(`${option} must be between ${min} and ${max}, got ${parsed}`);
  return parsed;
}

function randomSeed(): number {
  return randomBytes(4).readUInt32BE() & 0x7fffffff;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
