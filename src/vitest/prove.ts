// Turns behaviour definitions into vitest tests: one test per behaviour, titled with
// its id and statement, its result carried to the reporters in task.meta.
//
// How a test ends is what Allure and JUnit show: a MUST the target fails throws an
// AssertionError (Allure "failed", red), a behaviour the harness could not judge throws a
// HarnessError (Allure "broken", yellow). allure-vitest tells them apart by the error's
// name and message (allure-js-commons `getStatusFromError`: "assert" in either means
// failed), so only a harness error whose own reason says "assert" could show as failed.
import { AssertionError } from "node:assert";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import * as allure from "allure-js-commons";
import type { BehaviourDefinition } from "../behaviours/define.ts";
import { runBehaviour, type BehaviourOutcome } from "../behaviours/run.ts";
import type { BehaviourEnvironment } from "../behaviours/context.ts";
import { loadCatalogue, type BehaviourEntry } from "../catalogue/catalogue.ts";
import { isLoopback } from "../config/config.ts";
import { RequestBudget } from "../http/budget.ts";
import { HttpClient } from "../http/client.ts";
import { connectSharedSlots } from "../http/shared-slots.ts";
import { Journal } from "../run/journal.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import { HarnessError } from "../errors.ts";
import { loadSpec } from "../spec/index.ts";
import type { SpecCatalog } from "../spec/index.ts";
import { formatOutcome } from "./format.ts";
import type { BehaviourMeta, ProvidedTarget } from "./target.ts";

const FEATURE_OF_RESOURCE = {
  map: "Maps",
  item: "Map Items",
  permission: "Map Permissions",
  api: "Every operation",
} as const;

// The CLI runs every file in one worker without isolation: compile the spec and read
// the catalogue once per worker, not once per file.
const specs = new Map<string, Promise<SpecCatalog>>();
function specFor(file: string | undefined): Promise<SpecCatalog> {
  const key = file ?? "";
  let spec = specs.get(key);
  if (spec === undefined) {
    spec = loadSpec(file);
    specs.set(key, spec);
  }
  return spec;
}
let catalogueById: Map<string, BehaviourEntry> | undefined;

// One budget per worker, shared by every file it proves: --max-rps is split evenly between
// the workers, and a map belongs to one behaviour, so to one worker. The slots in flight are
// the run's shared ones when the CLI offers them (a distant target), else a fixed share.
let workerBudget: Promise<RequestBudget> | undefined;
function budgetFor(target: ProvidedTarget): Promise<RequestBudget> {
  workerBudget ??= newBudget(target);
  return workerBudget;
}

async function newBudget(target: ProvidedTarget): Promise<RequestBudget> {
  const workers = Math.max(1, target.workers);
  const concurrency = Math.max(1, Math.ceil(target.concurrency / workers));
  return new RequestBudget({
    concurrency,
    ...(target.sharedSlots === undefined
      ? {}
      : { slots: await connectSharedSlots(target.sharedSlots, target.concurrency) }),
    // The documented per-object limits are the service's: a loopback target (the embedded
    // server, a mock in CI) is hit as hard as the concurrency allows, and a 429 it sends
    // anyway still teaches the budget a rate.
    ...(isLoopback(target.baseUrl) ? { perMap: false as const } : {}),
    ...(target.maxRps === undefined ? {} : { maxRps: Math.max(1, target.maxRps / workers) }),
  });
}

export function proveBehaviours(title: string, definitions: readonly BehaviourDefinition[]): void {
  const entries = inject("smcTarget").catalogue ?? loadCatalogue();
  const catalogue = (catalogueById ??= new Map(entries.map((entry) => [entry.id, entry])));
  describe(title, () => {
    let client: HttpClient | undefined;
    let spec: SpecCatalog | undefined;

    beforeAll(async () => {
      const target = inject("smcTarget");
      spec = await specFor(target.specFile);
      client = new HttpClient({
        baseUrl: target.baseUrl,
        accountSid: target.accountSid,
        authToken: target.authToken,
        timeoutMs: target.requestTimeoutMs,
        budget: await budgetFor(target),
        ...(target.journalFile === undefined ? {} : { journal: new Journal(target.journalFile) }),
      });
    });
    afterAll(async () => {
      await client?.close();
    });

    const { profile } = inject("smcTarget");
    for (const definition of definitions) {
      const entry = catalogue.get(definition.id);
      if (entry === undefined)
        throw new Error(
          `behaviour ${definition.id} is not in the catalogue (spec/behaviours/*.yaml)`,
        );
      const title = `${entry.id}: ${entry.statement}`;
      // Outside the profile: vitest reports it skipped and no request is sent; the
      // summary names the reason from the catalogue.
      if (!entry.profiles.includes(profile)) {
        it.skip(title);
        continue;
      }
      it(title, async (context) => {
        if (client === undefined || spec === undefined) {
          throw new HarnessError("SMC_ERR_INTERNAL", "the target was not set up");
        }
        const target = inject("smcTarget");
        const environment: BehaviourEnvironment = {
          api: new SyncMapApi(client, target.serviceSid),
          spec,
          config: {
            accountSid: target.accountSid,
            serviceSid: target.serviceSid,
            runPrefix: target.runPrefix,
            seed: target.seed,
            runs: target.runs,
            clients: target.clients,
            ...(target.fuzzRuns === undefined ? {} : { fuzzRuns: target.fuzzRuns }),
            profile: target.profile,
            artefactDir: target.reportDir,
          },
        };
        await labelForAllure(entry);
        const outcome = await runBehaviour(definition, environment);
        context.task.meta.smcBehaviour = toMeta(outcome);
        await attachFailures(outcome);
        if (outcome.outcome === "skipped") {
          context.skip(outcome.skipReason);
          return;
        }
        if (outcome.outcome === "broken") throw harnessErrorOf(entry, outcome);
        // A SHOULD that fails is a warning: it stays green in vitest and is "warned" in the
        // summary.
        if (outcome.outcome === "failed" && entry.level === "MUST") {
          throw new AssertionError({ message: formatOutcome(entry, outcome) });
        }
        if (outcome.outcome === "failed")
          context.annotate(formatOutcome(entry, outcome), "warning");
      });
    }
  });
}

/** The harness could not judge the behaviour: Allure "broken", never the target's failure. */
function harnessErrorOf(entry: BehaviourEntry, outcome: BehaviourOutcome): HarnessError {
  const reason = outcome.brokenReason ?? "unknown";
  return new HarnessError("SMC_ERR_INTERNAL", `harness could not finish ${entry.id}: ${reason}`);
}

function toMeta(outcome: BehaviourOutcome): BehaviourMeta {
  return {
    id: outcome.id,
    outcome: outcome.outcome,
    failures: outcome.failures.map((found) => ({ ...found })),
    readings: outcome.readings.map((reading) => ({ ...reading })),
    requests: outcome.requests,
    throttled: outcome.throttled,
    leakedSids: [...outcome.leakedSids],
    durationMs: outcome.durationMs,
    ...(outcome.brokenReason === undefined ? {} : { brokenReason: outcome.brokenReason }),
    ...(outcome.skipReason === undefined ? {} : { skipReason: outcome.skipReason }),
  };
}

async function labelForAllure(entry: BehaviourEntry): Promise<void> {
  await allure.feature(FEATURE_OF_RESOURCE[entry.resource]);
  await allure.story(entry.id);
  await allure.severity(entry.level === "MUST" ? "critical" : "normal");
  await allure.description(`${entry.statement}\n\nSource: ${entry.source}`);
  for (const url of entry.source.match(/https?:\/\/[^\s;,)]+/g) ?? []) await allure.link(url, url);
}

/** Per failure: the verdict, then the request, the response and the curl on their own. */
async function attachFailures(outcome: BehaviourOutcome): Promise<void> {
  for (const [index, found] of outcome.failures.entries()) {
    const label = `failure ${index + 1}`;
    const text = `${found.title}\nReceived:   ${found.received}\nDocumented: ${found.documented}\n${found.reproduction === undefined ? "" : `\nReproduce with:\n${found.reproduction}\n`}`;
    await allure.attachment(`${label}: ${found.check}`, text, "text/plain");
    if (found.evidence !== undefined) {
      await allure.attachment(`${label}: request`, found.evidence.request, "text/plain");
      await allure.attachment(`${label}: response`, found.evidence.response, "text/plain");
    }
    if (found.reproduction !== undefined)
      await allure.attachment(`${label}: curl`, found.reproduction, "text/plain");
  }
}
