// A run: load what the options name (a bad file is exit 2 before any request), start the
// embedded server when there is no --base-url, pre-flight, prove the behaviours through
// vitest, sweep, then write summary.json and the reports and turn them into an exit status.
// Only what comes before the first request is imported up front: the reporters, the
// catalogue and vitest load while (or after) the target answers, so a run reaches its
// target quickly and a refused one ends quickly.
import { mkdir, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, withTarget, type Config } from "../../src/config/config.ts";
import type { Waiver } from "../../src/config/waivers.ts";
import { DEFAULT_SPEC_FILE, defaultSpecFingerprint } from "../../src/spec/source.ts";
import { preflight } from "../../src/run/preflight.ts";
import type { Summary } from "../../reporters/summary.ts";
import { startJournal } from "../../src/run/journal.ts";
import { startReferenceServer, type RunningServer } from "../../fixtures/reference/index.ts";
import { VERSION } from "../version.ts";

/** What the run judges by: the project's document (fingerprint only) or a --spec one. */
interface JudgedBy {
  readonly hash: string;
  readonly source: string;
  readonly gaps: readonly string[];
}

/** A parsed `run`: the whole flow from the embedded server to the exit status. */
export async function runSuite(parsed: Config): Promise<number> {
  // Read these before any request: a bad file is a bad option (exit 2), not a late surprise.
  const judgedBy = await judgedByOrRefuse(parsed.specFile);
  const waivers = await readWaivers(parsed.waiversFile);
  const baseline = await readBaseline(parsed.baselineFile);
  const startedAt = new Date();
  let server: RunningServer | undefined;
  let config: Config = parsed;
  if (parsed.embedded) {
    server = await startReferenceServer();
    config = withTarget(parsed, server.url, server);
  }
  const reportDir = resolve(config.reportDir);
  try {
    const preflightStarted = performance.now();
    const preflightRequests = await preflight(config);
    // The embedded server is in this very process: near, whatever the first request cost.
    const roundTripMs = config.embedded ? 0 : performance.now() - preflightStarted;
    await prepareReportDir(reportDir);
    const { loadCatalogue } = await import("../../src/catalogue/catalogue.ts");
    const catalogue = loadCatalogue();
    const { BehaviourCollector } = await import("../../reporters/collector.ts");
    const { progressPrinter, printVerdict } = await import("./verdict.ts");
    // Before the first behaviour: every map the run creates is written down here first.
    const journal = startJournal(reportDir, {
      baseUrl: config.baseUrl ?? "",
      accountSid: config.accountSid,
      serviceSid: config.serviceSid,
      runPrefix: config.runPrefix,
      startedAt: startedAt.toISOString(),
      requestTimeoutMs: config.requestTimeoutMs,
      embedded: config.embedded,
    });
    const progress = { total: catalogue.length };
    const collector = new BehaviourCollector({ onProgress: progressPrinter(progress) });
    // vitest loads only once the target has answered: a refused run stays quick.
    const { runVitest } = await import("./vitest.ts");
    const { interrupted, shardBehaviourIds } = await runVitest(
      config,
      reportDir,
      collector,
      progress,
      roundTripMs,
      catalogue,
      journal.file,
    );
    const leakedSids = collector.tests.flatMap((test) => test.meta?.leakedSids ?? []);
    const { sweep } = await import("../../src/run/sweep.ts");
    const swept = await sweep(config, { leakedSids, journals: [journal.file] });
    const { buildSummary, exitCodeOf, statelessTargetHint, writeSummary } =
      await import("../../reporters/summary.ts");
    const { applyBaseline, compareSummaries, exitCodeOnlyRegressions, formatDiff } =
      await import("../../reporters/baseline.ts");
    const { applyWaivers, waiverNotices } = await import("../../reporters/waive.ts");
    const { writeReports } = await import("../../reporters/html.ts");
    const built = buildSummary({
      version: VERSION,
      baseUrl: config.baseUrl ?? "",
      embedded: config.embedded,
      profile: config.profile,
      seed: config.seed,
      runPrefix: config.runPrefix,
      specHash: judgedBy.hash,
      specSource: specSourceName(judgedBy.source),
      specGaps: judgedBy.gaps,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      catalogue,
      tests: collector.tests,
      extraRequests: preflightRequests + swept.requests,
      leaks: swept.leaks,
      leaked: swept.leaked,
      harnessErrors: collector.unhandledErrors,
      interrupted,
      ...(config.shard === undefined || shardBehaviourIds === undefined
        ? {}
        : { shard: { ...config.shard, behaviourIds: shardBehaviourIds } }),
    });
    const waived = waivers === undefined ? built : applyWaivers(built, waivers, new Date());
    const diff = baseline === undefined ? undefined : compareSummaries(baseline, waived);
    const summary =
      diff === undefined || config.baselineFile === undefined
        ? waived
        : applyBaseline(waived, diff, config.baselineFile);
    const file = writeSummary(reportDir, summary);
    writeReports(reportDir, summary);
    printVerdict(summary, file, statelessTargetHint(summary, catalogue));
    if ("waivers" in summary)
      for (const notice of waiverNotices(summary as Parameters<typeof waiverNotices>[0]))
        process.stdout.write(`${notice}\n`);
    if (diff !== undefined)
      process.stdout.write(`baseline ${config.baselineFile}:\n${formatDiff(diff)}\n`);
    if (interrupted) return 130;
    if (config.exitOnRegressions && diff !== undefined)
      return exitCodeOnlyRegressions(diff, config.strict);
    return exitCodeOf(summary, config.strict);
  } finally {
    await server?.close();
  }
}

/** The project's own document by its place in the package; a --spec document by the path given. */
function specSourceName(source: string): string {
  return source === DEFAULT_SPEC_FILE ? "spec/sync-map.openapi.yaml" : source;
}

/**
 * The project's own document needs only its fingerprint here (the workers compile it). A
 * --spec document is compiled now: one that cannot be loaded is a bad option (exit 2, one
 * line, before any request), and what it lacks against ours is listed as gaps.
 */
async function judgedByOrRefuse(file: string | undefined): Promise<JudgedBy> {
  if (file === undefined) return { ...(await defaultSpecFingerprint()), gaps: [] };
  const { describeSpecGaps, loadSpec, SpecLoadError } = await import("../../src/spec/index.ts");
  try {
    const spec = await loadSpec(file);
    return { hash: spec.hash, source: spec.source, gaps: describeSpecGaps(spec, await loadSpec()) };
  } catch (error) {
    if (error instanceof SpecLoadError)
      throw new ConfigError(`--spec: ${error.message.split("\n")[0] ?? error.message}`);
    throw error;
  }
}

async function readWaivers(file: string | undefined): Promise<Waiver[] | undefined> {
  if (file === undefined) return undefined;
  const { loadWaivers } = await import("../../src/config/waivers.ts");
  return loadWaivers(file);
}

async function readBaseline(file: string | undefined): Promise<Summary | undefined> {
  if (file === undefined) return undefined;
  const { readSummaryFile } = await import("../../reporters/baseline.ts");
  return readSummaryFile(file);
}

async function prepareReportDir(reportDir: string): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  // Stale results from an earlier run would mix into this run's Allure report.
  await rm(resolve(reportDir, "allure-results"), { recursive: true, force: true });
}
