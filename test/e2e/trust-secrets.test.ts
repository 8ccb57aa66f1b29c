// Secrets never reach an artefact, even when the target repeats them: a run against
// `serve --echo-credentials` (every request's Authorization header, password and base64
// user:password repeated in a header and in every error body) leaves no trace of the
// token in summary.json, report.html/md, junit.xml, allure-results, counterexamples, the
// journal, or what the CLI printed. A planted fault (error answers declared text/html)
// makes HTTP-JSON-MEDIA-TYPE fail on echoing error answers, so their bodies and headers
// are the evidence every artefact carries.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  readSummary,
  reportDir,
  runCli,
  serve,
  targetArgs,
  type CliResult,
  type ServedTarget,
} from "./cli.ts";

/** Where `text` carries the token: plainly, or inside any base64 run that decodes to it. */
function tokenTraces(text: string, token: string): string[] {
  const traces: string[] = [];
  if (text.includes(token)) traces.push("the token itself");
  for (const run of text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []) {
    // Every alignment: a base64 run cut into a longer one still decodes from some offset.
    for (let offset = 0; offset < 4; offset += 1) {
      const decoded = Buffer.from(run.slice(offset), "base64").toString("latin1");
      if (decoded.includes(token)) traces.push(`base64 ${run.slice(0, 24)}… decodes to it`);
    }
  }
  return traces;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile());
}

describe("a run against a target that echoes credentials", () => {
  let target: ServedTarget;
  let dir: string;
  let result: CliResult;

  beforeAll(async () => {
    target = await serve(["--echo-credentials", "--fault", "http-errors-as-text-html"]);
    dir = reportDir();
    const env = { TWILIO_AUTH_TOKEN: target.authToken };
    result = await runCli([...targetArgs(target), "--report-dir", dir, "--seed", "7"], env);
  }, 180_000);
  afterAll(async () => {
    await target?.stop();
  });

  it("meets a target that really echoes the token, plainly and in base64", async () => {
    const basic = Buffer.from(`${target.accountSid}:${target.authToken}`).toString("base64");
    const answer = await fetch(`${target.url}/v1/Services/${target.serviceSid}/Maps/MPnope`, {
      headers: { authorization: `Basic ${basic}` },
    });
    const body = await answer.text();
    expect(answer.status).toBe(404);
    expect(body).toContain(target.authToken);
    expect(body).toContain(basic);
    expect(answer.headers.get("x-echo-authorization")).toBe(`Basic ${basic}`);
    expect(tokenTraces(body, target.authToken).length).toBeGreaterThan(0);
  });

  it("reports the echo as AUTH-NO-ECHO's failure, with the secrets shown as [REDACTED]", () => {
    const summary = readSummary(dir);
    const status = (id: string) => summary.behaviours.find((behaviour) => behaviour.id === id);
    expect(status("AUTH-NO-ECHO")?.status).toBe("failed");
    // Failed on error answers that echo: their evidence is in every artefact below.
    expect(status("HTTP-JSON-MEDIA-TYPE")?.status).toBe("failed");
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toContain("[REDACTED]");
  });

  it("leaves no trace of the token in any artefact nor on the terminal", () => {
    const files = filesBelow(dir);
    const names = files.map((file) => file.slice(dir.length + 1));
    for (const expected of [
      "summary.json",
      "report.html",
      "report.md",
      "junit.xml",
      "journal.jsonl",
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.some((name) => name.startsWith("allure-results"))).toBe(true);
    const traces: string[] = [];
    for (const file of files) {
      for (const trace of tokenTraces(readFileSync(file, "utf8"), target.authToken)) {
        traces.push(`${file.slice(dir.length + 1)}: ${trace}`);
      }
    }
    for (const [stream, text] of [
      ["stdout", result.stdout],
      ["stderr", result.stderr],
    ] as const) {
      for (const trace of tokenTraces(text, target.authToken)) traces.push(`${stream}: ${trace}`);
    }
    expect(traces).toEqual([]);
  });
});
