import { beforeAll, describe, expect, it } from "vitest";
import { planFuzz, runFuzz } from "../../src/fuzz/index.ts";
import type { FuzzPlan } from "../../src/fuzz/index.ts";
import type { SpecCatalog } from "../../src/spec/index.ts";
import type { Fault, ParsedRequest, Reply } from "../../fixtures/reference/index.ts";
import { executorFor, fault, loadSpec, withServer } from "./support.ts";

let spec: SpecCatalog;

beforeAll(async () => {
  spec = await loadSpec();
});

describe("runFuzz against the reference server", () => {
  it("sends every case of a small plan and finds nothing", async () => {
    const plan = planFuzz(spec, { seed: 11, runs: 4 });
    const result = await withServer({}, (server) => runFuzz(plan, executorFor(server)));
    expect(result.harnessErrors).toEqual([]);
    expect(result.cases).toBe(plan.cases.length);
    expect(Object.values(result.casesByPhase).reduce((sum, count) => sum + count, 0)).toBe(
      plan.cases.length,
    );
    expect(result.requests).toBeGreaterThan(plan.cases.length);
    expect(result.checks["not_a_server_error"]?.passed).toBeGreaterThan(0);
    expect(result.checks["invalid_input_is_not_applied"]?.passed).toBeGreaterThan(0);
    // Deep nesting (a 500) and 1e400 (stored as null) were found here and fixed at the
    // cause in fixtures/reference/json.ts and params.ts; test/reference/hardening.test.ts.
    expect(result.failures.map((group) => group.key)).toEqual([]);
  }, 180_000);
});

function only(plan: FuzzPlan, operationId: string): FuzzPlan {
  return { ...plan, cases: plan.cases.filter((entry) => entry.operationId === operationId) };
}

function withForm(request: ParsedRequest, form: Record<string, string>): ParsedRequest {
  return { ...request, form: new URLSearchParams(form) };
}

const isMapUpdate = (request: ParsedRequest) =>
  request.method === "POST" && request.segments.length === 5;
const isItemList = (request: ParsedRequest) =>
  request.method === "GET" && request.segments.at(-1) === "Items";
const ttlIs = (request: ParsedRequest, value: string) => request.form.get("Ttl") === value;

const serverError = (): Reply => ({
  status: 500,
  body: {
    code: 20500,
    message: "stack",
    more_info: "https://www.twilio.com/docs/errors/20500",
    status: 500,
  },
});
const badRequest = (): Reply => ({
  status: 400,
  body: {
    code: 20001,
    message: "no",
    more_info: "https://www.twilio.com/docs/errors/20001",
    status: 400,
  },
});

/** One planted fault per generic check, and the group the engine must report for it. */
/** What the engine must report for a planted fault: a group of this check holding this case. */
interface Expected {
  readonly check: string;
  readonly operationId: string;
  readonly status: string;
  readonly kind: string;
}

const PLANTED: ReadonlyArray<readonly [string, Fault, Expected]> = [
  [
    "CreateSyncMapItem",
    fault("deep-nesting-500", (request) =>
      (request.form.get("Data") ?? "").startsWith("[[[[[[[[") ? serverError() : undefined,
    ),
    {
      check: "not_a_server_error",
      operationId: "CreateSyncMapItem",
      status: "500",
      kind: "Data/5,000 nested arrays",
    },
  ],
  [
    "CreateSyncMapItem",
    fault("huge-number-null", (request, next) => {
      const data = request.form.get("Data") ?? "";
      if (!data.includes("1e400")) return undefined;
      const form = new URLSearchParams(request.form);
      form.set("Data", data.replaceAll("1e400", "null"));
      return next({ ...request, form });
    }),
    {
      check: "written_data_is_echoed",
      operationId: "CreateSyncMapItem",
      status: "201",
      kind: "Data/number beyond a double",
    },
  ],
  [
    "UpdateSyncMap",
    fault("negative-ttl-stored", (request, next) =>
      isMapUpdate(request) && ttlIs(request, "-1")
        ? next(withForm(request, { Ttl: "60" }))
        : undefined,
    ),
    {
      check: "invalid_input_is_refused",
      operationId: "UpdateSyncMap",
      status: "200",
      kind: "Ttl/minimum - 1",
    },
  ],
  [
    "UpdateSyncMap",
    fault("refused-but-stored", (request, next) => {
      if (!isMapUpdate(request) || !ttlIs(request, "31536001")) return undefined;
      next(withForm(request, { Ttl: "60" }));
      return badRequest();
    }),
    {
      check: "invalid_input_is_not_applied",
      operationId: "UpdateSyncMap",
      status: "400",
      kind: "Ttl/maximum + 1",
    },
  ],
  [
    "ListSyncMapItem",
    fault("desc-refused", (request) =>
      isItemList(request) && request.query.get("Order") === "desc" ? badRequest() : undefined,
    ),
    {
      check: "valid_input_is_accepted",
      operationId: "ListSyncMapItem",
      status: "400",
      kind: "Order/enum member",
    },
  ],
  [
    "ListSyncMapItem",
    fault("teapot", (request) =>
      isItemList(request) && request.query.get("PageSize") === "1"
        ? { status: 418, body: {} }
        : undefined,
    ),
    {
      check: "status_is_documented_for_operation",
      operationId: "ListSyncMapItem",
      status: "418",
      kind: "PageSize/minimum",
    },
  ],
  [
    "ListSyncMapItem",
    fault("meta-dropped", (request, next) => {
      const reply = next(request);
      if (!isItemList(request) || request.query.get("Bounds") !== "exclusive") return reply;
      return { ...reply, body: { items: [] } };
    }),
    {
      check: "response_matches_schema",
      operationId: "ListSyncMapItem",
      status: "200",
      kind: "Bounds/enum member",
    },
  ],
];

describe("runFuzz against planted faults", () => {
  const cases = PLANTED.map(([operationId, planted, expected]) => ({
    operationId,
    planted,
    expected,
  }));
  it.each(cases)(
    "$planted.id on $operationId is reported by $expected.check",
    async (entry) => {
      const { operationId, planted, expected } = entry;
      const plan = only(
        planFuzz(spec, { seed: 5, runs: 2, phases: ["coverage", "syntax"] }),
        operationId,
      );
      const result = await withServer({ fault: planted }, (server) =>
        runFuzz(plan, executorFor(server)),
      );
      const group = result.failures.find(
        (candidate) =>
          candidate.check === expected.check &&
          candidate.status === expected.status &&
          candidate.members.some(
            (member) =>
              member.fuzzCase.operationId === expected.operationId &&
              member.fuzzCase.kind === expected.kind,
          ),
      );
      expect(group, result.failures.map((found) => found.key).join("\n")).toBeDefined();
      expect(group?.failure.reproduction).toContain("$TWILIO_AUTH_TOKEN");
      // One defect, one failure: no second group of the same check for the fault.
      expect(result.failures.filter((found) => found.check === expected.check)).toHaveLength(1);
    },
    120_000,
  );
});
