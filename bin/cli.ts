// The composition root: the only place that sees both the oracle (src/) and the
// embedded reference server (fixtures/). Parses the command, starts what is needed,
// drives vitest through its Node API, and turns the verdict into an exit status.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createVitest, type Vitest } from "vitest/node";
import { ConfigError, parseRunArgs, withTarget, type Config } from "../src/config/config.ts";
import { HarnessError } from "../src/errors.ts";
import { loadCatalogue } from "../src/catalogue/catalogue.ts";
import { loadSpec } from "../src/spec/index.ts";
import { preflight } from "../src/run/preflight.ts";
import { parseReplayArgs, readCounterexample, replayCounterexample } from "../src/run/replay.ts";
import { sweep } from "../src/run/sweep.ts";
import type { ProvidedTarget } from "../src/vitest/target.ts";
import { BehaviourCollector } from "../reporters/collector.ts";
import { buildSummary, exitCodeOf, writeSummary, type Summary } from "../reporters/summary.ts";
import { applyBaseline, compareSummaries, exitCodeOnlyRegressions, formatDiff, readSummaryFile } from "../reporters/baseline.ts";
import { applyWaivers, waiverNotices, type WaivedSummary } from "../reporters/waive.ts";
import { writeReports } from "../reporters/html.ts";
import { loadWaivers } from "../src/config/waivers.ts";
import { startReferenceServer, type RunningServer } from "../fixtures/reference/index.ts";
import { faultById, faultIds } from "../fixtures/faults/index.ts";

const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const USAGE = `sync-map-conformance ${VERSION}: conformance suite for the Sync Map REST API

Usage:
  sync-map-conformance [run] [options]   run the suite (default command)
  sync-map-conformance serve [options]   run the reference server as a stateful mock
  sync-map-conformance replay FILE [options]
                                         run a saved counterexample once more
  sync-map-conformance report [--report-dir DIR]
                                         render DIR/allure-results as Allure HTML
                                         (DIR/allure-report, history kept)
  sync-map-conformance compare BEFORE.json AFTER.json [--strict]
                                         what regressed and what got fixed
                                         (exit 1 when something regressed)

run options:
  --base-url URL        target; absent = start the embedded reference server
  --account-sid AC…     env TWILIO_ACCOUNT_SID (HTTP Basic user)
  --auth-token TOKEN    env TWILIO_AUTH_TOKEN (HTTP Basic password)
  --service-sid IS…     env SYNC_SERVICE_SID (the Sync Service under test)
  --profile full        every behaviour (mock: not supported yet)
  --seed N              seed for generated inputs and sequences (default: random)
  --runs N              generated sequences per SEQ-* behaviour (default 25;
                        nightly: 500)
  --report-dir DIR      where reports go (default ./reports)
  --request-timeout MS  per-request timeout (default 10000)
  --strict              a failed SHOULD behaviour fails the run too
  --baseline FILE       an earlier summary.json: mark regressions and fixes
  --exit-on-regressions with --baseline: exit 1 only for regressions
  --waivers FILE        known deviations (YAML/JSON: id, reason, expires
                        YYYY-MM-DD); waived failures do not fail the run,
                        an expired waiver does

replay FILE (a <report-dir>/counterexamples/*.json of a failed SEQ-* behaviour):
  --base-url URL  --account-sid  --auth-token  --service-sid  --request-timeout
                        as for run; without --base-url, a fresh embedded server.
                        Exit 1 when the divergence happens again (REPRODUCED),
                        0 when the target agrees with the model (NOT REPRODUCED).

serve options:
  --host H (127.0.0.1)  --port P (4010; 0 = random)
  --account-sid  --auth-token  --service-sid   (default: random)

Exit status: 0 every MUST behaviour passed; 1 a MUST behaviour failed;
2 the run could not be made (bad option, unreachable target, rejected credentials).`;

export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === "--help" || first === "-h" || first === "help") return print(USAGE);
    if (first === "--version") return print(VERSION);
    if (first === "serve") return await serve(rest);
    if (first === "run") return await run(rest);
    if (first === "replay") return await replay(rest);
    if (first === "compare") return compare(rest);
    if (first === "report") return await allureReport(rest);
    if (first !== undefined && !first.startsWith("-")) throw new ConfigError(`unknown command "${first}" (use run, serve or replay)`);
    return await run(argv);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof HarnessError) {
      process.stderr.write(`sync-map-conformance: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`sync-map-conformance: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}

async function run(argv: readonly string[]): Promise<number> {
  const { config: parsed, help } = parseRunArgs(argv, process.env);
  if (help) return print(USAGE);
  const catalogue = loadCatalogue();
  const spec = await loadSpec();
  // Read these before any request: a bad file is a bad option (exit 2), not a late surprise.
  const waivers = parsed.waiversFile === undefined ? undefined : loadWaivers(parsed.waiversFile);
  const baseline = parsed.baselineFile === undefined ? undefined : readSummaryFile(parsed.baselineFile);
  const startedAt = new Date();
  let server: RunningServer | undefined;
  let config: Config = parsed;
  if (parsed.embedded) {
    server = await startReferenceServer();
    config = withTarget(parsed, server.url, server);
  }
  const reportDir = resolve(config.reportDir);
  try {
    const preflightRequests = await preflight(config);
    await prepareReportDir(reportDir);
    const collector = new BehaviourCollector({ onProgress: progressPrinter(catalogue.length) });
    const interrupted = await runVitest(config, reportDir, collector);
    const leakedSids = collector.tests.flatMap((test) => test.meta?.leakedSids ?? []);
    const swept = await sweep(config, leakedSids);
    const built = buildSummary({
      version: VERSION,
      baseUrl: config.baseUrl ?? "",
      embedded: config.embedded,
      profile: config.profile,
      seed: config.seed,
      runPrefix: config.runPrefix,
      specHash: spec.hash,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      catalogue,
      tests: collector.tests,
      extraRequests: preflightRequests + swept.requests,
      leaks: swept.leaks,
      harnessErrors: collector.unhandledErrors,
      interrupted,
    });
    const waived = waivers === undefined ? built : applyWaivers(built, waivers, new Date());
    const diff = baseline === undefined ? undefined : compareSummaries(baseline, waived);
    const summary = diff === undefined || config.baselineFile === undefined ? waived : applyBaseline(waived, diff, config.baselineFile);
    const file = writeSummary(reportDir, summary);
    writeReports(reportDir, summary);
    printVerdict(summary, file);
    if ("waivers" in summary) for (const notice of waiverNotices(summary as WaivedSummary)) process.stdout.write(`${notice}\n`);
    if (diff !== undefined) process.stdout.write(`baseline ${config.baselineFile}:\n${formatDiff(diff)}\n`);
    if (interrupted) return 130;
    if (config.exitOnRegressions && diff !== undefined) return exitCodeOnlyRegressions(diff, config.strict);
    return exitCodeOf(summary, config.strict);
  } finally {
    await server?.close();
  }
}

async function prepareReportDir(reportDir: string): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  // Stale results from an earlier run would mix into this run's Allure report.
  await rm(resolve(reportDir, "allure-results"), { recursive: true, force: true });
}

async function runVitest(config: Config, reportDir: string, collector: BehaviourCollector): Promise<boolean> {
  const target: ProvidedTarget = {
    baseUrl: config.baseUrl ?? "",
    accountSid: config.accountSid,
    authToken: config.authToken,
    serviceSid: config.serviceSid,
    runPrefix: config.runPrefix,
    seed: config.seed,
    runs: config.runs,
    reportDir,
    requestTimeoutMs: config.requestTimeoutMs,
  };
  const signalsBefore = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  const vitest: Vitest = await createVitest(
    "test",
    {
      root: PACKAGE_ROOT,
      config: false,
      watch: false,
      include: ["suites/**/*.test.ts"],
      // One worker, files in turn, modules shared: behaviours share one target and
      // list checks must not race each other; isolation would recompile the spec per file.
      fileParallelism: false,
      isolate: false,
      testTimeout: 180_000,
      hookTimeout: 60_000,
      passWithNoTests: false,
      provide: { smcTarget: target },
      reporters: [
        collector,
        ["junit", { outputFile: resolve(reportDir, "junit.xml"), suiteName: "sync-map-conformance" }],
        ["allure-vitest/reporter", { resultsDir: resolve(reportDir, "allure-results") }],
      ],
    },
    { logLevel: "silent" },
  );
  let interrupted = false;
  const onInterrupt = (): void => {
    interrupted = true;
    process.stderr.write("\ninterrupted: stopping and cleaning up what the run created…\n");
    void vitest.cancelCurrentRun("keyboard-input");
  };
  // vitest exits the process on SIGINT; ours must cancel, then sweep and report first.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalsBefore[signal].includes(listener)) process.off(signal, listener);
    }
    process.once(signal, onInterrupt);
  }
  try {
    await vitest.start();
  } finally {
    await vitest.close();
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
  }
  // vitest sets a failing exit code on failed tests; our verdict comes from the summary.
  process.exitCode = 0;
  return interrupted;
}

function progressPrinter(total: number): ((done: number, failed: number) => void) | undefined {
  // Quiet in CI logs and pipes; a single self-rewriting line on a terminal.
  if (!process.stderr.isTTY || process.env.CI !== undefined) return undefined;
  return (done, failed) => {
    process.stderr.write(`\r${done}/${total} behaviours, ${failed} failing${done === total ? "\n" : ""}`);
  };
}

function printVerdict(summary: Summary, file: string): void {
  const { totals } = summary;
  const lines = [
    `sync-map-conformance ${summary.tool.version}: ${summary.target.baseUrl}${summary.target.embedded ? " (embedded reference server)" : ""}`,
    `${totals.behaviours} behaviours: ${totals.passed} passed, ${totals.failed} failed, ${totals.warned} warned, ${totals.skipped} skipped, ${totals.waived} waived; ${summary.requests} requests, ${summary.leaks} leaks, ${(summary.durationMs / 1000).toFixed(1)} s`,
  ];
  for (const behaviour of summary.behaviours) {
    if (behaviour.status !== "failed" && behaviour.status !== "warned") continue;
    lines.push(`${behaviour.status === "failed" ? "FAILED" : "WARNED"} ${behaviour.id} (${behaviour.level}): ${behaviour.statement}`);
    for (const found of behaviour.failures.slice(0, 3)) {
      lines.push(`  - ${found.message}`);
      if (found.sequence !== undefined) {
        lines.push(`    seed ${found.sequence.seed}, path "${found.sequence.path}":`, ...found.sequence.script.map((step) => `      ${step}`));
        if (found.sequence.file !== undefined) lines.push(`    replay: npx sync-map-conformance replay ${found.sequence.file}`);
      }
    }
  }
  for (const { topic, readings } of summary.readings) lines.push(`reading: ${topic} = ${readings.join(", ")}`);
  lines.push(`report: ${file}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function replay(argv: readonly string[]): Promise<number> {
  const parsed = parseReplayArgs(argv, process.env);
  if (parsed.help) return print(USAGE);
  // A bad file is refused before a server starts or a request is sent.
  const counterexample = readCounterexample(parsed.file);
  let server: RunningServer | undefined;
  let config: Config = parsed.config;
  if (config.embedded) {
    server = await startReferenceServer();
    config = withTarget(config, server.url, server);
  }
  try {
    await preflight(config);
    const result = await replayCounterexample(config, counterexample);
    process.stdout.write(result.text);
    if (result.verdict === "broken") throw new HarnessError("SMC_ERR_INTERNAL", result.brokenReason ?? "replay broke the harness");
    return result.verdict === "reproduced" ? 1 : 0;
  } finally {
    await server?.close();
  }
}

async function serve(argv: readonly string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        "account-sid": { type: "string" },
        "auth-token": { type: "string" },
        "service-sid": { type: "string" },
        fault: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new ConfigError((error as Error).message.split("\n")[0] ?? "bad option");
  }
  if (values.help === true) return print(USAGE);
  const text = (name: string): string | undefined => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const portText = text("port") ?? "4010";
  if (!/^\d+$/.test(portText) || Number(portText) > 65_535) throw new ConfigError(`--port must be 0..65535, got "${portText}"`);
  const faultId = text("fault");
  const fault = faultId === undefined ? undefined : faultById(faultId);
  if (faultId !== undefined && fault === undefined) throw new ConfigError(`unknown --fault "${faultId}"; known: ${faultIds().join(", ")}`);
  let server: RunningServer;
  try {
    server = await startReferenceServer({
      host: text("host") ?? "127.0.0.1",
      port: Number(portText),
      ...optional("accountSid", text("account-sid")),
      ...optional("authToken", text("auth-token")),
      ...optional("serviceSid", text("service-sid")),
      ...optional("fault", fault),
    });
  } catch (error) {
    throw new HarnessError("SMC_ERR_INTERNAL", `cannot start the server: ${(error as Error).message}`);
  }
  process.stdout.write(`${JSON.stringify({ url: server.url, accountSid: server.accountSid, authToken: server.authToken, serviceSid: server.serviceSid, ...(faultId === undefined ? {} : { fault: faultId }) })}\n`);
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

/** `compare A.json B.json`: what changed between two runs; exit 1 when something regressed. */
function compare(argv: readonly string[]): number {
  const files = argv.filter((arg) => !arg.startsWith("-"));
  const unknown = argv.filter((arg) => arg.startsWith("-") && arg !== "--strict");
  if (unknown.length > 0) throw new ConfigError(`compare takes two summary files (and --strict), not ${unknown.join(" ")}`);
  const [before, after] = files;
  if (files.length !== 2 || before === undefined || after === undefined) throw new ConfigError("compare needs two files: compare BEFORE.json AFTER.json");
  const diff = compareSummaries(readSummaryFile(before), readSummaryFile(after));
  process.stdout.write(`${before} → ${after}\n${formatDiff(diff)}\n`);
  return exitCodeOnlyRegressions(diff, argv.includes("--strict"));
}

/**
 * `report`: the Allure HTML (Allure Report 3, no Java) from a run's allure-results. The
 * history file beside it lets the next render show trends across runs.
 */
async function allureReport(argv: readonly string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: { "report-dir": { type: "string" } } }));
  } catch (error) {
    throw new ConfigError((error as Error).message.split("\n")[0] ?? "bad option");
  }
  const reportDir = resolve(typeof values["report-dir"] === "string" ? values["report-dir"] : "reports");
  if (!existsSync(join(reportDir, "allure-results"))) throw new ConfigError(`no allure-results in ${reportDir}: run the suite with --report-dir ${reportDir} first`);
  const config = join(reportDir, "allurerc.json");
  // Absolute paths: allure resolves them against the process's directory, not --cwd.
  const settings = { name: "Sync Map conformance", output: join(reportDir, "allure-report"), historyPath: join(reportDir, "allure-history.jsonl") };
  writeFileSync(config, `${JSON.stringify(settings, null, 2)}\n`);
  const cli = allureCli();
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [cli, "generate", "--config", config, "--cwd", reportDir, join(reportDir, "allure-results")], { cwd: reportDir, stdio: ["ignore", "ignore", "inherit"] });
    child.on("close", done);
    child.on("error", () => done(null));
  });
  if (code !== 0) throw new HarnessError("SMC_ERR_INTERNAL", `allure generate failed (exit ${code ?? "?"})`);
  const index = join(reportDir, "allure-report", "index.html");
  if (!existsSync(index)) throw new HarnessError("SMC_ERR_INTERNAL", `allure generate wrote no ${index}`);
  process.stdout.write(`${index}\n`);
  return 0;
}

/** The allure package's CLI script, wherever npm put the package (it exports no package.json). */
function allureCli(): string {
  let directory = dirname(createRequire(import.meta.url).resolve("allure"));
  while (!existsSync(join(directory, "package.json")) && dirname(directory) !== directory) directory = dirname(directory);
  const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { bin?: Record<string, string> };
  return join(directory, manifest.bin?.allure ?? "cli.js");
}
