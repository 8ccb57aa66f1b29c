// A real peer: Stoplight Prism in mock mode, a stateless mock built from an OpenAPI
// document. Under --profile mock the suite must pass it (for our document and the
// vendor's); under --profile full it must fail it, naming the stateful behaviours a
// mock cannot honour, without crashing.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/catalogue.ts";
import { readSummary, reportDir, runCli, type SummaryFile } from "./cli.ts";

const PRISM = fileURLToPath(
  new URL("../../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url),
);
const OUR_SPEC = fileURLToPath(new URL("../../spec/sync-map.openapi.yaml", import.meta.url));
const VENDOR_SPEC = fileURLToPath(
  new URL("../../../shared/reference/twilio_sync_v1.json", import.meta.url),
);
const vendorPresent = existsSync(VENDOR_SPEC);
if (!vendorPresent)
  console.warn(
    `skipping Prism with the vendor's document: ${VENDOR_SPEC} is absent (it ships with the project's shared reference)`,
  );

// Prism checks that Basic credentials are present, not what they are.
const CREDENTIALS = [
  "--account-sid",
  `AC${"1".repeat(32)}`,
  "--auth-token",
  "prism-accepts-any-token",
  "--service-sid",
  `IS${"2".repeat(32)}`,
];

const catalogue = loadCatalogue();
const mockIds = catalogue
  .filter((entry) => entry.profiles.includes("mock"))
  .map((entry) => entry.id);

interface RunningPrism {
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** `prism mock` on 127.0.0.1; resolves once it says it is listening. */
async function startPrism(document: string): Promise<RunningPrism> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [PRISM, "mock", "-h", "127.0.0.1", "-p", String(port), document],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners("exit");
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function statusOf(summary: SummaryFile, id: string): string | undefined {
  return summary.behaviours.find((behaviour) => behaviour.id === id)?.status;
}

/** A Prism for the enclosing describe block: started before its tests, stopped after. */
function prismServing(document: string): { readonly url: string } {
  let prism: RunningPrism | undefined;
  beforeAll(async () => {
    prism = await startPrism(document);
  }, 90_000);
  afterAll(async () => {
    await prism?.stop();
  });
  return {
    get url(): string {
      if (prism === undefined) throw new Error("Prism did not start");
      return prism.url;
    },
  };
}

describe("Prism serving the project's OpenAPI document", () => {
  const prism = prismServing(OUR_SPEC);

  it("passes --profile mock: every mock behaviour passes, every other one is skipped with the reason", async () => {
    const dir = reportDir();
    const result = await runCli([
      "--base-url",
      prism.url,
      ...CREDENTIALS,
      "--profile",
      "mock",
      "--report-dir",
      dir,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const summary = readSummary(dir);
    expect(
      summary.behaviours
        .filter((behaviour) => behaviour.status === "passed")
        .map((behaviour) => behaviour.id)
        .sort(),
    ).toEqual([...mockIds].sort());
    const skipped = summary.behaviours.filter((behaviour) => behaviour.status === "skipped");
    expect(skipped).toHaveLength(catalogue.length - mockIds.length);
    for (const behaviour of skipped)
      expect(behaviour.skipReason).toMatch(/not in the mock profile/);
    expect(summary.totals.failed).toBe(0);
  });

  it("fails --profile full, naming the stateful behaviours a mock cannot honour, without a crash", async () => {
    const dir = reportDir();
    const result = await runCli([
      "--base-url",
      prism.url,
      ...CREDENTIALS,
      "--profile",
      "full",
      "--runs",
      "3",
      "--report-dir",
      dir,
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/internal error/);
    const summary = readSummary(dir);
    // Prism echoes its example whatever was written: these need remembered state.
    for (const id of [
      "MAP-UNIQUE-NAME-ECHO",
      "MAP-DELETE-GONE",
      "MAP-UNIQUE-NAME-DUPLICATE",
      "ITEM-DATA-ROUND-TRIP",
      "ITEM-IF-MATCH-UPDATE-STALE",
      "PERM-FLAGS",
      "SEQ-MAPS",
      "SEQ-ITEMS",
    ]) {
      expect(statusOf(summary, id), id).toBe("failed");
      expect(result.stdout).toContain(`FAILED ${id} (MUST)`);
    }
    for (const id of mockIds) expect(statusOf(summary, id), id).toBe("passed");
    const failed = summary.behaviours.filter((behaviour) => behaviour.status === "failed");
    // Each failure is a verdict on the target with its evidence, not a harness error.
    for (const behaviour of failed)
      expect(behaviour.failures.length, behaviour.id).toBeGreaterThan(0);
    const broken = summary.behaviours.filter((behaviour) => behaviour.status === "broken");
    expect(broken.map((behaviour) => `${behaviour.id}: ${behaviour.brokenReason}`)).toEqual([]);
    expect(result.stdout).toMatch(
      /hint: every behaviour a stateless mock can honour passed.*--profile mock/,
    );
  });
});

describe.skipIf(!vendorPresent)("Prism serving the vendor's published OpenAPI document", () => {
  const prism = prismServing(VENDOR_SPEC);

  // The vendor's document lists no error answer, so Prism refuses invalid input with its
  // own 422 and a problem+json body, where Twilio answers a 4xx with a Twilio error: the
  // fuzz phase reports that drift, and every other mock behaviour passes.
  const DRIFT = ["FUZZ-SCHEMA", "FUZZ-STATUS-DOCUMENTED"];

  it("passes --profile mock with the same document as --spec but for Prism's 422 to invalid input, and names what the document lacks", async () => {
    const dir = reportDir();
    const result = await runCli([
      "--base-url",
      prism.url,
      ...CREDENTIALS,
      "--profile",
      "mock",
      "--spec",
      VENDOR_SPEC,
      "--report-dir",
      dir,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const summary = readSummary(dir);
    const failed = summary.behaviours.filter((behaviour) => behaviour.status === "failed");
    expect(failed.map((behaviour) => behaviour.id).sort()).toEqual(DRIFT);
    for (const behaviour of failed) {
      for (const found of behaviour.failures)
        expect(found.reproduction, behaviour.id).toMatch(/^# answered: 422 /m);
    }
    expect(summary.totals.passed).toBe(mockIds.length - DRIFT.length);
    expect(summary.spec.source).toBe(VENDOR_SPEC);
    expect(summary.spec.gaps.join("\n")).toMatch(/no TwilioError schema/);
    expect(result.stdout).toContain(`spec ${VENDOR_SPEC} declares no TwilioError schema`);
  });
});
