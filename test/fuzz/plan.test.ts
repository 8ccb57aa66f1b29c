import { beforeAll, describe, expect, it } from "vitest";
import { countByPhase, planFuzz } from "../../src/fuzz/index.ts";
import type { FuzzCase, FuzzPlan } from "../../src/fuzz/index.ts";
import { loadSpec, TTL_MAX_FOR_TEST } from "./support.ts";
import type { SpecCatalog } from "../../src/spec/index.ts";

let spec: SpecCatalog;
let plan: FuzzPlan;

beforeAll(async () => {
  spec = await loadSpec();
  plan = planFuzz(spec, { seed: 7, runs: 10 });
});

function coverage(operationId: string, field: string, value: string): FuzzCase {
  const found = plan.cases.find(
    (entry) =>
      entry.phase === "coverage" &&
      entry.operationId === operationId &&
      entry.kind.startsWith(`${field}/`) &&
      [...entry.request.query, ...(entry.request.form ?? [])].some(
        ([name, sent]) => name === field && sent === value,
      ),
  );
  if (found === undefined) throw new Error(`no coverage case ${operationId} ${field}=${value}`);
  return found;
}

describe("planFuzz on our document", () => {
  it("derives the ttl bounds: -1 and TTL_MAX + 1 refused, 0 and TTL_MAX accepted", () => {
    for (const field of ["Ttl", "ItemTtl", "CollectionTtl"]) {
      expect(coverage("CreateSyncMapItem", field, "-1").expect).toBe("refused");
      expect(coverage("CreateSyncMapItem", field, String(TTL_MAX_FOR_TEST + 1)).expect).toBe(
        "refused",
      );
      expect(coverage("CreateSyncMapItem", field, "0").expect).toBe("accepted");
      expect(coverage("CreateSyncMapItem", field, String(TTL_MAX_FOR_TEST)).expect).toBe(
        "accepted",
      );
    }
    expect(coverage("UpdateSyncMap", "Ttl", "31536001").expect).toBe("refused");
  });

  it("derives PageSize boundaries from the schema and every documented reading", () => {
    expect(coverage("ListSyncMapItem", "PageSize", "0").expect).toBe("refused");
    expect(coverage("ListSyncMapItem", "PageSize", "1").expect).toBe("accepted");
    expect(coverage("ListSyncMapItem", "PageSize", "100").expect).toBe("accepted");
    for (const open of ["101", "1000", "1001"]) {
      expect(coverage("ListSyncMapItem", "PageSize", open).expect).toBe("either");
    }
  });

  it("sends every enum member, one value outside, wrong types and missing required fields", () => {
    expect(coverage("ListSyncMapItem", "Order", "asc").expect).toBe("accepted");
    expect(coverage("ListSyncMapItem", "Order", "desc").expect).toBe("accepted");
    expect(coverage("ListSyncMapItem", "Bounds", "exclusive").expect).toBe("accepted");
    expect(coverage("ListSyncMapItem", "Bounds", "not-a-member").expect).toBe("refused");
    expect(coverage("ListSyncMap", "PageSize", "abc").expect).toBe("refused");
    expect(coverage("UpdateSyncMapPermission", "Read", "maybe").expect).toBe("refused");
    const missing = plan.cases
      .filter((entry) => entry.kind.endsWith("/missing"))
      .map((entry) => entry.kind);
    expect(new Set(missing)).toEqual(
      new Set(["Key/missing", "Data/missing", "Read/missing", "Write/missing", "Manage/missing"]),
    );
    const expected = (kind: string) => plan.cases.find((entry) => entry.kind === kind)?.expect;
    expect(["Key/missing", "Data/missing"].map(expected)).toEqual(["refused", "refused"]);
    // Required and false by default at once: refused or stored as false are both readings.
    expect(["Read/missing", "Write/missing", "Manage/missing"].map(expected)).toEqual([
      "either",
      "either",
      "either",
    ]);
  });

  it("keeps the key length readings apart: 256 accepted, 257 to 320 open, 321 refused", () => {
    const byLength = (length: number) =>
      coverage(
        "CreateSyncMapItem",
        "Key",
        plan.cases
          .flatMap((entry) => entry.request.form ?? [])
          .find(([name, value]) => name === "Key" && value.length === length)?.[1] ?? "?",
      ).expect;
    expect([byLength(256), byLength(257), byLength(320), byLength(321)]).toEqual([
      "accepted",
      "either",
      "either",
      "refused",
    ]);
  });

  it("sends lower-case names of the documented PascalCase ones as unknown parameters", () => {
    const renamed = plan.cases.find(
      (entry) => entry.operationId === "UpdateSyncMap" && entry.kind === "Ttl/lower-case name",
    );
    expect(renamed?.request.form).toContainEqual(["ttl", expect.any(String)]);
    expect(renamed?.expect).toBe("either");
  });

  it("covers all fourteen operations and bounds generated cases per operation by runs", () => {
    expect(plan.operations).toHaveLength(14);
    expect(plan.gaps).toEqual([
      "CreateSyncMapItem: no schema for Data (the documented rule is used)",
      "UpdateSyncMapItem: no schema for Data (the documented rule is used)",
    ]);
    for (const operationId of plan.operations) {
      const generated = plan.cases.filter(
        (entry) =>
          entry.operationId === operationId &&
          (entry.phase === "positive" || entry.phase === "negative"),
      );
      expect(generated.length).toBeLessThanOrEqual(10);
    }
    const counts = countByPhase(plan);
    expect(counts.coverage + counts.positive + counts.negative + counts.syntax).toBe(
      plan.cases.length,
    );
    expect(new Set(plan.cases.map((entry) => entry.id)).size).toBe(plan.cases.length);
  });

  it("plans the same cases from the same seed and other generated ones from another", () => {
    const generated = (seed: number) =>
      planFuzz(spec, { seed, runs: 10, phases: ["positive"] }).cases.map((entry) => entry.request);
    expect(generated(7)).toEqual(generated(7));
    expect(generated(7)).not.toEqual(generated(8));
  });

  it("grows only the generated phases with runs", () => {
    const small = countByPhase(planFuzz(spec, { seed: 1, runs: 2 }));
    const large = countByPhase(planFuzz(spec, { seed: 1, runs: 40 }));
    expect(large.coverage).toBe(small.coverage);
    expect(large.syntax).toBe(small.syntax);
    expect(large.positive + large.negative).toBeGreaterThan(small.positive + small.negative);
  });
});

describe("planFuzz and the HTTP-layer cases", () => {
  it("sends malformed paths and oversize bodies after every API case, or not at all", () => {
    const transport = plan.cases.filter((entry) => entry.transport === true);
    expect(new Set(transport.map((entry) => entry.kind))).toEqual(
      new Set(["oversize body", "path/%zz", "path/invalid UTF-8"]),
    );
    const firstTransport = plan.cases.findIndex((entry) => entry.transport === true);
    expect(plan.cases.slice(firstTransport).every((entry) => entry.transport === true)).toBe(true);
    const spared = planFuzz(spec, { seed: 7, runs: 10, transport: false });
    expect(spared.cases).toEqual(plan.cases.slice(0, firstTransport));
  });
});
