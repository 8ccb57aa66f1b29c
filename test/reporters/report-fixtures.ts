// Hand-made summaries the report tests render: a run with every kind of failure, hostile
// text a target could send, a baseline and a waiver; and a clean run.
import {
  BEHAVIOUR_STATUSES,
  SUMMARY_SCHEMA_VERSION,
  countTotals,
} from "../../reporters/summary.ts";
import type { RenderableBehaviour, RenderableSummary } from "../../reporters/render-shared.ts";

export const STATUSES = BEHAVIOUR_STATUSES;

export const CURL = [
  `curl -sS -i -X POST 'http://127.0.0.1:4010/v1/Services/IS00000000000000000000000000000000/Maps' -u "AC00000000000000000000000000000000:$TWILIO_AUTH_TOKEN" \\`,
  `  --data-urlencode 'Ttl=600' --data-urlencode 'CollectionTtl=1200'`,
  `# answered: 201 {"sid":"MP1","note":"<script>alert('repro')</script>","token":"[REDACTED]"}`,
].join("\n");

export function behaviour(
  partial: Partial<RenderableBehaviour> & Pick<RenderableBehaviour, "id" | "status">,
): RenderableBehaviour {
  return {
    level: "MUST",
    resource: "map",
    statement: `Statement of ${partial.id}.`,
    source: "seed map-resource; https://www.twilio.com/docs/sync/api/map-resource",
    failures: [],
    readings: [],
    requests: 3,
    durationMs: 12,
    ...partial,
  };
}

export function summaryOf(
  behaviours: readonly RenderableBehaviour[],
  extra: Partial<RenderableSummary> = {},
): RenderableSummary {
  const totals = countTotals(behaviours);
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: "sync-map-conformance", version: "0.1.0" },
    target: { baseUrl: "http://127.0.0.1:4010", embedded: false },
    profile: "full",
    seed: 42,
    runPrefix: "smc-abc123-def456-",
    spec: {
      hash: "0fdc51f03c9bbdd17232b8fe944f3fab93449e535d5b6ebe0f1e247de8014f1a",
      source: "/ci/vendor/twilio_sync_v1.json",
      gaps: [
        "declares no TwilioError schema: error bodies are checked against the built-in one (code, message, more_info, status)",
      ],
    },
    startedAt: "2026-11-27T05:25:45.792Z",
    durationMs: 14_989,
    totals,
    behaviours,
    readings: [],
    requests: 955,
    leaks: 0,
    harnessErrors: [],
    interrupted: false,
    ...extra,
  };
}

export const failing: readonly RenderableBehaviour[] = [
  behaviour({
    id: "MAP-CREATE-SID",
    status: "passed",
    readings: [{ topic: "map not-found code", reading: "54200" }],
  }),
  behaviour({
    id: "MAP-TTL-ALIAS-CREATE",
    status: "failed",
    change: "regressed",
    failures: [
      {
        message:
          "date_expires is off: received <script>alert(1)</script> | `600 s`; documented 1200 s",
        check: "expiry_derives_from_ttl",
        received: "<script>alert(1)</script> | `600 s`",
        documented: "1200 s",
        reproduction: CURL,
      },
      {
        message: "date_updated is off: received 2026-11-27T05:25:40Z; documented after the write",
        check: "date_updated_after_write",
        received: "2026-11-27T05:25:40Z",
        documented: "after the write",
      },
    ],
  }),
  behaviour({ id: "ITEM-KEY-UNICODE", resource: "item", status: "passed", change: "unchanged" }),
  behaviour({
    id: "ITEM-ETAG-QUOTED",
    resource: "item",
    level: "SHOULD",
    status: "warned",
    change: "still failing",
    failures: [
      {
        message: 'ETag is not quoted: received abc; documented "abc"',
        check: "etag_quoted",
        received: "abc",
        documented: '"abc"',
        reproduction:
          "curl -sS -i 'http://127.0.0.1:4010/v1/x'\n# ```\n# a fence inside the answer",
      },
    ],
  }),
  behaviour({
    id: "ITEM-TTL-EXPIRY",
    resource: "item",
    status: "skipped",
    skipReason: "not run: the run was interrupted",
  }),
  behaviour({ id: "PERM-UPSERT", resource: "permission", status: "passed", change: "fixed" }),
  behaviour({
    id: "PERM-FLAG-MISSING",
    resource: "permission",
    status: "waived",
    waiver: { reason: "our mock <b>always</b> fills missing flags", expires: "2027-01-31" },
    failures: [
      {
        message: "missing flag accepted: received 200; documented 400",
        check: "status_is",
        received: "200 with Authorization: Basic QUM6c2VjcmV0dG9rZW4= echoed",
        documented: "400",
        reproduction:
          "curl -sS -i -X POST 'http://127.0.0.1:4010/v1/p' -u \"AC1:$TWILIO_AUTH_TOKEN\"\n# token [REDACTED]",
      },
    ],
  }),
  behaviour({
    id: "SEQ-MAPS",
    resource: "map",
    status: "failed",
    change: "new",
    durationMs: 170,
    failures: [
      {
        message:
          'After 2 calls: The target disagrees with the model: received revision "ttl-0" again; documented a new revision',
        check: "model_property_holds",
        received: 'revision "ttl-0" again',
        documented: "a new revision",
        reproduction: `fast-check seed 617016125, path "6:3:1"\n1. CreateMap(no name)\n2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)\n${CURL}`,
        sequence: {
          seed: 617016125,
          path: "6:3:1",
          script: [
            "1. CreateMap(no name)",
            "2. UpdateMap(by sid, pick 0, ttl=0 via CollectionTtl)",
          ],
          file: "/tmp/reports/counterexamples/SEQ-MAPS-617016125.json",
        },
      },
    ],
  }),
  behaviour({ id: "SEQ-ITEMS", resource: "item", status: "passed" }),
];

export const withFailures = summaryOf(failing, {
  readings: [
    { topic: "map not-found code", readings: ["54200"] },
    { topic: "item key maximum length", readings: ["256", "320"] },
  ],
  baseline: {
    file: "baselines/main.json",
    regressed: ["MAP-TTL-ALIAS-CREATE"],
    fixed: ["PERM-UPSERT"],
  },
  harnessErrors: ["suites/maps/ttl.test.ts: <hook> timed out"],
  leaks: 1,
});

export const clean = summaryOf([
  behaviour({ id: "MAP-CREATE-SID", status: "passed" }),
  behaviour({ id: "ITEM-KEY-UNICODE", resource: "item", status: "passed" }),
  behaviour({ id: "PERM-UPSERT", resource: "permission", status: "passed" }),
  behaviour({ id: "SEQ-MAPS", status: "passed" }),
]);
