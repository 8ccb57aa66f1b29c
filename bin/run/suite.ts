// A run: load what the options name (a bad file is exit 2 before any request), start the
// embedded server when there is no --base-url, pre-flight, prove the behaviours through
// vitest, sweep, then write summary.json and the reports and turn them into an exit status.
import { mkdir, rm } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigError, withTarget, type Config } from "../../src/config/config.ts";
import { loadWaivers } from "../../src/config/waivers.ts";
import { loadCatalogue } from "../../src/catalogue/catalogue.ts";
import {
  DEFAULT_SPEC_FILE,
  describeSpecGaps,
  loadSpec,
  SpecLoadError,
  type SpecCatalog,
} from "../../src/spec/index.ts";
import { preflight } from "../../src/run/preflight.ts";
import { sweep } from "../../src/run/sweep.ts";
import { BehaviourCollector } from "../../reporters/collector.ts";
import {
  buildSummary,
  exitCodeOf,
  statelessTargetHint,
  writeSummary,
} from "../../reporters/summary.ts";
import {
  applyBaseline,
  compareSummaries,
  exitCodeOnlyRegressions,
  formatDiff,
  readSummaryFile,
} from "../../reporters/baseline.ts";
import { applyWaivers, waiverNotices, type WaivedSummary } from "../../reporters/waive.ts";
import { writeReports } from "../../reporters/html.ts";
import { startReferenceServer, type RunningServer } from "../../fixtures/reference/index.ts";
import { VERSION } from "../version.ts";
import { printVerdict, progressPrinter } from "./verdict.ts";

/** A parsed `run`: the whole flow from the embedded server to the exit status. */
export async function runSuite(parsed: Config): Promise<number> {
  const catalogue = loadCatalogue();
  const spec = await loadSpecOrRefuse(parsed.specFile);
  const gaps = parsed.specFile === undefined ? [] : describeSpecGaps(spec, await loadSpec());
  // Read these before any request: a bad file is a bad option (exit 2), not a late surprise.
  const waivers = parsed.waiversFile === undefined ? undefined : loadWaivers(parsed.waiversFile);
  const baseline =
    parsed.baselineFile === undefined ? undefined : readSummaryFile(parsed.baselineFile);
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
    const roundTripMs = performance.now() - preflightStarted;
    await prepareReportDir(reportDir);
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
    );
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
      for (const notice of waiverNotices(summary as WaivedSummary))
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

/** A document that cannot be loaded is a bad option: exit 2, one line, before any request. */
async function loadSpecOrRefuse(file: string | undefined): Promise<SpecCatalog> {
  try {
    return await loadSpec(file);
  } catch (error) {
    if (error instanceof SpecLoadError)
      throw new ConfigError(`--spec: ${error.message.split("\n")[0] ?? error.message}`);
    throw error;
  }
}

async function prepareReportDir(reportDir: string): Promise<void> {
  await mkdir(reportDir, { recursive: true });
  // Stale results from an earlier run would mix into this run's Allure report.
  await rm(resolve(reportDir, "allure-results"), { recursive: true, force: true });
}
