import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import {
  ConfigError,
  DEFAULT_FUZZ_RUNS,
  concurrencyFor,
  parseRunArgs,
} from "../src/config/config.ts";
import { DEFAULT_CONCURRENCY } from "../src/config/cli-options.ts";
import { parseOptions, renderOptions, type OptionSpec } from "../src/config/options.ts";

const target = [
  "--base-url",
  "http://127.0.0.1:4010",
  "--account-sid",
  `AC${"0".repeat(32)}`,
  "--auth-token",
  "t",
  "--service-sid",
  `IS${"0".repeat(32)}`,
];

describe("parseRunArgs", () => {
  it("without --base-url asks for the embedded server", () => {
    const { config } = parseRunArgs([], {});
    expect(config.embedded).toBe(true);
    expect(config.baseUrl).toBeUndefined();
    expect(config.reportDir).toBe("reports");
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads the fuzz budget, 0 for boundary and syntax cases only, the default otherwise", () => {
    expect(parseRunArgs(["--fuzz-runs", "200"], {}).config.fuzzRuns).toBe(200);
    expect(parseRunArgs(["--fuzz-runs", "0"], {}).config.fuzzRuns).toBe(0);
    expect(parseRunArgs([], {}).config.fuzzRuns).toBe(DEFAULT_FUZZ_RUNS);
  });

  it("takes credentials from the environment when options are absent", () => {
    const { config } = parseRunArgs(["--base-url", "http://h:1/"], {
      TWILIO_ACCOUNT_SID: "ACx",
      TWILIO_AUTH_TOKEN: "tok",
      SYNC_SERVICE_SID: "ISx",
    });
    expect(config).toMatchObject({
      baseUrl: "http://h:1",
      accountSid: "ACx",
      authToken: "tok",
      serviceSid: "ISx",
      embedded: false,
    });
  });

  it("derives the run prefix from the seed", () => {
    const { config } = parseRunArgs([...target, "--seed", "42"], {});
    expect(config.seed).toBe(42);
    expect(config.runPrefix).toMatch(/^smc-16-[0-9a-f]{6}-$/);
  });

  it("takes --profile mock and resolves --spec against the working directory", () => {
    const { config } = parseRunArgs([...target, "--profile", "mock", "--spec", "vendor.json"], {});
    expect(config.profile).toBe("mock");
    expect(config.specFile).toBe(resolve("vendor.json"));
    expect(parseRunArgs(target, {}).config).toMatchObject({ profile: "full", specFile: undefined });
  });

  it("reads --shard I/N, and leaves it undefined without the option", () => {
    expect(parseRunArgs(["--shard", "2/3"], {}).config.shard).toEqual({ index: 2, count: 3 });
    expect(parseRunArgs(["--shard", "1/1"], {}).config.shard).toEqual({ index: 1, count: 1 });
    expect(parseRunArgs([], {}).config.shard).toBeUndefined();
  });

  it.each([
    [["--shard", "0/2"], /between 1 and 2/],
    [["--shard", "3/2"], /between 1 and 2/],
    [["--shard", "1/0"], /N must be at least 1/],
    [["--shard=-1/2"], /I\/N/],
    [["--shard", "1.5/2"], /I\/N/],
    [["--shard", "2"], /I\/N/],
  ])("refuses --shard %j with a one-line reason", (argv, message) => {
    expect(() => parseRunArgs(argv, {})).toThrow(ConfigError);
    expect(() => parseRunArgs(argv, {})).toThrow(message);
  });

  it.each([
    [["--bogus"], /run does not take --bogus/],
    [["--concurrency", "0"], /--concurrency must be between 1 and 256/],
    [["--concurrency", "many"], /--concurrency must be a whole number/],
    [["--max-rps", "0"], /--max-rps must be between 1/],
    [["--base-url", "not a url"], /not a URL/],
    [["--base-url", "ftp://h"], /http or https/],
    [["--base-url", "http://h"], /--account-sid/],
    [["--seed", "-1"], /--seed/],
    [["--profile", "lite"], /--profile/],
    [["--runs", "0"], /--runs/],
    [["--fuzz-runs", "ten"], /--fuzz-runs must be a whole number/],
    [["--exit-on-regressions"], /needs --baseline/],
    [["--spec", ""], /--spec needs a file/],
  ])("refuses %j with a one-line reason", (argv, message) => {
    expect(() => parseRunArgs(argv, {})).toThrow(ConfigError);
    expect(() => parseRunArgs(argv, {})).toThrow(message);
  });
});

const spec: OptionSpec = {
  command: "demo",
  options: [
    {
      name: "token",
      type: "string",
      valueName: "T",
      env: "DEMO_TOKEN",
      description: "a token",
      default: "none",
    },
    { name: "loud", type: "boolean", short: "l", description: "say it loudly" },
  ],
  positionals: false,
};

describe("the request budget's options", () => {
  it("takes --concurrency and --max-rps as given", () => {
    const { config } = parseRunArgs(["--concurrency", "3", "--max-rps", "40"], {});
    expect(config.maxRps).toBe(40);
    expect(concurrencyFor(config)).toBe(3);
  });

  it.each([
    [undefined, DEFAULT_CONCURRENCY.loopback],
    ["http://127.0.0.1:4010", DEFAULT_CONCURRENCY.loopback],
    ["http://localhost:4010", DEFAULT_CONCURRENCY.loopback],
    ["http://[::1]:4010", DEFAULT_CONCURRENCY.loopback],
    ["https://sync.twilio.com", DEFAULT_CONCURRENCY.remote],
    ["http://10.0.0.7:4010", DEFAULT_CONCURRENCY.remote],
  ])("derives the concurrency for %s from where the target is", (baseUrl, expected) => {
    expect(concurrencyFor({ baseUrl, concurrency: undefined })).toBe(expected);
  });
});

describe("parseOptions", () => {
  it("takes a value from the option, else its env var, else its default", () => {
    expect(parseOptions(spec, ["--token", "a"], { DEMO_TOKEN: "b" }).text("token")).toBe("a");
    expect(parseOptions(spec, [], { DEMO_TOKEN: "b" }).text("token")).toBe("b");
    expect(parseOptions(spec, [], { DEMO_TOKEN: "" }).text("token")).toBe("none");
    expect(parseOptions(spec, ["-l"]).flag("loud")).toBe(true);
    expect(parseOptions(spec, []).flag("loud")).toBe(false);
  });

  it("refuses an option it does not define, a missing value and a positional, in one line", () => {
    for (const argv of [["--quiet"], ["--token"], ["word"], ["--loud=yes"]]) {
      expect(() => parseOptions(spec, argv), argv.join(" ")).toThrow(ConfigError);
      try {
        parseOptions(spec, argv);
      } catch (error) {
        expect((error as Error).message).not.toContain("\n");
      }
    }
  });

  it("throws on a name the definitions lack: a typo of ours, not the user's", () => {
    expect(() => parseOptions(spec, []).text("tokn")).toThrow(/defines no string option --tokn/);
    expect(() => parseOptions(spec, []).flag("token")).toThrow(/defines no boolean option --token/);
  });
});

describe("renderOptions", () => {
  it("shows each option with its value name, alias, env var and default, within 80 columns", () => {
    const text = renderOptions([
      ...spec.options,
      { name: "x", type: "string", description: "word ".repeat(40).trim() },
    ]);
    expect(text).toContain("--token T");
    expect(text).toContain("(env DEMO_TOKEN) (default: none)");
    expect(text).toContain("--loud, -l");
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(80);
  });
});
