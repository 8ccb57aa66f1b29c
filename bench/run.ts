// `npm run bench`: where the time goes, against the targets the project sets itself. Prints
// one table and saves it as JSON (.tmp/bench/latest.json and a dated copy) so a later run can
// be compared: `npm run bench -- --compare FILE`; `--quick` leaves out the long runs.
// Numbers live here, never in timed tests: a shared machine makes timed tests flaky.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { firstRequestMs, startupMs, wholeRun, type RunNumbers } from "./cli.ts";
import { measureWire } from "./wire.ts";

interface Row {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The value must be at most (≤) or at least (≥) this. */
  readonly target?: { readonly at: "most" | "least"; readonly value: number };
}

const { values } = parseArgs({
  options: { quick: { type: "boolean" }, compare: { type: "string" } },
});
const OUT_DIR = join(process.cwd(), ".tmp", "bench");
const LATEST = join(OUT_DIR, "latest.json");
const earlier = readEarlier(values.compare ?? LATEST);

const rows: Row[] = [];
const add = (row: Row): void => {
  rows.push(row);
  process.stderr.write(`  ${row.name}: ${row.value} ${row.unit}\n`);
};

process.stderr.write("start-up…\n");
add({ name: "--version", value: await startupMs("--version"), unit: "ms", target: most(300) });
add({ name: "--help", value: await startupMs("--help"), unit: "ms", target: most(300) });
add({ name: "run: first request", value: await firstRequestMs(), unit: "ms", target: most(1500) });

process.stderr.write("wire (requests a second)…\n");
const wire = await measureWire();
add({ name: "raw undici, sequential", value: wire.rawSequential, unit: "req/s" });
add({ name: "suite HTTP layer, sequential", value: wire.suiteSequential, unit: "req/s" });
add({
  name: "suite / raw, sequential",
  value: wire.suiteOverRawSequential,
  unit: "×",
  target: least(0.5),
});
add({ name: "raw undici, 16 in flight", value: wire.raw16, unit: "req/s" });
add({ name: "suite HTTP layer, 16 in flight", value: wire.suite16, unit: "req/s" });
add({
  name: "suite / raw, 16 in flight",
  value: wire.suiteOverRaw16,
  unit: "×",
  target: least(0.5),
});
add({ name: "bare node:http, sequential", value: wire.bareSequential, unit: "req/s" });
add({
  name: "embedded / bare, sequential",
  value: wire.embeddedOverBareSequential,
  unit: "×",
  target: least(0.5),
});
add({ name: "bare node:http, 16 in flight", value: wire.bare16, unit: "req/s" });
add({
  name: "embedded / bare, 16 in flight",
  value: wire.embeddedOverBare16,
  unit: "×",
  target: least(0.5),
});

type TimedRun = readonly [string, readonly string[], number | undefined, number | undefined];
const runs: TimedRun[] = [
  ["default run (embedded)", [], undefined, 10_000],
  ["--runs 200", ["--runs", "200"], undefined, undefined],
];
if (values.quick !== true) {
  runs.push(["--runs 500", ["--runs", "500"], undefined, undefined]);
  runs.push(["default run, target 80 ms away", [], 80, 60_000]);
}
for (const [name, args, latency, target] of runs) {
  process.stderr.write(`${name}…\n`);
  const run: RunNumbers = await wholeRun(args, latency);
  add({
    name: `${name}: wall`,
    value: run.wallMs,
    unit: "ms",
    ...(target === undefined ? {} : { target: most(target) }),
  });
  add({ name: `${name}: peak memory`, value: run.peakRssMb, unit: "MB" });
  add({ name: `${name}: requests`, value: run.requests, unit: "" });
  add({ name: `${name}: not passed`, value: run.notPassed, unit: "", target: most(0) });
}

printTable(rows, earlier);
mkdirSync(OUT_DIR, { recursive: true });
const saved = { at: new Date().toISOString(), node: process.version, rows };
writeFileSync(LATEST, `${JSON.stringify(saved, null, 2)}\n`);
const dated = join(OUT_DIR, `bench-${saved.at.replace(/[:.]/g, "-")}.json`);
writeFileSync(dated, `${JSON.stringify(saved, null, 2)}\n`);
process.stdout.write(`saved: ${dated}\n`);
if (rows.some((row) => !meets(row))) process.exitCode = 1;

function most(value: number): Row["target"] {
  return { at: "most", value };
}
function least(value: number): Row["target"] {
  return { at: "least", value };
}
function meets(row: Row): boolean {
  if (row.target === undefined) return true;
  return row.target.at === "most" ? row.value <= row.target.value : row.value >= row.target.value;
}

function readEarlier(file: string): Map<string, number> {
  if (!existsSync(file)) return new Map();
  const saved = JSON.parse(readFileSync(file, "utf8")) as { rows?: Row[] };
  return new Map((saved.rows ?? []).map((row) => [row.name, row.value]));
}

function printTable(table: readonly Row[], before: ReadonlyMap<string, number>): void {
  const lines = table.map((row) => {
    const target =
      row.target === undefined ? "" : `${row.target.at === "most" ? "≤" : "≥"} ${row.target.value}`;
    const verdict = row.target === undefined ? "" : meets(row) ? "ok" : "MISSED";
    const previous = before.get(row.name);
    return [
      row.name,
      `${row.value} ${row.unit}`.trim(),
      target,
      verdict,
      previous === undefined ? "" : String(previous),
    ];
  });
  const header = ["measure", "value", "target", "", before.size > 0 ? "before" : ""];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...lines].map((line) => (line[column] ?? "").length)),
  );
  for (const line of [header, ...lines]) {
    process.stdout.write(
      `${line
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd()}\n`,
    );
  }
}
