// The options of the commands whose command line is parsed below bin/ — run
// (parseRunArgs, here), replay (src/run/replay.ts) and merge (reporters/merge.ts) — in the
// one definition format (options.ts): those parsers read them and `--help` prints them.
// They live in this room because every room may import it; bin/commands/ re-exports
// them, and defines the options of serve, compare and report, which only bin parses.
import { HELP_OPTION, type OptionDefinition, type OptionSpec } from "./options.ts";

/** Keeps a default embedded run well under a minute; nightly jobs pass --runs 500. */
export const DEFAULT_RUNS = 25;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/**
 * Requests in flight at once when --concurrency is not given: a loopback target (the
 * embedded server, a local mock) takes many; a remote service is an account's shared
 * resource, so the suite stays modest there.
 */
export const DEFAULT_CONCURRENCY = { loopback: 32, remote: 16 } as const;

/**
 * Clients racing in a concurrent behaviour (CONC-*, SEQ-CONCURRENT) when --concurrency is not
 * given: enough for a check-then-write window to show; never more than a worker's share.
 */
export const DEFAULT_CLIENTS = 8;

/**
 * Generated fuzz cases per operation (FUZZ-*), on top of the enumerated boundary and
 * syntax cases: the whole phase adds a few seconds to a default embedded run; nightly
 * jobs pass 20 times as many.
 */
export const DEFAULT_FUZZ_RUNS = 10;

/** Where the run goes and who it is: shared by run and replay, meaning the same in both. */
export const TARGET_OPTIONS: readonly OptionDefinition[] = [
  {
    name: "base-url",
    type: "string",
    valueName: "URL",
    description:
      "the target; absent: start the embedded reference server on 127.0.0.1 " +
      "(random port, random credentials) and test it",
  },
  {
    name: "account-sid",
    type: "string",
    valueName: "AC…",
    env: "TWILIO_ACCOUNT_SID",
    description: "HTTP Basic user; required with --base-url",
  },
  {
    name: "auth-token",
    type: "string",
    valueName: "TOKEN",
    env: "TWILIO_AUTH_TOKEN",
    description: "HTTP Basic password; required with --base-url, never written to a report",
  },
  {
    name: "service-sid",
    type: "string",
    valueName: "IS…",
    env: "SYNC_SERVICE_SID",
    description: "the Sync Service under test; required with --base-url",
  },
  {
    name: "request-timeout",
    type: "string",
    valueName: "MS",
    description: "per-request timeout in milliseconds (100..600000)",
    default: String(DEFAULT_REQUEST_TIMEOUT_MS),
  },
];

export const RUN_OPTIONS: readonly OptionDefinition[] = [
  ...TARGET_OPTIONS,
  {
    name: "profile",
    type: "string",
    valueName: "full|mock",
    description:
      "full: every behaviour; mock: what a stateless mock can honour (schemas, status " +
      "codes, shapes), the other behaviours skipped with the reason",
    default: "full",
  },
  {
    name: "spec",
    type: "string",
    valueName: "FILE",
    description:
      "OpenAPI 3.0 document to derive schema checks from (default: the project's " +
      "spec/sync-map.openapi.yaml); what it lacks is skipped and listed",
  },
  {
    name: "seed",
    type: "string",
    valueName: "N",
    description:
      "seed for generated inputs and sequences; the same seed generates them again " +
      "(default: random)",
  },
  {
    name: "runs",
    type: "string",
    valueName: "N",
    description: "generated sequences per model-based (SEQ-*) behaviour; nightly jobs use 500",
    default: String(DEFAULT_RUNS),
  },
  {
    name: "fuzz-runs",
    type: "string",
    valueName: "N",
    description:
      "generated valid and invalid requests per operation in the schema-derived fuzz " +
      "phase (FUZZ-*), beside its fixed boundary and syntax cases; nightly jobs use 200",
    default: String(DEFAULT_FUZZ_RUNS),
  },
  {
    name: "report-dir",
    type: "string",
    valueName: "DIR",
    description: "where summary.json, report.md, report.html, junit.xml and allure-results/ go",
    default: "reports",
  },
  {
    name: "concurrency",
    type: "string",
    valueName: "N",
    description:
      "requests in flight at once (1..256); behaviours run side by side up to that many. " +
      `Default: ${DEFAULT_CONCURRENCY.loopback} against a loopback target, ` +
      `${DEFAULT_CONCURRENCY.remote} elsewhere`,
  },
  {
    name: "max-rps",
    type: "string",
    valueName: "N",
    description:
      "at most N requests a second for the whole run (default: no cap beyond keeping " +
      "every map under the documented 20 reads and 20 writes a second)",
  },
  { name: "strict", type: "boolean", description: "a failed SHOULD behaviour fails the run too" },
  {
    name: "baseline",
    type: "string",
    valueName: "FILE",
    description: "an earlier summary.json: mark regressions and fixes",
  },
  {
    name: "exit-on-regressions",
    type: "boolean",
    description: "with --baseline: exit 1 only for regressions",
  },
  {
    name: "waivers",
    type: "string",
    valueName: "FILE",
    description:
      "known deviations (YAML or JSON: id, reason, expires YYYY-MM-DD); a waived failure " +
      "does not fail the run, an expired waiver does",
  },
  {
    name: "shard",
    type: "string",
    valueName: "I/N",
    description:
      "run only the I-th of N slices of the suite (by test file); summary.json lists that " +
      "slice's behaviours. Give every shard the same --seed, then join the report " +
      "directories with `sync-map-conformance merge`",
  },
  HELP_OPTION,
];

export const RUN_OPTION_SPEC: OptionSpec = {
  command: "run",
  options: RUN_OPTIONS,
  positionals: false,
};

/** Only what replay honours: anything else (--seed, --report-dir…) is refused, not ignored. */
export const REPLAY_OPTION_SPEC: OptionSpec = {
  command: "replay",
  options: [...TARGET_OPTIONS, HELP_OPTION],
  positionals: true,
};

export const MERGE_OPTION_SPEC: OptionSpec = {
  command: "merge",
  options: [
    {
      name: "report-dir",
      type: "string",
      valueName: "OUT",
      description:
        "where the merged summary.json, reports, junit.xml and allure-results/ go " +
        "(not one of the shards' directories)",
      default: "reports",
    },
    {
      name: "strict",
      type: "boolean",
      description: "a failed SHOULD behaviour fails the merge too",
    },
    HELP_OPTION,
  ],
  positionals: true,
};
