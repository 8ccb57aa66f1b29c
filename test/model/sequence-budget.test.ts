// A slow target can leave a sequence behaviour less time than its histories need: it stops
// at its time budget, and the run says how many histories it checked of how many it asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { behaviour } from "../../src/behaviours/define.ts";
import { runBehaviour } from "../../src/behaviours/run.ts";
import { HISTORIES_CHECKED_TOPIC, proveBySequences } from "../../src/behaviours/sequences.ts";
import { HttpClient } from "../../src/http/client.ts";
import { SyncMapApi } from "../../src/http/syncApi.ts";
import { mapCommandArbitraries } from "../../src/model/commands/maps.ts";
import { loadSpec, type SpecCatalog } from "../../src/spec/index.ts";
import { startReferenceServer, type RunningServer } from "../../fixtures/reference/index.ts";

describe("a sequence behaviour's time budget", () => {
  let server: RunningServer;
  let client: HttpClient;
  let spec: SpecCatalog;
  beforeAll(async () => {
    spec = await loadSpec();
    server = await startReferenceServer();
    client = new HttpClient({
      baseUrl: server.url,
      accountSid: server.accountSid,
      authToken: server.authToken,
      timeoutMs: 10_000,
    });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  const run = (runs: number, timeBudgetMs?: number) =>
    runBehaviour(
      behaviour("SEQ-MAPS", (t) =>
        proveBySequences(t, {
          arbitraries: mapCommandArbitraries(),
          maxCommands: 8,
          lanes: 2,
          ...(timeBudgetMs === undefined ? {} : { timeBudgetMs }),
        }),
      ),
      {
        api: new SyncMapApi(client, server.serviceSid),
        spec,
        config: {
          accountSid: server.accountSid,
          serviceSid: server.serviceSid,
          runPrefix: "smc-budget-",
          seed: 7,
          runs,
        },
      },
    );

  it("is not mentioned when every history asked for was checked", async () => {
    const outcome = await run(4);
    expect(outcome.outcome).toBe("passed");
    expect(outcome.readings.map((reading) => reading.topic)).not.toContain(HISTORIES_CHECKED_TOPIC);
  });

  it("is read out, checked of asked, when it ran out first", async () => {
    const outcome = await run(400, 1);
    expect(outcome.outcome).toBe("passed");
    const reading = outcome.readings.find((entry) => entry.topic === HISTORIES_CHECKED_TOPIC);
    expect(reading?.reading).toMatch(/^\d+ of 400$/);
    expect(Number(reading?.reading.split(" ")[0])).toBeLessThan(400);
  });
});
