import { Ajv } from "ajv";
import type { ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyValue, describeSurfaces, onTheWire, planFuzz } from "../../src/fuzz/index.ts";
import type { FieldSurface, FuzzPlan, OperationSurface } from "../../src/fuzz/index.ts";
import { toAjvSchema } from "../../src/spec/openapi-schema.ts";
import type { SpecCatalog } from "../../src/spec/index.ts";
import { loadSpec } from "./support.ts";

let spec: SpecCatalog;
let surfaces: readonly OperationSurface[];

beforeAll(async () => {
  spec = await loadSpec();
  surfaces = describeSurfaces(spec).surfaces;
});

function field(operationId: string, name: string): FieldSurface {
  const found = surfaces
    .find((entry) => entry.operationId === operationId)
    ?.fields.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no field ${operationId}.${name}`);
  return found;
}

describe("classifyValue reads values as a form server does", () => {
  it("takes digits for an integer and true/false for a boolean", () => {
    expect(classifyValue(field("UpdateSyncMap", "Ttl"), "5", spec.limits).verdict).toBe("valid");
    expect(
      classifyValue(field("UpdateSyncMapPermission", "Read"), "true", spec.limits).verdict,
    ).toBe("valid");
    expect(
      classifyValue(field("UpdateSyncMapPermission", "Read"), "false", spec.limits).verdict,
    ).toBe("valid");
  });

  it("calls values only a lenient server coerces ambiguous, never invalid", () => {
    expect(classifyValue(field("UpdateSyncMap", "Ttl"), "5.0", spec.limits).verdict).toBe(
      "ambiguous",
    );
    expect(classifyValue(field("UpdateSyncMap", "Ttl"), " 5", spec.limits).verdict).toBe(
      "ambiguous",
    );
    expect(
      classifyValue(field("UpdateSyncMapPermission", "Read"), "TRUE", spec.limits).verdict,
    ).toBe("ambiguous");
  });

  it("calls values no server can read invalid", () => {
    expect(classifyValue(field("UpdateSyncMap", "Ttl"), "abc", spec.limits).verdict).toBe(
      "invalid",
    );
    expect(classifyValue(field("UpdateSyncMap", "Ttl"), "-1", spec.limits).verdict).toBe("invalid");
    expect(
      classifyValue(field("UpdateSyncMapPermission", "Read"), "maybe", spec.limits).verdict,
    ).toBe("invalid");
  });
});

const coercing = new Ajv({ coerceTypes: true, strict: false });
const validators = new Map<object, ValidateFunction>();

function coercingValidator(schema: object): ValidateFunction {
  const known = validators.get(schema);
  if (known !== undefined) return known;
  const compiled = coercing.compile(toAjvSchema(schema));
  validators.set(schema, compiled);
  return compiled;
}

/** An independent reading of "invalid on the wire": ajv's own type coercion on the decoded form. */
function validAfterEncoding(
  surface: OperationSurface,
  form: ReadonlyArray<readonly [string, string]>,
): boolean {
  const decoded = Object.fromEntries(onTheWire(form));
  for (const entry of surface.fields.filter((candidate) => candidate.location === "form")) {
    if (!(entry.name in decoded)) {
      if (entry.required) return false;
      continue;
    }
    if (entry.schema === undefined) {
      try {
        if (JSON.parse(decoded[entry.name] as string) === null) return false;
      } catch {
        return false;
      }
      continue;
    }
    if (!coercingValidator(entry.schema)(decoded[entry.name])) return false;
  }
  return true;
}

describe("the negative phase", () => {
  let plan: FuzzPlan;
  beforeAll(() => {
    plan = planFuzz(spec, { seed: 3, runs: 200, phases: ["negative"] });
  });

  it("never expects a refusal of input that is valid once form-encoded", () => {
    const refused = plan.cases.filter(
      (entry) => entry.expect === "refused" && entry.request.form !== undefined,
    );
    expect(refused.length).toBeGreaterThan(50);
    for (const entry of refused) {
      const surface = surfaces.find(
        (candidate) => candidate.operationId === entry.operationId,
      ) as OperationSurface;
      expect(validAfterEncoding(surface, entry.request.form ?? []), entry.description).toBe(false);
    }
  });

  it("reclassifies the integer sent as digits and the boolean sent as the string true", () => {
    const digits = plan.cases.filter((entry) => entry.kind === "Ttl/type string of digits");
    const word = plan.cases.filter((entry) => entry.kind === "Read/type string of a boolean");
    expect(digits.length).toBeGreaterThan(0);
    expect(word.length).toBeGreaterThan(0);
    for (const entry of [...digits, ...word]) {
      expect(entry.expect).not.toBe("refused");
      expect(entry.reason).toContain("reclassified");
    }
    expect(
      plan.cases.some((entry) => entry.kind === "Ttl/type string" && entry.expect === "refused"),
    ).toBe(true);
  });
});
