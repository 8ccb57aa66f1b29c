// A target that talks garbage, fails with 5xx, or hangs yields failures and a
// summary, never a crash or a hang of the suite.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSummary, reportDir, runCli, type CliResult } from "./cli.ts";

const ACCOUNT = `AC${"0".repeat(32)}`;
const SERVICE = `IS${"0".repeat(32)}`;

function against(url: string): string[] {
  return [
    "--base-url",
    url,
    "--account-sid",
    ACCOUNT,
    "--auth-token",
    "t",
    "--service-sid",
    SERVICE,
  ];
}

function target(
  answer: (method: string, url: string) => { status: number; body: string } | "hang",
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const reply = answer(request.method ?? "GET", request.url ?? "/");
      if (reply === "hang") return;
      response.writeHead(reply.status, { "content-type": "text/html" }).end(reply.body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

describe("a misbehaving target", () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  // Both runs side by side: the hanging one mostly waits out its timeouts. Each asks for two
  // sequences per model-based behaviour and one generated fuzz request per operation: what
  // is claimed (every behaviour judged, failures and a summary, no crash, no hang) does not
  // depend on how many inputs are generated.
  const SMALL = ["--runs", "2", "--fuzz-runs", "1"];
  const dirs = { garbage: reportDir(), hang: reportDir() };
  let garbage: CliResult;
  let hang: CliResult;
  beforeAll(async () => {
    const garbageTarget = await target(() => ({ status: 500, body: "<html>oops</html>" }));
    const hangTarget = await target((method, url) =>
      method === "GET" && url.includes("/Maps?") ? { status: 200, body: "[]" } : "hang",
    );
    servers.push(garbageTarget.server, hangTarget.server);
    [garbage, hang] = await Promise.all([
      runCli([...against(garbageTarget.url), "--report-dir", dirs.garbage, ...SMALL]),
      runCli([
        ...against(hangTarget.url),
        "--report-dir",
        dirs.hang,
        ...SMALL,
        "--request-timeout",
        "200",
      ]),
    ]);
  }, 180_000);

  it("that answers 500 with HTML to everything gets failures and exit 1", () => {
    const result = garbage;
    const dir = dirs.garbage;
    expect(result.code, result.stderr).toBe(1);
    const summary = readSummary(dir);
    // Every behaviour judged against the target: MUSTs fail, SHOULDs warn. One claim holds
    // even here: an HTML 500 repeats none of the credentials it was sent (AUTH-NO-ECHO).
    const holdsEvenHere = new Set(["AUTH-NO-ECHO"]);
    const judged = summary.behaviours.filter((behaviour) => !holdsEvenHere.has(behaviour.id));
    expect(judged.filter((b) => b.status !== "failed" && b.status !== "warned")).toEqual([]);
    expect(summary.behaviours.filter((b) => holdsEvenHere.has(b.id)).map((b) => b.status)).toEqual([
      "passed",
    ]);
    expect(summary.totals.failed).toBeGreaterThan(0);
    expect(judged.every((behaviour) => behaviour.failures.length > 0)).toBe(true);
  });

  it("that hangs on writes gets timeout failures, exit 1, and the run ends", () => {
    const result = hang;
    const dir = dirs.hang;
    expect(result.code, result.stderr).toBe(1);
    const summary = readSummary(dir);
    expect(summary.totals.failed).toBeGreaterThan(0);
    const messages = summary.behaviours
      .flatMap((behaviour) => behaviour.failures.map((found) => found.message))
      .join("\n");
    expect(messages).toMatch(/TIMEOUT/);
  });
});
