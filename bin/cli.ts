// The composition root: the only place that sees both the oracle (src/) and the
// embedded reference server (fixtures/). Parses the command, starts what is needed,
// drives vitest through its Node API, and turns the verdict into an exit status.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createVitest, type Vitest } from "vitest/node";
import { ConfigError, parseRunArgs, withTarget, type Config, type Shard } from "../src/config/config.ts";
import { HarnessError } from "../src/errors.ts";
import { loadCatalogue } from "../src/catalogue/catalogue.ts";
import { DEFAULT_SPEC_FILE, describeSpecGaps, loadSpec, SpecLoadError, type SpecCatalog } from "../src/spec/index.ts";
import { preflight } from "../src/run/preflight.ts";
import { parseReplayArgs, readCounterexample, replayCounterexample } from "../src/run/replay.ts";
import { sweep } from "../src/run/sweep.ts";
import type { ProvidedTarget } from "../src/vitest/target.ts";
import { BehaviourCollector } from "../reporters/collector.ts";
import { buildSummary, exitCodeOf, statelessTargetHint, writeSummary, type Summary } from "../reporters/summary.ts";
import { applyBaseline, compareSummaries, exitCodeOnlyRegressions, formatDiff, readSummaryFile } from "../reporters/baseline.ts";
import { applyWaivers, waiverNotices, type WaivedSummary } from "../reporters/waive.ts";
import { writeReports } from "../reporters/html.ts";
import { exitCodeOfMerge, mergeSummaries, parseMergeArgs, readShards, writeMerged } from "../reporters/merge.ts";
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
  sync-map-conformance merge DIR... [--report-dir OUT] [--strict]
                                         join the report directories of --shard
                                         runs into one (summary, reports, junit,
                                         allure-results); exit as for run, and 1
                                         when a MUST behaviour no shard ran

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
  --shard I/N           run only the I-th of N slices of the suite (by test
                        file); summary.json lists that slice's behaviours.
                        Same --seed on every shard, then merge the report dirs

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
    if (first === "merge") return merge(rest);
    if (first !== undefined && !first.startsWith("-")) throw new ConfigError(`unknown command "${first}" (use run, serve, replay, compare, report or merge)`);
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
  const spec = await loadSpecOrRefuse(parsed.specFile);
  const gaps = parsed.specFile === undefined ? [] : describeSpecGaps(spec, await loadSpec());
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
    const progress = { total: catalogue.length };
    const collector = new BehaviourCollector({ onProgress: progressPrinter(progress) });
    const { interrupted, shardBehaviourIds } = await runVitest(config, reportDir, collector, progress);
    const leakedSids = collector.tests.flatMap((test) => test.meta?.leakedSids ?? []);
    const swept = await sweep(config, { leakedSids });
    const built = buildSummary({
      version: VERSION,
      baseUrl: config.baseUrl ?? "",
      embedded: config.embedded,
      profile: config.profile,
      seed: config.seed,
      runPrefix: config.runPrefix,
      specHash: spec.hash,
      specSource: specSourceName(spec.source),
      specGaps: gaps,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      catalogue,
      tests: collector.tests,
      extraRequests: preflightRequests + swept.requests,
      leaks: swept.leaks,
      harnessErrors: collector.unhandledErrors,
      interrupted,
      ...(config.shard === undefined || shardBehaviourIds === undefined ? {} : { shard: { ...config.shard, behaviourIds: shardBehaviourIds } }),
    });
    const waived = waivers === undefined ? built : applyWaivers(built, waivers, new Date());
    const diff = baseline === undefined ? undefined : compareSummaries(baseline, waived);
    const summary = diff === undefined || config.baselineFile === undefined ? waived : applyBaseline(waived, diff, config.baselineFile);
    const file = writeSummary(reportDir, summary);
    writeReports(reportDir, summary);
    printVerdict(summary, file, statelessTargetHint(summary, catalogue));
    if ("waivers" in summary) for (const notice of waiverNotices(summary as WaivedSummary)) process.stdout.write(`${notice}\n`);
    if (diff !== undefined) process.stdout.write(`baseline ${config.baselineFile}:\n${formatDiff(diff)}\n`);
    if (interrupted) return 130;
    if (config.exitOnRegressions && diff !== undefined) return exitCodeOnlyRegressions(diff, config.strict);
    return exitCodeOf(summary, config.strict);
  } finally {
    await server?.close();
  }
}

/** The project's own document by its place in the package; a --spec document by the path given. */
function specSourceName(source: string): string {
  return source === DEFAULT_SPEC_FILE ? "spec/sync-map.openapi.yaml" : source;
}

/** A document that cannot be loaded is a bad option: exit 2 with its first line, before any request. */
async function loadSpecOrRefuse(file: string | undefined): Promise<SpecCatalog> {
  try {
    return await loadSpec(file);
  } catch (error) {
    if (error instanceof SpecLoadError) throw new ConfigError(`--spec: ${error.message.split("\n")[0] ?? error.message}`);
    throw error;
  }
}

async function prepareReportDir(reportDir: string): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  // Stale results from an earlier run would mix into this run's Allure report.
  await rm(resolve(reportDir, "allure-results"), { recursive: true, force: true });
}

interface VitestRun {
  readonly interrupted: boolean;
  /** With --shard: the behaviours this slice answers for (see shardBehaviourIds). */
  readonly shardBehaviourIds: ReadonlySet<string> | undefined;
}

async function runVitest(config: Config, reportDir: string, collector: BehaviourCollector, progress: { total: number }): Promise<VitestRun> {
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
    profile: config.profile,
    ...(config.specFile === undefined ? {} : { specFile: config.specFile }),
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
      ...(config.shard === undefined ? {} : { shard: `${config.shard.index}/${config.shard.count}` }),
      provide: { smcTarget: target },
      reporters: [
        collector,
        ["junit", { outputFile: resolve(reportDir, "junit.xml"), suiteName: "sync-map-conformance" }],
        ["allure-vitest/reporter", { resultsDir: resolve(reportDir, "allure-results") }],
      ],
    },
    { logLevel: "silent" },
    // Our verdict is the run's stdout; vitest's own notes ("JUNIT report written to …")
    // would land in the middle of it. Its errors still go to stderr.
    { stdout: new Writable({ write: (_chunk, _encoding, done) => done() }) },
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
  let declared: ReadonlySet<string> | undefined;
  try {
    if (config.shard !== undefined) {
      declared = await shardBehaviourIds(vitest, config.shard);
      progress.total = declared.size;
    }
    await vitest.start();
  } finally {
    await vitest.close();
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
  }
  // vitest sets a failing exit code on failed tests; our verdict comes from the summary.
  process.exitCode = 0;
  // What the slice's files declare, plus whatever they were seen to prove beyond that.
  const shardIds = declared === undefined ? undefined : new Set([...declared, ...collector.tests.map((test) => test.id)]);
  return { interrupted, shardBehaviourIds: shardIds };
}

/**
 * The behaviours a --shard run answers for, known before it starts: vitest's own
 * sequencer picks the slice's test files (the call vitest makes itself, so there is no
 * second hashing scheme to drift), and each suites/ test file proves the definitions of
 * the *.behaviours.ts beside it. Known up front, a file that never starts (Ctrl-C) still
 * belongs to this shard, and its behaviours are skipped here rather than lost between
 * shards. A definitions file that cannot load fails its test file too (a harness error
 * in the summary), and `merge` then names its behaviours as a gap.
 */
async function shardBehaviourIds(vitest: Vitest, shard: Shard): Promise<Set<string>> {
  const specifications = await vitest.globTestSpecifications();
  if (shard.count > specifications.length) {
    throw new ConfigError(`--shard ${shard.index}/${shard.count}: the suite has ${specifications.length} test files, so at most ${specifications.length} shards`);
  }
  const Sequencer = vitest.config.sequence.sequencer;
  const files = await new Sequencer(vitest).shard([...specifications]);
  const ids = new Set<string>();
  for (const { moduleId } of files) {
    const definitions = moduleId.replace(/\.test\.ts$/, ".behaviours.ts");
    if (definitions === moduleId || !existsSync(definitions)) continue;
    try {
      const module = (await import(pathToFileURL(definitions).href)) as { default?: ReadonlyArray<{ readonly id: string }> };
      for (const definition of module.default ?? []) ids.add(definition.id);
    } catch {
      // Reported by vitest, which loads the same file for its test.
    }
  }
  return ids;
}

function progressPrinter(progress: { readonly total: number }): ((done: number, failed: number) => void) | undefined {
  // Quiet in CI logs and pipes; a single self-rewriting line on a terminal.
  if (!process.stderr.isTTY || process.env.CI !== undefined) return undefined;
  return (done, failed) => {
    process.stderr.write(`\r${done}/${progress.total} behaviours, ${failed} failing${done === progress.total ? "\n" : ""}`);
  };
}

function printVerdict(summary: Summary, file: string, hint?: string): void {
  const { totals } = summary;
  const lines = [
    `sync-map-conformance ${summary.tool.version}: ${summary.target.baseUrl}${summary.target.embedded ? " (embedded reference server)" : ""}`,
    `${totals.behaviours} behaviours: ${totals.passed} passed, ${totals.failed} failed, ${totals.warned} warned, ${totals.skipped} skipped, ${totals.waived} waived; ${summary.requests} requests, ${summary.leaks} leaks, ${(summary.durationMs / 1000).toFixed(1)} s`,
  ];
  if (hint !== undefined) lines.push(`hint: ${hint}`);
  if (summary.shard !== undefined) lines.push(`shard ${summary.shard.index}/${summary.shard.count}: only this shard's behaviours; join the shards with \`sync-map-conformance merge DIR...\``);
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
  for (const gap of summary.spec.gaps) lines.push(`spec ${summary.spec.source} ${gap}`);
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

/** `merge DIR...`: the report directories of --shard runs as the one a single run writes. */
function merge(argv: readonly string[]): number {
  const options = parseMergeArgs(argv);
  if (options.help) return print(USAGE);
  // Refusals (shards that disagree, a behaviour twice) come before anything is written.
  const merged = mergeSummaries(readShards(options.dirs), loadCatalogue());
  const { file, notes } = writeMerged(options.reportDir, merged, options.dirs);
  const shards = merged.merged.shards.map((shard) => (shard.shard === undefined ? shard.source : `${shard.shard.index}/${shard.shard.count} (${shard.source})`));
  process.stdout.write(`merged ${shards.length} report director${shards.length === 1 ? "y" : "ies"}: ${shards.join(", ")}\n`);
  printVerdict(merged, file);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
  const gaps = merged.behaviours.filter((behaviour) => merged.merged.gaps.includes(behaviour.id));
  if (gaps.length > 0) process.stdout.write(`GAP: ${gaps.length} behaviours ${gaps[0]?.skipReason ?? "not run"}: ${gaps.map((behaviour) => behaviour.id).join(", ")}\n`);
  const cutShort = merged.merged.notRun.filter((id) => !merged.merged.gaps.includes(id));
  if (cutShort.length > 0) process.stdout.write(`NOT RUN: ${cutShort.length} behaviours skipped by an interrupted shard: ${cutShort.join(", ")}\n`);
  return exitCodeOfMerge(merged, options.strict);
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
