// Options and environment → one frozen Config. This room imports nothing of ours but
// the leaf src/errors.ts (which imports nothing), so every room can depend on it.
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { ConfigError } from "../errors.ts";
import { parseOptions } from "./options.ts";
import { DEFAULT_CLIENTS, DEFAULT_CONCURRENCY, RUN_OPTION_SPEC } from "./cli-options.ts";

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
  /** Generated cases per operation in the fuzz phase (--fuzz-runs). */
  readonly fuzzRuns: number;
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
  /** Requests in flight at once (--concurrency); absent = derived from the target. */
  readonly concurrency: number | undefined;
  /** Requests a second for the whole run (--max-rps); absent = no cap of the run's own. */
  readonly maxRps: number | undefined;
}

export interface Shard {
  /** 1-based, at most count. */
  readonly index: number;
  readonly count: number;
}

export { DEFAULT_CLIENTS, DEFAULT_FUZZ_RUNS, DEFAULT_RUNS } from "./cli-options.ts";

/** --concurrency, or the default for where the target is (loopback or not). */
export function concurrencyFor(config: Pick<Config, "concurrency" | "baseUrl">): number {
  if (config.concurrency !== undefined) return config.concurrency;
  return isLoopback(config.baseUrl) ? DEFAULT_CONCURRENCY.loopback : DEFAULT_CONCURRENCY.remote;
}

/**
 * Clients a concurrent behaviour races with: --concurrency is the bound, split between the
 * workers (a worker's budget holds the rest back, which would spread a burst out); without
 * it, DEFAULT_CLIENTS or that share, whichever is smaller. Never fewer than two: a race
 * needs two.
 */
export function clientsFor(
  config: Pick<Config, "concurrency" | "baseUrl">,
  workers: number,
): number {
  const share = Math.ceil(concurrencyFor(config) / Math.max(1, workers));
  const wanted = config.concurrency === undefined ? Math.min(DEFAULT_CLIENTS, share) : share;
  return Math.max(2, wanted);
}

/** 127.0.0.0/8, ::1 and localhost: the network cannot be the bottleneck there. */
export function isLoopback(baseUrl: string | undefined): boolean {
  if (baseUrl === undefined) return true;
  let host: string;
  try {
    host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
/** A bad option or value: the CLI turns it into exit 2 with its one-line message. */
export { ConfigError };

export interface ParsedRunArgs {
  readonly config: Config;
  readonly help: boolean;
}

/** `run`'s command line (RUN_OPTIONS) and environment → a frozen Config, checked. */
export function parseRunArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedRunArgs {
  const options = parseOptions(RUN_OPTION_SPEC, argv, env);
  const text = (name: string): string | undefined => options.text(name);

  const baseUrl = text("base-url");
  if (baseUrl !== undefined) assertHttpUrl(baseUrl);
  const profile = text("profile");
  if (profile !== "full" && profile !== "mock")
    throw new ConfigError(`--profile must be "full" or "mock", got "${profile}"`);
  const specFile = text("spec");
  if (specFile === "") throw new ConfigError("--spec needs a file name");

  const seed = parseInteger("--seed", text("seed"), 0, 2 ** 31 - 1) ?? randomSeed();
  // Both have a default in RUN_OPTIONS, so they are never undefined here.
  const requestTimeoutMs = parseInteger(
    "--request-timeout",
    text("request-timeout"),
    100,
    600_000,
  ) as number;
  const runs = parseInteger("--runs", text("runs"), 1, 100_000) as number;
  const concurrency = parseInteger("--concurrency", text("concurrency"), 1, 256);
  const maxRps = parseInteger("--max-rps", text("max-rps"), 1, 100_000);
  const fuzzRuns = parseInteger("--fuzz-runs", text("fuzz-runs"), 0, 100_000) as number;

  const accountSid = text("account-sid") ?? "";
  const authToken = text("auth-token") ?? "";
  const serviceSid = text("service-sid") ?? "";
  if (baseUrl !== undefined) {
    if (accountSid === "")
      throw new ConfigError("--account-sid (or TWILIO_ACCOUNT_SID) is required with --base-url");
    if (authToken === "")
      throw new ConfigError("--auth-token (or TWILIO_AUTH_TOKEN) is required with --base-url");
    if (serviceSid === "")
      throw new ConfigError("--service-sid (or SYNC_SERVICE_SID) is required with --base-url");
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
    fuzzRuns,
    reportDir: text("report-dir") as string,
    runPrefix: `smc-${seed.toString(36)}-${randomBytes(3).toString("hex")}-`,
    requestTimeoutMs,
    strict: options.flag("strict"),
    baselineFile: text("baseline"),
    waiversFile: text("waivers"),
    exitOnRegressions: options.flag("exit-on-regressions"),
    shard: parseShard(text("shard")),
    concurrency,
    maxRps,
  });
  if (config.exitOnRegressions && config.baselineFile === undefined)
    throw new ConfigError("--exit-on-regressions needs --baseline FILE");
  return { config, help: options.flag("help") };
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
  if (match === null)
    throw new ConfigError(`--shard must look like I/N (e.g. 2/3), got "${value}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new ConfigError(`--shard ${value}: N must be at least 1`);
  if (index < 1 || index > count)
    throw new ConfigError(`--shard ${value}: I must be between 1 and ${count}`);
  return { index, count };
}

function parseInteger(
  option: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new ConfigError(`${option} must be a whole number, got "${value}"`);
  const parsed = Number(value);
  if (parsed < min || parsed > max)
    throw new ConfigError(`${option} must be between ${min} and ${max}, got ${parsed}`);
  return parsed;
}

function randomSeed(): number {
  return randomBytes(4).readUInt32BE() & 0x7fffffff;
}
