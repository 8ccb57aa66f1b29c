// Drives vitest through its Node API on suites/: behaviours side by side (files across a few
// workers, the tests of a file concurrently; each behaviour works in its own maps under the
// run prefix), the target handed over by `provide` (never written to disk), Ctrl-C turned
// into a cancel so the run can still sweep and report. Loaded only by a run, so --help and
// --version never load vitest.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Writable } from "node:stream";
import { createVitest, type Vitest } from "vitest/node";
import {
  ConfigError,
  clientsFor,
  concurrencyFor,
  type Config,
  type Shard,
} from "../../src/config/config.ts";
import { serveSharedSlots } from "../../src/http/shared-slots.ts";
import type { ProvidedTarget } from "../../src/vitest/target.ts";
import type { BehaviourCollector } from "../../reporters/collector.ts";
import type { BehaviourEntry } from "../../src/catalogue/catalogue.ts";
import { PACKAGE_ROOT } from "../version.ts";
import { SlowFirstSequencer } from "./sequencer.ts";

/**
 * A target this far away (the pre-flight's round trip, a cold connection included) leaves
 * the CPU mostly waiting. A loopback target on a busy machine can take 20 ms to answer the
 * first request; a remote one takes 50 ms and more.
 */
export const DISTANT_TARGET_MS = 40;

function isDistant(roundTripMs: number): boolean {
  return roundTripMs >= DISTANT_TARGET_MS;
}

/** This module runs compiled (bin/sync-map-conformance.mjs found dist/ current). */
const COMPILED = import.meta.url.includes("/dist/bin/");

/** Workers against a distant target. */
const DISTANT_WORKERS = 6;

/**
 * Workers proving files side by side. Each loads the suite once (well under a second of CPU
 * when compiled), so against a near target more workers than cores only cost: two keep a
 * slow file (a long sequence, a wait) from holding up the rest. Against a distant one the
 * workers mostly wait on the network and take their slots from one shared pool, and a file
 * lasts as long as its slowest behaviour, so six overlap more of them. Never more than
 * --concurrency.
 */
export function workerCount(concurrency: number, roundTripMs: number): number {
  const near = Math.max(2, Math.min(availableParallelism(), 4));
  const wanted = isDistant(roundTripMs) ? Math.max(near, DISTANT_WORKERS) : near;
  return Math.max(1, Math.min(concurrency, wanted));
}

export interface VitestRun {
  readonly interrupted: boolean;
  /** With --shard: the behaviours this slice answers for (see shardBehaviourIds). */
  readonly shardBehaviourIds: ReadonlySet<string> | undefined;
}

export async function runVitest(
  config: Config,
  reportDir: string,
  collector: BehaviourCollector,
  progress: { total: number },
  roundTripMs: number,
  catalogue: readonly BehaviourEntry[],
  journalFile?: string,
): Promise<VitestRun> {
  const concurrency = concurrencyFor(config);
  const workers = workerCount(concurrency, roundTripMs);
  // A distant target: the workers wait on round trips, and take slots from one shared pool so
  // that a worker with quick files never sits on slots a long sequence elsewhere could use.
  // Near (CPU-bound), a fixed share each costs no messages between processes.
  const shared =
    workers > 1 && isDistant(roundTripMs) ? await serveSharedSlots(concurrency) : undefined;
  const target: ProvidedTarget = {
    baseUrl: config.baseUrl ?? "",
    accountSid: config.accountSid,
    authToken: config.authToken,
    serviceSid: config.serviceSid,
    runPrefix: config.runPrefix,
    seed: config.seed,
    runs: config.runs,
    fuzzRuns: config.fuzzRuns,
    reportDir,
    requestTimeoutMs: config.requestTimeoutMs,
    profile: config.profile,
    ...(config.specFile === undefined ? {} : { specFile: config.specFile }),
    concurrency,
    clients: clientsFor(config, workers),
    ...(config.maxRps === undefined ? {} : { maxRps: config.maxRps }),
    workers,
    ...(shared === undefined ? {} : { sharedSlots: shared.path }),
    catalogue,
    ...(journalFile === undefined ? {} : { journalFile }),
  };
  const signalsBefore = {
    SIGINT: process.listeners("SIGINT"),
    SIGTERM: process.listeners("SIGTERM"),
  };
  const vitest: Vitest = await createVitest(
    "test",
    {
      root: PACKAGE_ROOT,
      config: false,
      watch: false,
      include: ["suites/**/*.test.ts"],
      // Compiled, the suite's modules load as Node loads any JavaScript (see compiledModules).
      ...(COMPILED ? { server: { deps: { external: [COMPILED_MODULE] } } } : {}),
      // Modules shared within a worker (isolation would recompile the spec per file); the
      // slow files start first; every test of a file runs concurrently, at most its worker's
      // share of --concurrency at once (a behaviour has one request in flight at a time).
      isolate: false,
      maxWorkers: workers,
      sequence: { sequencer: SlowFirstSequencer, concurrent: true },
      maxConcurrency:
        shared === undefined ? Math.max(1, Math.ceil(concurrency / workers)) : concurrency,
      testTimeout: 180_000,
      hookTimeout: 60_000,
      passWithNoTests: false,
      ...(config.shard === undefined
        ? {}
        : { shard: `${config.shard.index}/${config.shard.count}` }),
      provide: { smcTarget: target },
      reporters: [
        collector,
        [
          "junit",
          { outputFile: resolve(reportDir, "junit.xml"), suiteName: "sync-map-conformance" },
        ],
        ["allure-vitest/reporter", { resultsDir: resolve(reportDir, "allure-results") }],
      ],
    },
    { logLevel: "silent", ...(COMPILED ? { plugins: [compiledModules()] } : {}) },
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
  } catch (error) {
    // Ctrl-C reaches the whole process group: a worker may die of it before the cancel
    // reaches it, and vitest reports that as an error. The run was stopped, not broken:
    // it still sweeps and reports, and exits 130.
    if (!interrupted) throw error;
  } finally {
    await shared?.close();
    await vitest.close().catch((error: unknown) => {
      if (!interrupted) throw error;
    });
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onInterrupt);
  }
  // vitest sets a failing exit code on failed tests; our verdict comes from the summary.
  process.exitCode = 0;
  // What the slice's files declare, plus whatever they were seen to prove beyond that.
  const shardIds =
    declared === undefined
      ? undefined
      : new Set([...declared, ...collector.tests.map((test) => test.id)]);
  return { interrupted, shardBehaviourIds: shardIds };
}

/**
 * A definitions file this process can import: itself when the CLI runs as TypeScript, its
 * compiled twin under dist/ when the CLI runs compiled (Node does not load .ts by itself).
 */
function importable(definitions: string): string {
  if (!import.meta.url.endsWith(".js")) return pathToFileURL(definitions).href;
  const compiled = join(PACKAGE_ROOT, "dist", relative(PACKAGE_ROOT, definitions));
  return pathToFileURL(compiled.replace(/\.ts$/, ".js")).href;
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
    throw new ConfigError(
      `--shard ${shard.index}/${shard.count}: the suite has ${specifications.length} test ` +
        `files, so at most ${specifications.length} shards`,
    );
  }
  const Sequencer = vitest.config.sequence.sequencer;
  const files = await new Sequencer(vitest).shard([...specifications]);
  const ids = new Set<string>();
  for (const { moduleId } of files) {
    const definitions = moduleId.replace(/\.test\.ts$/, ".behaviours.ts");
    if (definitions === moduleId || !existsSync(definitions)) continue;
    try {
      const module = (await import(importable(definitions))) as {
        default?: ReadonlyArray<{ readonly id: string }>;
      };
      for (const definition of module.default ?? []) ids.add(definition.id);
    } catch {
      // Reported by vitest, which loads the same file for its test.
    }
  }
  return ids;
}

type VitePlugin = NonNullable<NonNullable<Parameters<typeof createVitest>[2]>["plugins"]>[number];

/** A module of dist/ (under the package root). */
const COMPILED_MODULE = /[\\/]dist[\\/](?:src|suites|reporters|fixtures)[\\/]/;

/**
 * When the CLI runs compiled, a test file's imports of the suite's TypeScript resolve to the
 * same modules in dist/, which vitest hands to Node untransformed (server.deps.external):
 * a worker then starts in a fraction of the time it takes vite to transform and serve some
 * two hundred modules one request at a time. The test files themselves stay the TypeScript
 * ones, so JUnit class names and Allure history ids are the same either way.
 */
function compiledModules(): VitePlugin {
  return {
    name: "sync-map-conformance:compiled-modules",
    enforce: "pre",
    resolveId(source: string, importer: string | undefined) {
      if (importer === undefined || !source.startsWith(".") || !source.endsWith(".ts")) return null;
      const path = relative(PACKAGE_ROOT, resolve(dirname(importer), source));
      if (path.startsWith("..") || isAbsolute(path)) return null;
      const compiled = join(PACKAGE_ROOT, "dist", path.replace(/\.ts$/, ".js"));
      return COMPILED_MODULE.test(compiled) && existsSync(compiled) ? compiled : null;
    },
  };
}
