// Runs behaviour definitions straight against a server, without vitest in between,
// so the meta-suite can try every planted fault in seconds.
import { randomBytes } from "node:crypto";
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";
import { runBehaviour, type BehaviourOutcome } from "../../src/behaviours/run.ts";
import { RequestBudget } from "../../src/http/budget.ts";
import { HttpClient, type RequestJournal } from "../../src/http/client.ts";
import { SyncMapApi } from "../../src/http/syncApi.ts";
import { loadSpec, type SpecCatalog } from "../../src/spec/index.ts";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import type { NetworkConditions } from "../../fixtures/reference/conditions.ts";
import type { Fault } from "../../fixtures/reference/types.ts";

let specPromise: Promise<SpecCatalog> | undefined;
/** Fixed, so a meta failure replays with the same generated inputs. */
const META_SEED = 20_261_127;
/** Sequences per model behaviour: as many as a default run, so it proves what users get. */
const META_RUNS = 25;

export interface MetaRunOptions {
  /** Judge by another OpenAPI document, as `--spec FILE` does; default: the project's own. */
  readonly spec?: SpecCatalog;
  /** Latency, a rate limit, a skewed clock on the server (as `serve --latency …`). */
  readonly conditions?: NetworkConditions;
  /** Requests in flight at once, through the run's budget; default: no budget at all. */
  readonly concurrency?: number;
  /** --runs; default: a default run's. */
  readonly runs?: number;
  /** Done on the fresh server before the behaviours start (foreign data, say). */
  readonly setUp?: (api: SyncMapApi) => Promise<void>;
  /**
   * How long a behaviour may take before it is broken; default: a run's (120 s). Longer where
   * latency and a loaded machine slow every request and the claim is not about time.
   */
  readonly timeoutMs?: number;
  /** Told of every request sent (set-up's included). */
  readonly journal?: RequestJournal;
}

/** Every definition at once against a fresh reference server (with the fault, when given). */
export async function runOnServer(
  definitions: readonly BehaviourDefinition[],
  fault?: Fault,
  options: MetaRunOptions = {},
): Promise<BehaviourOutcome[]> {
  const spec = options.spec ?? (await (specPromise ??= loadSpec()));
  const server = await startReferenceServer({
    ...(fault === undefined ? {} : { fault }),
    ...(options.conditions === undefined ? {} : { conditions: options.conditions }),
  });
  const budget =
    options.concurrency === undefined
      ? undefined
      : new RequestBudget({ concurrency: options.concurrency });
  const client = new HttpClient({
    baseUrl: server.url,
    accountSid: server.accountSid,
    authToken: server.authToken,
    timeoutMs: 10_000,
    ...(budget === undefined ? {} : { budget }),
    ...(options.journal === undefined ? {} : { journal: options.journal }),
  });
  try {
    await options.setUp?.(new SyncMapApi(client, server.serviceSid));
    const runPrefix = `smc-meta-${randomBytes(3).toString("hex")}-`;
    const config = {
      accountSid: server.accountSid,
      serviceSid: server.serviceSid,
      runPrefix,
      seed: META_SEED,
      runs: options.runs ?? META_RUNS,
    };
    return await Promise.all(
      definitions.map((definition) =>
        runBehaviour(
          definition,
          { api: new SyncMapApi(client, server.serviceSid), spec, config },
          options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
        ),
      ),
    );
  } finally {
    await client.close();
    await server.close();
  }
}

export function describeOutcome(outcome: BehaviourOutcome): string {
  const lines = [
    `${outcome.id}: ${outcome.outcome}${outcome.brokenReason === undefined ? "" : ` (${outcome.brokenReason})`}`,
  ];
  for (const found of outcome.failures)
    lines.push(`  - ${found.title}: received ${found.received}; documented ${found.documented}`);
  return lines.join("\n");
}
