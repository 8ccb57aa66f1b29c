// The CLI as a user meets it: how soon it answers --version and --help, how soon a run sends
// its first request, how long whole runs take (embedded, --runs 200 and 500, a target 80 ms
// away) and the peak memory of the whole process tree (the CLI and its vitest workers).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { startReferenceServer } from "../fixtures/reference/index.ts";
import { median } from "./workload.ts";

/** BENCH_CLI: another checkout's bin/sync-map-conformance.mjs, to measure it the same way. */
const CLI =
  process.env.BENCH_CLI ??
  fileURLToPath(new URL("../bin/sync-map-conformance.mjs", import.meta.url));

export interface RunNumbers {
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly requests: number;
  readonly throttled: number;
  readonly behaviours: number;
  readonly notPassed: number;
}

interface Spawned {
  readonly code: number | null;
  readonly wallMs: number;
  readonly peakRssMb: number;
}

function spawned(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Spawned> {
  const started = performance.now();
  let peakKb = 0;
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: "ignore",
    env: { ...process.env, CI: "true", ...env },
  });
  const sampler = setInterval(() => {
    if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
  }, 100);
  return new Promise<Spawned>((resolve) => {
    child.on("close", (code) => {
      clearInterval(sampler);
      resolve({ code, wallMs: performance.now() - started, peakRssMb: Math.round(peakKb / 1024) });
    });
  });
}

/** Median wall time of `--version` or `--help` (5 tries: start-up varies from try to try). */
export async function startupMs(flag: "--version" | "--help"): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) times.push((await spawned([flag])).wallMs);
  return Math.round(median(times));
}

/** From the spawn of a run to the first request its target sees (the pre-flight). */
export async function firstRequestMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    let firstAt = 0;
    const server = await startReferenceServer();
    // A front that notes the first request, then stops the run: only the start-up is timed.
    const front = createServer((request) => {
      if (firstAt === 0) firstAt = performance.now();
      request.socket.destroy();
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const port = (front.address() as { port: number }).port;
    const started = performance.now();
    await spawned(
      [
        "--base-url",
        `http://127.0.0.1:${port}`,
        "--account-sid",
        server.accountSid,
        "--service-sid",
        server.serviceSid,
        "--report-dir",
        mkdtempSync(join(tmpdir(), "smc-bench-")),
      ],
      { TWILIO_AUTH_TOKEN: server.authToken },
    );
    front.close();
    await server.close();
    if (firstAt > 0) times.push(firstAt - started);
  }
  return Math.round(median(times));
}

/** One run to the end; `latencyMs`: against `serve --latency` instead of the embedded server. */
export async function wholeRun(extra: readonly string[], latencyMs?: number): Promise<RunNumbers> {
  const dir = mkdtempSync(join(tmpdir(), "smc-bench-"));
  const args = ["--report-dir", dir, "--seed", "1", ...extra];
  let result: Spawned;
  if (latencyMs === undefined) {
    result = await spawned(args);
  } else {
    // On an address of this machine's own network card, not the loopback: the suite treats a
    // target off the loopback as remote (its default concurrency, the per-map rate budget), as
    // it would a real service that far away.
    const server = await startReferenceServer({
      host: nonLoopbackAddress(),
      conditions: { latencyMs },
    });
    const target = ["--base-url", server.url, "--account-sid", server.accountSid];
    const env = { TWILIO_AUTH_TOKEN: server.authToken };
    result = await spawned([...target, "--service-sid", server.serviceSid, ...args], env);
    await server.close();
  }
  if (result.code !== 0) throw new Error(`run ${args.join(" ")} exited ${result.code}`);
  const summary = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8")) as {
    totals: { behaviours: number; passed: number };
    requests: number;
    throttled?: number;
  };
  return {
    wallMs: Math.round(result.wallMs),
    peakRssMb: result.peakRssMb,
    requests: summary.requests,
    throttled: summary.throttled ?? 0,
    behaviours: summary.totals.behaviours,
    notPassed: summary.totals.behaviours - summary.totals.passed,
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
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
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

/** This machine's first IPv4 address off the loopback (127.0.0.1 when it has none). */
export function nonLoopbackAddress(): string {
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? [])
      if (address.family === "IPv4" && !address.internal) return address.address;
  return "127.0.0.1";
}
