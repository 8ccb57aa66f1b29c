// The CLI as a new user meets it: the embedded run, serve + run, and a planted fault.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultById } from "../../fixtures/faults/index.ts";
import {
  allReportText,
  readSummary,
  reportDir,
  runCli,
  serve,
  targetArgs,
  type ServedTarget,
} from "./cli.ts";

describe("sync-map-conformance against the embedded server", () => {
  it("exits 0 with every behaviour passed, nothing leaked, and all report files", async () => {
    const dir = reportDir();
    const result = await runCli(["--report-dir", dir, "--seed", "7"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summary = readSummary(dir);
    expect(summary.target.embedded).toBe(true);
    expect(summary.totals.behaviours).toBeGreaterThanOrEqual(25);
    expect(summary.totals.passed).toBe(summary.totals.behaviours);
    expect(summary.leaks).toBe(0);
    expect(summary.requests).toBeGreaterThan(summary.totals.behaviours ?? 0);
    expect(existsSync(join(dir, "junit.xml"))).toBe(true);
    expect(
      readdirSync(join(dir, "allure-results")).some((name) => name.endsWith("-result.json")),
    ).toBe(true);
  });
});

describe("sync-map-conformance against `serve`", () => {
  const token = "e2e-token-that-must-never-appear-0042";
  let clean: ServedTarget;
  let faulty: ServedTarget;
  // A fault whose failing request is authenticated, so its reproduction names the token variable.
  const fault = faultById("map-ttl-alias-wins-on-create");

  beforeAll(async () => {
    clean = await serve(["--auth-token", token]);
    if (fault === undefined) throw new Error("no planted fault to try");
    faulty = await serve(["--auth-token", token, "--fault", fault.id]);
  });
  afterAll(async () => {
    await clean?.stop();
    await faulty?.stop();
  });

  it("passes the clean server and leaves no trace of the token in any report", async () => {
    const dir = reportDir();
    const result = await runCli([...targetArgs(clean), "--report-dir", dir], {
      TWILIO_AUTH_TOKEN: token,
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(readSummary(dir).totals.failed).toBe(0);
    expect(allReportText(dir)).not.toContain(token);
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it("exits 1 against a planted fault, names its behaviour, and keeps the token out of the reproduction", async () => {
    const dir = reportDir();
    const result = await runCli([
      ...targetArgs(faulty),
      "--report-dir",
      dir,
      "--auth-token",
      token,
    ]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const summary = readSummary(dir);
    const caught = summary.behaviours.find((behaviour) => behaviour.id === fault?.behaviour);
    expect(caught?.status).toBe("failed");
    expect(result.stdout).toContain(`FAILED ${fault?.behaviour}`);
    expect(
      caught?.failures.some((found) => found.reproduction?.includes("$TWILIO_AUTH_TOKEN")),
    ).toBe(true);
    expect(allReportText(dir)).not.toContain(token);
    expect(readSummary(dir).leaks).toBe(0);
  });
});
