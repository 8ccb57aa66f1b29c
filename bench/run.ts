// Speed and memory of a full run against the embedded server: the numbers the
// brief sets targets for live here, never in timed tests.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../bin/sync-map-conformance.mjs", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 60_000;

interface Sample {
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly behaviours: number;
  readonly requests: number;
}

async function once(): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), "smc-bench-"));
  const started = Date.now();
  let peakKb = 0;
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [CLI, "--report-dir", dir, "--seed", "1"], {
      stdio: "ignore",
      env: { ...process.env, CI: "true" },
    });
    // The CLI and its vitest workers together: sample the whole process tree.
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, 100);
    child.on("close", (exitCode) => {
      clearInterval(sampler);
      resolve(exitCode);
    });
  });
  const wallMs = Date.now() - started;
  if (code !== 0) throw new Error(`run exited ${code}`);
  const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
    totals: { behaviours: number };
    requests: number;
  };
  return {
    wallMs,
    maxRssMb: Math.round(peakKb / 1024),
    behaviours: summary.totals.behaviours,
    requests: summary.requests,
  };
}

/** Resident memory of a process and all its descendants, from /proc (0 where there is none). */
function treeRssKb(root: number): number {
  if (!existsSync("/proc")) return 0;
  const parentOf = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // the process ended between listing and reading
    }
  }
  let total = 0;
  for (const pid of parentOf.keys()) {
    let cursor: number | undefined = pid;
    while (cursor !== undefined && cursor !== root && cursor > 1) cursor = parentOf.get(cursor);
    if (cursor !== root) continue;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(match?.[1] ?? 0);
    } catch {
      // gone already
    }
  }
  return total;
}

const samples: Sample[] = [];
for (let i = 0; i < RUNS; i += 1) samples.push(await once());
const wall = samples.map((sample) => sample.wallMs).sort((a, b) => a - b);
const median = wall[Math.floor(wall.length / 2)] ?? 0;
const peakRssMb = Math.max(...samples.map((sample) => sample.maxRssMb));
console.log(
  JSON.stringify(
    {
      runs: RUNS,
      medianWallMs: median,
      minWallMs: wall[0],
      maxWallMs: wall.at(-1),
      peakTreeRssMb: peakRssMb,
      behaviours: samples[0]?.behaviours,
      requests: samples[0]?.requests,
      targetMs: TARGET_MS,
    },
    null,
    2,
  ),
);
if (median > TARGET_MS) {
  console.error(`median embedded run ${median} ms is over the ${TARGET_MS} ms target`);
  process.exitCode = 1;
}
