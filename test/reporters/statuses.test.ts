// A real vitest run with the reporters a run uses: a conformance failure is Allure
// "failed" and JUnit <failure>, a bug of ours is Allure "broken" and JUnit <error>, and
// summary.json says "failed" and "broken"; the exit status is 2 with the broken behaviour,
// 1 without it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Summary } from "../../reporters/summary.ts";
import { readValidSummary } from "../support/summary-schema.ts";
import { BROKEN_ID, FAILING_ID } from "./statuses/ids.ts";

const DRIVER = fileURLToPath(new URL("./statuses/drive.ts", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "smc-statuses-"));
let exits: { exitCode: number; exitCodeWithoutBroken: number };

beforeAll(async () => {
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", DRIVER, dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  if (code !== 0) throw new Error(`drive.ts exited ${code}: ${stderr}`);
  exits = JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as typeof exits;
}, 120_000);

function allureStatusOf(id: string): string | undefined {
  const results = readdirSync(join(dir, "allure-results")).filter((name) =>
    name.endsWith("-result.json"),
  );
  const found = results
    .map(
      (name) =>
        JSON.parse(readFileSync(join(dir, "allure-results", name), "utf8")) as {
          name: string;
          status: string;
        },
    )
    .filter((result) => result.name.startsWith(`${id}:`));
  expect(found, `one Allure result for ${id}`).toHaveLength(1);
  return found[0]?.status;
}

function junitCaseOf(id: string): string {
  const xml = readFileSync(join(dir, "junit.xml"), "utf8");
  return (
    [...xml.matchAll(/<testcase\b[\s\S]*?<\/testcase>/g)]
      .map((match) => match[0])
      .find((testcase) => testcase.includes(`&gt; ${id}:`)) ?? ""
  );
}

describe("statuses of a conformance failure and of a harness error", () => {
  it("summary.json says failed for the target's failure and broken for our bug", () => {
    const summary = readValidSummary(dir) as Summary;
    const byId = new Map(summary.behaviours.map((behaviour) => [behaviour.id, behaviour]));
    expect(byId.get(FAILING_ID)?.status).toBe("failed");
    expect(byId.get(BROKEN_ID)?.status).toBe("broken");
    expect(byId.get(BROKEN_ID)?.brokenReason).toMatch(/TypeError: planted harness bug/);
    expect(summary.totals).toMatchObject({ failed: 1, broken: 1 });
  });

  it("Allure shows the failure as failed (red) and the harness error as broken (yellow)", () => {
    expect(allureStatusOf(FAILING_ID)).toBe("failed");
    expect(allureStatusOf(BROKEN_ID)).toBe("broken");
  });

  it("junit.xml has a <failure> for the failure and an <error> for the harness error", () => {
    expect(junitCaseOf(FAILING_ID)).toMatch(/<failure [^>]*type="AssertionError"/);
    expect(junitCaseOf(BROKEN_ID)).toMatch(/<error [^>]*type="HarnessError"/);
    expect(junitCaseOf(BROKEN_ID)).not.toContain("<failure");
  });

  it("the run exits 2 with a broken behaviour and 1 with only the failure", () => {
    expect(exits).toEqual({ exitCode: 2, exitCodeWithoutBroken: 1 });
  });
});
