// The renderers over a summary built from a real (small) run: a few behaviours against
// the reference server with a planted fault, straight through runBehaviour and
// buildSummary, so what the pages show is what the harness really produces.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/catalogue/catalogue.ts";
import { runBehaviour } from "../../src/behaviours/run.ts";
import { HttpClient } from "../../src/http/client.ts";
import { SyncMapApi } from "../../src/http/syncApi.ts";
import { loadSpec } from "../../src/spec/index.ts";
import { allBehaviours } from "../../suites/index.ts";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import { faultById } from "../../fixtures/faults/index.ts";
import { BEHAVIOUR_STATUSES, buildSummary, type Summary } from "../../reporters/summary.ts";
import { renderHtml } from "../../reporters/html.ts";
import { renderMarkdown } from "../../reporters/markdown.ts";
import { expectValidSummary } from "../support/summary-schema.ts";

const IDS = ["AUTH-REQUIRED", "MAP-DELETE-BY-NAME", "MAP-TTL-ALIAS-CREATE", "SEQ-MAPS"];
const FAULT = "map-ttl-alias-wins-on-create";

let summary: Summary;
let authToken: string;
const reportDir = mkdtempSync(join(tmpdir(), "smc-real-run-"));

beforeAll(async () => {
  const fault = faultById(FAULT);
  if (fault === undefined)
    throw new Error(`planted fault ${FAULT} is gone; pick another that trips MAP-TTL-ALIAS-CREATE`);
  const spec = await loadSpec();
  const server = await startReferenceServer({ fault });
  authToken = server.authToken;
  const client = new HttpClient({
    baseUrl: server.url,
    accountSid: server.accountSid,
    authToken: server.authToken,
    timeoutMs: 10_000,
  });
  const startedAt = new Date();
  try {
    const config = {
      accountSid: server.accountSid,
      serviceSid: server.serviceSid,
      runPrefix: "smc-report-",
      seed: 7,
      runs: 10,
      artefactDir: reportDir,
    };
    const definitions = allBehaviours.filter((definition) => IDS.includes(definition.id));
    const outcomes = await Promise.all(
      definitions.map((definition) =>
        runBehaviour(definition, { api: new SyncMapApi(client, server.serviceSid), spec, config }),
      ),
    );
    summary = buildSummary({
      version: "0.1.0",
      baseUrl: server.url,
      embedded: true,
      profile: "full",
      seed: 7,
      runPrefix: config.runPrefix,
      specHash: spec.hash,
      specSource: "spec/sync-map.openapi.yaml",
      specGaps: [],
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      catalogue: loadCatalogue().filter((entry) => IDS.includes(entry.id)),
      tests: outcomes.map((outcome) => ({
        id: outcome.id,
        state: outcome.outcome === "passed" ? "passed" : "failed",
        meta: outcome,
        errors: [],
      })),
      extraRequests: 0,
      leaks: 0,
      harnessErrors: [],
      interrupted: false,
    });
  } finally {
    await client.close();
    await server.close();
  }
}, 60_000);

afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

describe("reports of a real run with a planted fault", () => {
  it("show the failing behaviours, their reproductions and the shrunk script, and the counts match the totals", () => {
    const html = renderHtml(summary);
    expect(summary.totals.failed).toBeGreaterThanOrEqual(1);
    const rowStatuses = [
      ...html.matchAll(/<tr [^>]*data-behaviour-id="([^"]*)" data-status="([^"]*)"/g),
    ].map((match) => [match[1], match[2]]);
    expect(rowStatuses.map(([id]) => id).sort()).toEqual([...IDS].sort());
    expectValidSummary(summary);
    for (const status of BEHAVIOUR_STATUSES) {
      expect(rowStatuses.filter(([, found]) => found === status).length).toBe(
        summary.totals[status],
      );
      expect(html).toContain(`data-total="${status}">${summary.totals[status]}<`);
    }
    expect(rowStatuses).toContainEqual(["MAP-TTL-ALIAS-CREATE", "failed"]);
    const reproductions = summary.behaviours.flatMap((behaviour) =>
      behaviour.failures.filter((failure) => failure.reproduction !== undefined),
    );
    expect(html.match(/<pre class="reproduction">/g)?.length).toBe(reproductions.length);
    const sequence = summary.behaviours.find((behaviour) => behaviour.id === "SEQ-MAPS")
      ?.failures[0]?.sequence;
    expect(sequence, "SEQ-MAPS trips on the planted fault too").toBeDefined();
    expect(html).toContain(`<code data-sequence="seed">${sequence?.seed}</code>`);
    expect(renderMarkdown(summary)).toContain(
      `Shrunk script:\n\n\`\`\`text\n${sequence?.script.join("\n")}\n\`\`\``,
    );
  });

  it("name the reading the target follows", () => {
    expect(renderMarkdown(summary)).toContain(
      "| map not-found code | `54200` | `MAP-DELETE-BY-NAME` |",
    );
  });

  it("never carry the auth token or a credential header", () => {
    for (const page of [renderHtml(summary), renderMarkdown(summary)]) {
      expect(page).toContain("$TWILIO_AUTH_TOKEN");
      expect(page).not.toContain(authToken);
      expect(page).not.toMatch(/Authorization:\s*Basic/i);
    }
  });
});
