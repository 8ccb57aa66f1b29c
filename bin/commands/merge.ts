// `sync-map-conformance merge DIR...`: the report directories of --shard runs joined into
// the one a single run would have written.
import { MERGE_OPTION_SPEC } from "../../src/config/cli-options.ts";
import { commandUsage, print } from "../help.ts";

export const name = "merge";
export const synopsis = "merge DIR... [options]";
export const summary = "join the reports of sharded runs";
export const options = MERGE_OPTION_SPEC;

export const usage = commandUsage({
  synopsis,
  summary:
    "Joins the report directories of shard runs (run with a shard option, one seed) into " +
    "one: summary.json, report.md, report.html, junit.xml and allure-results/. Shards of " +
    "different tool versions, specs, profiles or seeds, or a behaviour listed twice, are refused.",
  options,
  notes: [
    "Exit status: as for run, and 1 when a MUST behaviour was run by no shard; 2 when the " +
      "shards cannot be merged.",
  ],
});

export async function parse(argv: readonly string[]): Promise<unknown> {
  const { parseMergeArgs } = await import("../../reporters/merge.ts");
  return parseMergeArgs(argv);
}

export async function main(argv: readonly string[]): Promise<number> {
  const { exitCodeOfMerge, mergeSummaries, parseMergeArgs, readShards, writeMerged } =
    await import("../../reporters/merge.ts");
  const args = parseMergeArgs(argv);
  if (args.help) return print(usage);
  const { loadCatalogue } = await import("../../src/catalogue/catalogue.ts");
  const { printVerdict } = await import("../run/verdict.ts");
  // Refusals (shards that disagree, a behaviour twice) come before anything is written.
  const merged = mergeSummaries(readShards(args.dirs), loadCatalogue());
  const { file, notes } = writeMerged(args.reportDir, merged, args.dirs);
  const { shards, gaps, notRun } = merged.merged;
  const labels = shards.map((shard) =>
    shard.shard === undefined
      ? shard.source
      : `${shard.shard.index}/${shard.shard.count} (${shard.source})`,
  );
  process.stdout.write(
    `merged ${labels.length} ${labels.length === 1 ? "report directory" : "report directories"}: ` +
      `${labels.join(", ")}\n`,
  );
  printVerdict(merged, file);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
  const gapped = merged.behaviours.filter((behaviour) => gaps.includes(behaviour.id));
  if (gapped.length > 0) {
    const reason = gapped[0]?.skipReason ?? "not run";
    process.stdout.write(
      `GAP: ${gapped.length} behaviours ${reason}: ${gapped.map(({ id }) => id).join(", ")}\n`,
    );
  }
  const cutShort = notRun.filter((id) => !gaps.includes(id));
  if (cutShort.length > 0) {
    process.stdout.write(
      `NOT RUN: ${cutShort.length} behaviours skipped by an interrupted shard: ` +
        `${cutShort.join(", ")}\n`,
    );
  }
  return exitCodeOfMerge(merged, args.strict);
}
