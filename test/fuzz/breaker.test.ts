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
