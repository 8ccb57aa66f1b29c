// Runs statuses.fixture.ts through vitest with the reporters a real run uses (the
// collector, junit, allure-vitest) against the reference server with a planted fault,
// then writes what the CLI writes. Run in a child process: `node --import tsx drive.ts DIR`.
// Prints the exit status of the whole run and of the run without the broken behaviour.
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createVitest } from "vitest/node";
import { startReferenceServer } from "../../../fixtures/reference/index.ts";
import { faultById } from "../../../fixtures/faults/index.ts";
import { BehaviourCollector } from "../../../reporters/collector.ts";
import { writeReports } from "../../../reporters/html.ts";
import { buildSummary, exitCodeOf, writeSummary } from "../../../reporters/summary.ts";
import { loadCatalogue } from "../../../src/catalogue/catalogue.ts";
import type { ProvidedTarget } from "../../../src/vitest/target.ts";
import { BROKEN_ID, FAILING_ID, FAULT_ID } from "./ids.ts";

const reportDir = process.argv[2];
if (reportDir === undefined) throw new Error("usage: drive.ts REPORT_DIR");
const root = fileURLToPath(new URL("../../../", import.meta.url));

const server = await startReferenceServer({ fault: faultById(FAULT_ID) });
const target: ProvidedTarget = {
  baseUrl: server.url,
  accountSid: server.accountSid,
  authToken: server.authToken,
  serviceSid: server.serviceSid,
  runPrefix: "smc-statuses-",
  seed: 5,
  runs: 5,
  reportDir,
  requestTimeoutMs: 10_000,
  profile: "full",
  concurrency: 4,
  clients: 4,
  workers: 1,
};
const collector = new BehaviourCollector();
const startedAt = new Date();
const vitest = await createVitest(
  "test",
  {
    root,
    config: false,
    watch: false,
    include: ["test/reporters/statuses/statuses.fixture.ts"],
    fileParallelism: false,
    provide: { smcTarget: target },
    reporters: [
      collector,
      ["junit", { outputFile: `${reportDir}/junit.xml`, suiteName: "sync-map-conformance" }],
      ["allure-vitest/reporter", { resultsDir: `${reportDir}/allure-results` }],
    ],
  },
  { logLevel: "silent" },
  { stdout: new Writable({ write: (_chunk, _encoding, done) => done() }) },
);
try {
  await vitest.start();
} finally {
  await vitest.close();
  await server.close();
}

const ids = new Set([FAILING_ID, BROKEN_ID]);
const summaryOf = (keep: ReadonlySet<string>): ReturnType<typeof buildSummary> =>
  buildSummary({
    version: "0.1.0",
    baseUrl: server.url,
    embedded: true,
    profile: "full",
    seed: 5,
    runPrefix: target.runPrefix,
    specHash: "h",
    specSource: "spec/sync-map.openapi.yaml",
    specGaps: [],
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    catalogue: loadCatalogue().filter((entry) => keep.has(entry.id)),
    tests: collector.tests.filter((test) => keep.has(test.id)),
    extraRequests: 0,
    leaks: 0,
    harnessErrors: collector.unhandledErrors,
    interrupted: false,
  });
const summary = summaryOf(ids);
writeSummary(reportDir, summary);
writeReports(reportDir, summary);
const withoutBroken = summaryOf(new Set([FAILING_ID]));
process.stdout.write(
  `${JSON.stringify({ exitCode: exitCodeOf(summary, false), exitCodeWithoutBroken: exitCodeOf(withoutBroken, false) })}\n`,
);
process.exitCode = 0;
