// Helpers to drive the real CLI as a user would: a child process, real ports.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { readValidSummary } from "../support/summary-schema.ts";

export const CLI = fileURLToPath(new URL("../../bin/sync-map-conformance.mjs", import.meta.url));

const SUITES = fileURLToPath(new URL("../../suites/", import.meta.url));

/**
 * `--shard I/N` whose slice is exactly one test file of suites/ ("maps/create.test.ts"): for
 * runs whose claim is about what the CLI does with a verdict, not about the catalogue, a slice
 * costs a third of a whole run. N is the number of test files, so each slice holds one; I is
 * where vitest's sharding puts the file (BaseSequencer.shard sorts the files by the sha1 of
 * their path below the root). A test using it checks the slice holds what it needs, so a
 * change in vitest's scheme fails loudly instead of proving nothing.
 */
export function shardHolding(testFile: string): string {
  const files = readdirSync(SUITES, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => name.split("\\").join("/"));
  const sha1 = (name: string): string => createHash("sha1").update(`/suites/${name}`).digest("hex");
  const byHash = files.sort((a, b) => (sha1(a) < sha1(b) ? -1 : sha1(a) > sha1(b) ? 1 : 0));
  const index = byHash.indexOf(testFile);
  if (index < 0) throw new Error(`suites/${testFile} is not a test file of the suite`);
  return `${index + 1}/${byHash.length}`;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, CI: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr, elapsedMs: Date.now() - started }));
  });
}

export interface ServedTarget {
  readonly url: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly serviceSid: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** `sync-map-conformance serve …` in the background; resolves once it printed its JSON line. */
export function serve(args: readonly string[] = []): Promise<ServedTarget> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`serve exited early with ${code}`)));
    lines.once("line", (line) => {
      const info = JSON.parse(line) as Omit<ServedTarget, "child" | "stop">;
      resolve({
        ...info,
        child,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

export function targetArgs(
  target: Pick<ServedTarget, "url" | "accountSid" | "serviceSid">,
): string[] {
  return [
    "--base-url",
    target.url,
    "--account-sid",
    target.accountSid,
    "--service-sid",
    target.serviceSid,
  ];
}

export function reportDir(): string {
  return mkdtempSync(join(tmpdir(), "smc-e2e-"));
}

export interface SummaryFile {
  target: { baseUrl: string; embedded: boolean };
  totals: Record<string, number>;
  behaviours: Array<{
    id: string;
    level: string;
    status: string;
    skipReason?: string;
    brokenReason?: string;
    failures: Array<{ message: string; reproduction?: string }>;
  }>;
  spec: { hash: string; source: string; gaps: string[] };
  requests: number;
  leaks: number;
}

/** DIR/summary.json, held to schemas/summary.schema.json: every e2e test reads through here. */
export function readSummary(dir: string): SummaryFile {
  return readValidSummary(dir) as SummaryFile;
}

/** Every file below dir, as text: to prove a secret appears in none of them. */
export function allReportText(dir: string): string {
  const parts: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = join(dir, name);
    if (statSync(file).isFile()) parts.push(readFileSync(file, "utf8"));
  }
  return parts.join("\n");
}
