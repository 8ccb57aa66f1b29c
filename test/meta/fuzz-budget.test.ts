// The reference server under fifty times the default fuzz budget: every answer a 4xx or
// better, no check failing, nothing the harness could not send, and the server still up
// (it runs in this process: a crash would end the test run). Deep nesting, numbers no
// double holds and every malformed body are in each plan; the generated cases grow.
import { describe, expect, it } from "vitest";
import { createHttpExecutor, DEFAULT_FUZZ_RUNS, planFuzz, runFuzz } from "../../src/fuzz/index.ts";
import { loadSpec } from "../../src/spec/index.ts";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import { FUZZ_CONCURRENCY } from "../../suites/fuzz/phase.ts";

const BUDGET = 50 * DEFAULT_FUZZ_RUNS;
const SEED = 1_350;

describe(`the reference server at --fuzz-runs ${BUDGET} (50 times the default)`, () => {
  it("answers every fuzz request below 500 and fails no generic check", async () => {
    const plan = planFuzz(await loadSpec(), { seed: SEED, runs: BUDGET });
    const server = await startReferenceServer();
    try {
      const executor = createHttpExecutor({
        baseUrl: server.url,
        accountSid: server.accountSid,
        authToken: server.authToken,
        serviceSid: server.serviceSid,
        timeoutMs: 20_000,
      });
      const result = await runFuzz(plan, executor, { concurrency: FUZZ_CONCURRENCY });
      expect(result.harnessErrors).toEqual([]);
      // Half the budget valid and half invalid per operation with fields: thousands of cases.
      expect(result.cases).toBe(plan.cases.length);
      expect(plan.cases.length).toBeGreaterThan(8 * BUDGET);
      expect(result.checks["not_a_server_error"]).toEqual({ passed: result.cases, failed: 0 });
      expect(result.failures.map((group) => `${group.key}: ${group.failure.received}`)).toEqual([]);
      expect(result.leakedSids).toEqual([]);
      const alive = await fetch(`${server.url}/v1/Services/${server.serviceSid}/Maps`);
      expect(alive.status).toBe(401);
    } finally {
      await server.close();
    }
  }, 240_000);
});
