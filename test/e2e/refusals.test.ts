// Exit 2 with one line: a bad option, an unreachable target, rejected credentials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDir, runCli, serve, targetArgs, type ServedTarget } from "./cli.ts";

function oneLine(text: string): void {
  expect(text.trim().split("\n")).toHaveLength(1);
}

describe("a run that cannot be made", () => {
  let target: ServedTarget;
  beforeAll(async () => {
    target = await serve();
  });
  afterAll(async () => {
    await target?.stop();
  });

  it.each([
    [["--no-such-option"]],
    [["--base-url", "nonsense"]],
    [["--seed", "abc"]],
    [["--profile", "stateless"]],
    [["--spec", "no/such/openapi.yaml"]],
    [["--spec", "package.json"]],
    [["frobnicate"]],
  ])("exits 2 on %j with a one-line reason", async (args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    oneLine(result.stderr);
  });

  it("exits 2 within 10 seconds when the target is unreachable", async () => {
    const result = await runCli([
      "--base-url",
      "http://127.0.0.1:1",
      "--account-sid",
      "ACx",
      "--auth-token",
      "t",
      "--service-sid",
      "ISx",
      "--report-dir",
      reportDir(),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unreachable/);
    oneLine(result.stderr);
    expect(result.elapsedMs).toBeLessThan(10_000);
  });

  it("exits 2 when the credentials are rejected, without printing the token", async () => {
    const result = await runCli([
      ...targetArgs(target),
      "--auth-token",
      "definitely-wrong-token-9999",
      "--report-dir",
      reportDir(),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/credentials rejected/);
    expect(result.stderr).not.toContain("definitely-wrong-token-9999");
    oneLine(result.stderr);
  });

  it("prints usage for --help and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--base-url");
  });
});
