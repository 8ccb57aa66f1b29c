// Over 350 lines on purpose: the join and the reader/writer around it are one contract
// (what a merged run may claim); the pure join is the bulk and has no seams worth cutting.
// `merge`: the summaries of `--shard I/N` runs joined into the one a single run would
// have written. Shards are only comparable when they ran the same tool, spec, profile
// and seed; anything else is refused (exit 2) rather than blended into a verdict nobody
// ran. A catalogue behaviour that no shard listed is shown as skipped, never dropped.
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { BehaviourEntry } from "../src/catalogue/catalogue.ts";
import { ConfigError } from "../src/config/config.ts";
import { MERGE_OPTION_SPEC } from "../src/config/cli-options.ts";
import { parseOptions } from "../src/config/options.ts";
import { HarnessError } from "../src/errors.ts";
import { readSummaryFile } from "./baseline.ts";
import { writeReports } from "./html.ts";
import { plural } from "./render-shared.ts";
import {
  SUMMARY_SCHEMA_VERSION,
  countTotals,
  exitCodeOf,
  gatherReadings,
  writeSummary,
  type Summary,
  type SummaryBehaviour,
} from "./summary.ts";

/** One shard's summary and where it came from (its report directory), for messages. */
export interface ShardSummary {
  readonly source: string;
  readonly summary: Summary;
}

export interface MergedSummary extends Summary {
  readonly merged: {
    readonly shards: ReadonlyArray<{
      readonly source: string;
      readonly shard?: { readonly index: number; readonly count: number };
      readonly runPrefix: string;
      readonly startedAt: string;
      readonly durationMs: number;
      readonly behaviours: number;
    }>;
    /** Catalogue behaviours that no merged shard listed. */
    readonly gaps: readonly string[];
    /** Behaviours no shard ran to a verdict: the gaps, and those an interrupted shard skipped. */
    readonly notRun: readonly string[];
  };
}

type CatalogueEntry = Pick<BehaviourEntry, "id" | "level" | "resource" | "statement" | "source">;

/** Pure. Throws ConfigError (exit 2) when the shards cannot be one run. */
export function mergeSummaries(
  shards: readonly ShardSummary[],
  catalogue: readonly CatalogueEntry[],
): MergedSummary {
  const [first] = shards;
  if (first === undefined)
    throw new ConfigError("merge needs at least one shard's report directory");
  for (const other of shards.slice(1)) assertSameRun(first, other);
  const missingShards = checkShardNumbers(shards);

  const owner = new Map<string, { shard: ShardSummary; behaviour: SummaryBehaviour }>();
  for (const shard of shards) {
    for (const behaviour of shard.summary.behaviours) {
      const earlier = owner.get(behaviour.id);
      if (earlier !== undefined)
        throw new ConfigError(
          `cannot merge: behaviour ${behaviour.id} is in both ${labelOf(earlier.shard)} and ${labelOf(shard)}`,
        );
      owner.set(behaviour.id, { shard, behaviour });
    }
  }
  const known = new Set(catalogue.map((entry) => entry.id));
  for (const [id, { shard }] of owner) {
    if (!known.has(id))
      throw new ConfigError(
        `cannot merge: behaviour ${id} in ${labelOf(shard)} is not in this tool's catalogue`,
      );
  }

  const gapReason = `not run: no merged shard listed it (${missingShards.length > 0 ? `${plural(missingShards.length, "shard")} not merged: ${missingShards.join(", ")}` : `merged: ${shards.map(labelOf).join(", ")}`})`;
  const gaps: string[] = [];
  const notRun: string[] = [];
  const behaviours = catalogue.map((entry): SummaryBehaviour => {
    const found = owner.get(entry.id);
    if (found === undefined) {
      gaps.push(entry.id);
      notRun.push(entry.id);
      const { id, level, resource, statement, source } = entry;
      return {
        id,
        level,
        resource,
        statement,
        source,
        status: "skipped",
        failures: [],
        readings: [],
        requests: 0,
        durationMs: 0,
        skipReason: gapReason,
      };
    }
    if (found.shard.summary.interrupted && found.behaviour.status === "skipped")
      notRun.push(entry.id);
    return found.behaviour;
  });

  const totals = countTotals(behaviours);
  const all = shards.map((shard) => shard.summary);
  const baseUrls = distinct(all.map((summary) => summary.target.baseUrl));
  return {
    // The merged file is written by this tool, in its format, whatever the shards' version.
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: first.summary.tool,
    // Each shard may have had its own embedded server or mock on its own port.
    target: {
      baseUrl: baseUrls.join(", "),
      embedded: all.every((summary) => summary.target.embedded),
    },
    profile: first.summary.profile,
    seed: first.summary.seed,
    runPrefix: distinct(all.map((summary) => summary.runPrefix)).join(" "),
    spec: first.summary.spec,
    startedAt: new Date(
      Math.min(...all.map((summary) => Date.parse(summary.startedAt))),
    ).toISOString(),
    // Shards run side by side on separate machines: the wait for the whole verdict is the
    // slowest shard, and a sum would report time nobody spent waiting.
    durationMs: Math.max(...all.map((summary) => summary.durationMs)),
    totals,
    behaviours,
    readings: gatherReadings(behaviours),
    requests: sum(all.map((summary) => summary.requests)),
    throttled: sum(all.map((summary) => summary.throttled ?? 0)),
    leaks: sum(all.map((summary) => summary.leaks)),
    ...(all.some((summary) => summary.leaked !== undefined)
      ? { leaked: all.flatMap((summary) => summary.leaked ?? []) }
      : {}),
    harnessErrors: shards.flatMap((shard) =>
      shard.summary.harnessErrors.map((error) => `${labelOf(shard)}: ${error}`),
    ),
    interrupted: all.some((summary) => summary.interrupted),
    merged: {
      shards: shards.map(({ source, summary }) => ({
        source,
        ...(summary.shard === undefined ? {} : { shard: summary.shard }),
        runPrefix: summary.runPrefix,
        startedAt: summary.startedAt,
        durationMs: summary.durationMs,
        behaviours: summary.behaviours.length,
      })),
      gaps,
      notRun,
    },
  };
}

/**
 * Like a run's exit status, and a behaviour no shard ran counts as not passed at its
 * level: exit 0 promises every MUST behaviour passed, which a missing shard never showed.
 * A missing shard is not 2: the merge was made and its reports say which behaviours are
 * missing. A broken behaviour in any shard is 2, as it is for that shard's own run.
 */
export function exitCodeOfMerge(merged: MergedSummary, strict: boolean): 0 | 1 | 2 {
  const ofRun = exitCodeOf(merged, strict);
  if (ofRun !== 0) return ofRun;
  const notRun = new Set(merged.merged.notRun);
  const unproven = merged.behaviours.some(
    (behaviour) => notRun.has(behaviour.id) && (behaviour.level === "MUST" || strict),
  );
  return unproven ? 1 : 0;
}

function assertSameRun(first: ShardSummary, other: ShardSummary): void {
  const fields: Array<[string, (summary: Summary) => unknown]> = [
    ["tool version", (summary) => summary.tool.version],
    ["spec hash", (summary) => summary.spec.hash],
    ["profile", (summary) => summary.profile],
    ["seed", (summary) => summary.seed],
  ];
  for (const [name, read] of fields) {
    const expected = read(first.summary);
    const found = read(other.summary);
    if (found !== expected) {
      throw new ConfigError(
        `cannot merge: ${labelOf(other)} has ${name} ${String(found)} but ${labelOf(first)} has ${String(expected)}; shards must come from one tool, spec, profile and seed`,
      );
    }
  }
}

/** The shard numbers that should have been merged but were not, as "I/N". */
function checkShardNumbers(shards: readonly ShardSummary[]): string[] {
  const numbered = shards.filter((shard) => shard.summary.shard !== undefined);
  const [reference] = numbered;
  if (reference?.summary.shard === undefined) return [];
  const { count } = reference.summary.shard;
  const seen = new Map<number, ShardSummary>();
  for (const shard of numbered) {
    const number = shard.summary.shard;
    if (number === undefined) continue;
    if (number.count !== count)
      throw new ConfigError(
        `cannot merge: ${labelOf(shard)} is one of ${number.count} shards but ${labelOf(reference)} is one of ${count}`,
      );
    const twin = seen.get(number.index);
    if (twin !== undefined)
      throw new ConfigError(
        `cannot merge: shard ${number.index}/${count} appears twice (${twin.source} and ${shard.source})`,
      );
    seen.set(number.index, shard);
  }
  const missing: string[] = [];
  for (let index = 1; index <= count; index += 1)
    if (!seen.has(index)) missing.push(`${index}/${count}`);
  return missing;
}

function labelOf({ source, summary }: ShardSummary): string {
  return summary.shard === undefined
    ? source
    : `shard ${summary.shard.index}/${summary.shard.count} (${source})`;
}

/**
 * The testsuite elements of each shard's junit.xml under one testsuites root. Counts are
 * summed from the suites; time, like durationMs, is the slowest shard's.
 */
export function mergeJunit(
  reports: ReadonlyArray<{ readonly source: string; readonly xml: string }>,
): string {
  const suites: string[] = [];
  const counts = { tests: 0, failures: 0, errors: 0 };
  let time = 0;
  for (const { source, xml } of reports) {
    const root = /<testsuites\b[^>]*>/.exec(xml);
    if (root === null)
      throw new ConfigError(`${source}: not a JUnit report (no <testsuites> element)`);
    time = Math.max(time, numberAttribute(root[0], "time"));
    for (const [suite] of xml.matchAll(/<testsuite\b(?:[^>]*\/>|[\s\S]*?<\/testsuite>)/g)) {
      const head = /^<testsuite\b[^>]*>/.exec(suite)?.[0] ?? suite;
      counts.tests += numberAttribute(head, "tests");
      counts.failures += numberAttribute(head, "failures");
      counts.errors += numberAttribute(head, "errors");
      suites.push(`    ${suite}`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="sync-map-conformance" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" time="${time}">
${suites.join("\n")}
</testsuites>
`;
}

function numberAttribute(tag: string, name: string): number {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const parsed = value === undefined ? NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

export interface MergeArgs {
  readonly dirs: readonly string[];
  readonly reportDir: string;
  readonly strict: boolean;
  readonly help: boolean;
}

/** `merge DIR... [--report-dir OUT] [--strict]`; a bad option is a ConfigError (exit 2). */
export function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const options = parseOptions(MERGE_OPTION_SPEC, argv);
  const help = options.flag("help");
  const { positionals } = options;
  if (positionals.length === 0 && !help)
    throw new ConfigError(
      "merge needs the shards' report directories: merge DIR... [--report-dir OUT] [--strict]",
    );
  return {
    dirs: positionals,
    reportDir: options.text("report-dir") as string,
    strict: options.flag("strict"),
    help,
  };
}

/** Each DIR/summary.json, checked like a --baseline file (a bad one is exit 2). */
export function readShards(dirs: readonly string[]): ShardSummary[] {
  return dirs.map((dir) => ({ source: dir, summary: readSummaryFile(join(dir, "summary.json")) }));
}

/**
 * Writes summary.json, report.md/html, junit.xml and allure-results/ into outDir.
 * Returns notes on what a shard directory lacked (a merged file that is less than whole).
 */
export function writeMerged(
  outDir: string,
  merged: MergedSummary,
  dirs: readonly string[],
): { file: string; notes: string[] } {
  const out = resolve(outDir);
  const clash = dirs.find((dir) => resolve(dir) === out);
  if (clash !== undefined)
    throw new ConfigError(
      `--report-dir ${outDir} is also a shard directory; merge into another directory`,
    );
  const notes: string[] = [];
  const junit: Array<{ source: string; xml: string }> = [];
  for (const dir of dirs) {
    const file = join(dir, "junit.xml");
    if (existsSync(file)) junit.push({ source: file, xml: readFileSync(file, "utf8") });
    else notes.push(`${dir} has no junit.xml: the merged junit.xml lacks its test cases`);
  }
  const junitXml = mergeJunit(junit);

  mkdirSync(out, { recursive: true });
  // Results of an earlier merge into this directory would double the Allure report.
  const results = join(out, "allure-results");
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  for (const dir of dirs) {
    const from = join(dir, "allure-results");
    if (!existsSync(from)) {
      notes.push(`${dir} has no allure-results: the merged Allure results lack its behaviours`);
      continue;
    }
    for (const name of readdirSync(from)) {
      const source = join(from, name);
      if (!statSync(source).isFile()) continue;
      // Allure names every file by a fresh uuid, so the same name twice means the same run twice.
      try {
        copyFileSync(source, join(results, name), constants.COPYFILE_EXCL);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST")
          throw new HarnessError(
            "SMC_ERR_INTERNAL",
            `allure result ${name} is in two shard directories`,
          );
        throw error;
      }
    }
  }
  writeFileSync(join(out, "junit.xml"), junitXml);
  const withReplays = withCounterexamplesIn(out, merged, dirs);
  const file = writeSummary(out, withReplays);
  writeReports(out, withReplays);
  return { file, notes };
}

/**
 * A shard's saved counterexamples (`counterexamples/<behaviour>-<seed>.json`) are what
 * `replay` needs; the paths in its summary name the machine that ran it. Copies them
 * into outDir and points the merged failures at the copies. Behaviours are unique
 * across shards, so the names cannot clash.
 */
function withCounterexamplesIn(
  out: string,
  merged: MergedSummary,
  dirs: readonly string[],
): MergedSummary {
  const copied = new Map<string, string>();
  for (const dir of dirs) {
    const from = join(dir, "counterexamples");
    if (!existsSync(from)) continue;
    for (const name of readdirSync(from).filter((entry) => entry.endsWith(".json"))) {
      const target = join(out, "counterexamples", name);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(from, name), target);
      copied.set(name, target);
    }
  }
  if (copied.size === 0) return merged;
  const behaviours = merged.behaviours.map((behaviour) => ({
    ...behaviour,
    failures: behaviour.failures.map((found) => {
      const saved = found.sequence?.file;
      const copy = saved === undefined ? undefined : copied.get(basename(saved));
      return copy === undefined || found.sequence === undefined
        ? found
        : { ...found, sequence: { ...found.sequence, file: copy } };
    }),
  }));
  return { ...merged, behaviours };
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
