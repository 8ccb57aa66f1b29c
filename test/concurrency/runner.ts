// Runs concurrent behaviour definitions against a fresh reference server (clean, faulted or a
// documented variant) with a chosen --runs and --seed: the meta-suite's concurrency tests and
// `npm run bench:races` (stability, runs before a race is caught) share it.
import { randomBytes } from "node:crypto";
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";
import { runBehaviour, type BehaviourOutcome } from "../../src/behaviours/run.ts";
import { HttpClient } from "../../src/http/client.ts";
import { SyncMapApi } from "../../src/http/syncApi.ts";
import { loadSpec, type SpecCatalog } from "../../src/spec/index.ts";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import type { Fault } from "../../fixtures/reference/types.ts";
import { concurrencyGroups } from "../../suites/concurrency/index.ts";

export const concurrentBehaviours: readonly BehaviourDefinition[] = concurrencyGroups.flatMap(
  (group) => group.definitions,
);

export function concurrentBehaviour(id: string): BehaviourDefinition {
  const found = concurrentBehaviours.find((definition) => definition.id === id);
  if (found === undefined) throw new Error(`no concurrent behaviour ${id}`);
  return found;
}

let spec: Promise<SpecCatalog> | undefined;

export interface ConcurrentRunOptions {
  readonly fault?: Fault;
  readonly runs: number;
  readonly seed: number;
  readonly artefactDir?: string;
  /** Several behaviours side by side (as a run does), or one after another. */
  readonly parallel?: boolean;
}

export async function runConcurrent(
  definitions: readonly BehaviourDefinition[],
  options: ConcurrentRunOptions,
): Promise<BehaviourOutcome[]> {
  const server = await startReferenceServer(
    options.fault === undefined ? {} : { fault: options.fault },
  );
  const client = new HttpClient({
    baseUrl: server.url,
    accountSid: server.accountSid,
    authToken: server.authToken,
    timeoutMs: 10_000,
    connections: 16,
  });
  const environment = {
    api: new SyncMapApi(client, server.serviceSid),
    spec: await (spec ??= loadSpec()),
    config: {
      accountSid: server.accountSid,
      serviceSid: server.serviceSid,
      runPrefix: `smc-conc-${randomBytes(3).toString("hex")}-`,
      seed: options.seed,
      runs: options.runs,
      ...(options.artefactDir === undefined ? {} : { artefactDir: options.artefactDir }),
    },
  };
  const one = (definition: BehaviourDefinition) =>
    runBehaviour(
      definition,
      { ...environment, api: new SyncMapApi(client, server.serviceSid) },
      { timeoutMs: 600_000 },
    );
  try {
    if (options.parallel !== false) return await Promise.all(definitions.map(one));
    const outcomes: BehaviourOutcome[] = [];
    for (const definition of definitions) outcomes.push(await one(definition));
    return outcomes;
  } finally {
    await client.close();
    await server.close();
  }
}
