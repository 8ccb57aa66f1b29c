// A target that cannot make the resources cases need is not asked hundreds of times:
// after five failures in a row the remaining cases are harness errors, not requests.
import { describe, expect, it } from "vitest";
import { HarnessError } from "../../src/errors.ts";
import { planFuzz, runFuzz } from "../../src/fuzz/index.ts";
import type { FuzzExecutor } from "../../src/fuzz/index.ts";
import { loadSpec } from "./support.ts";

function deadExecutor(): FuzzExecutor & { provided: number; sent: number } {
  const executor = {
    accountSid: "AC0",
    provided: 0,
    sent: 0,
    async provide(needs: readonly string[]) {
      if (needs.length === 0) return { service: "IS0" };
      executor.provided += 1;
      throw new HarnessError("SMC_ERR_FIXTURE", "could not create the map a case needs: 0");
    },
    async send(): Promise<never> {
      executor.sent += 1;
      throw new Error("no case needing a map may be sent");
    },
    snapshot: async () => ({}),
    release: async () => [],
    requestCount: () => executor.provided + executor.sent,
  };
  return executor;
}

describe("runFuzz against a target that cannot make resources", () => {
  it("stops asking after five failures in a row and names the rest as not sent", async () => {
    const spec = await loadSpec();
    const plan = planFuzz(spec, { seed: 1, runs: 2 });
    const needing = plan.cases.filter((entry) => entry.needs.length > 0);
    const only = { ...plan, cases: needing };
    const executor = deadExecutor();
    const result = await runFuzz(only, executor, { concurrency: 1 });
    expect(executor.provided).toBe(5);
    expect(result.harnessErrors).toHaveLength(needing.length);
    expect(result.harnessErrors.at(-1)).toMatch(/not sent after 5 failures: could not create/);
    expect(result.statuses.size).toBe(0);
  });
});

describe("runFuzz against a target that stops answering", () => {
  it("sends no more cases after five answered nothing", async () => {
    const spec = await loadSpec();
    const plan = planFuzz(spec, { seed: 1, runs: 2 });
    const free = { ...plan, cases: plan.cases.filter((entry) => entry.needs.length === 0) };
    let sent = 0;
    const executor: FuzzExecutor = {
      accountSid: "AC0",
      provide: async () => ({ service: "IS0" }),
      async send(request) {
        sent += 1;
        const recorded = { method: "GET" as const, url: request.path, headers: {} };
        const transportError = { code: "UND_ERR_SOCKET", message: "other side closed" };
        return {
          request: { ...recorded, authenticated: true },
          transportError,
          elapsedMs: 1,
          retries: 0,
          sentAt: 0,
        };
      },
      snapshot: async () => ({}),
      release: async () => [],
      requestCount: () => sent,
    };
    const result = await runFuzz(free, executor, { concurrency: 1, shrink: false });
    expect(sent).toBe(5);
    expect(result.harnessErrors).toHaveLength(free.cases.length - 5);
    expect(result.harnessErrors[0]).toMatch(/not sent: the target answered none of the last 5/);
    expect(result.failures.map((group) => group.check)).toContain("not_a_server_error");
  });
});
