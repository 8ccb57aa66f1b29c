// A run against a distant target: its workers share one pool of --concurrency slots (see
// src/http/shared-slots.ts), so the whole run never has more requests in flight than that,
// and it still judges every behaviour of its slice.
import { createServer, request as forward, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReferenceServer, type RunningServer } from "../../fixtures/reference/index.ts";
import { readSummary, reportDir, runCli, targetArgs } from "./cli.ts";

/** Over the run's threshold for a distant target (DISTANT_TARGET_MS, 40 ms). */
const LATENCY_MS = 60;
const CONCURRENCY = 4;

describe("a run against a target 60 ms away", () => {
  let backend: RunningServer;
  let front: Server;
  let url: string;
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    backend = await startReferenceServer();
    const target = new URL(backend.url);
    // A front that holds every request LATENCY_MS and counts how many are open at once.
    front = createServer((incoming, outgoing) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      outgoing.on("close", () => (inFlight -= 1));
      setTimeout(() => {
        const upstream = forward(
          {
            host: target.hostname,
            port: target.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        upstream.on("error", () => outgoing.destroy());
        incoming.pipe(upstream);
      }, LATENCY_MS);
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(front.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => front.close(() => resolve()));
    await backend.close();
  });

  it("never has more than --concurrency requests in flight across its workers", async () => {
    const dir = reportDir();
    const target = { url, accountSid: backend.accountSid, serviceSid: backend.serviceSid };
    const result = await runCli(
      [
        ...targetArgs(target),
        ...["--report-dir", dir, "--concurrency", String(CONCURRENCY), "--shard", "1/4"],
        ...["--runs", "2", "--fuzz-runs", "1"],
      ],
      { TWILIO_AUTH_TOKEN: backend.authToken },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const summary = readSummary(dir);
    expect(summary.totals.behaviours).toBeGreaterThan(0);
    expect(summary.totals.passed).toBe(summary.totals.behaviours);
    expect(mostInFlight).toBeGreaterThan(1);
    // The pre-flight and the sweep run in the CLI's own process, one request at a time.
    expect(mostInFlight).toBeLessThanOrEqual(CONCURRENCY);
  });
});
