// Positive: valid requests generated from each field's schema with fast-check, seeded,
// typed first and form-encoded last, like a client library would send them.
import fc from "fast-check";
import { itemKeyArbitrary, jsonDataArbitrary, mixSeed } from "../arbitraries/index.ts";
import type { SpecLimits } from "../spec/index.ts";
import type { CaseDraft, Change } from "./cases.ts";
import { DATA_FIELD } from "./domain.ts";
import { forbiddenPattern } from "./surface.ts";
import type { FieldSurface, OperationSurface } from "./types.ts";

/** A typed request: field name to the value a client holds before encoding. */
export type TypedValues = Readonly<Record<string, unknown>>;

/** Longer strings add nothing to a valid-input check but bytes. */
const GENERATED_STRING_MAX = 32;

export function fieldArbitrary(field: FieldSurface, limits: SpecLimits): fc.Arbitrary<unknown> {
  if (field.name === DATA_FIELD) return jsonDataArbitrary().map((data) => JSON.stringify(data));
  if (field.name === "Key") return itemKeyArbitrary(limits);
  const schema = field.schema ?? {};
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number":
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1_000_000 });
    case "string":
      return stringArbitrary(schema.minLength ?? 0, schema.maxLength, forbiddenPattern(field));
    default:
      return fc.string({ maxLength: GENERATED_STRING_MAX });
  }
}

function stringArbitrary(min: number, max: number | undefined, forbidden: string | undefined) {
  const upper = Math.max(min, Math.min(max ?? GENERATED_STRING_MAX, GENERATED_STRING_MAX));
  const text = fc.string({ minLength: Math.max(min, 1), maxLength: upper });
  return forbidden === undefined
    ? text
    : text.filter((value) => !new RegExp(forbidden).test(value));
}

/** Required fields always, optional ones sometimes. */
export function requestArbitrary(
  surface: OperationSurface,
  limits: SpecLimits,
): fc.Arbitrary<TypedValues> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of surface.fields.filter(isGenerated))
    model[field.name] = fieldArbitrary(field, limits);
  const requiredKeys = surface.fields.filter((field) => field.required).map((field) => field.name);
  return fc.record(model, { requiredKeys });
}

/** A PageToken only means something when the server issued it: generating one tests nothing. */
function isGenerated(field: FieldSurface): boolean {
  return field.name !== "PageToken";
}

/** How a form encoder writes a typed value: arrays repeat the name, the rest is String(). */
export function encodeValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((entry) => encodeScalar(entry));
  return [encodeScalar(value)];
}

function encodeScalar(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Every field of the operation set from the typed values (absent ones left out). */
export function changesFor(surface: OperationSurface, values: TypedValues): Change[] {
  const changes: Change[] = [];
  for (const field of surface.fields) {
    if (!(field.name in values)) {
      changes.push({ field, missing: true });
      continue;
    }
    const [first, ...rest] = encodeValue(values[field.name]);
    changes.push({ field, value: first ?? "" });
    if (rest.length > 0) {
      changes.push({
        extra: rest.map((value) => [field.name, value] as const),
        location: field.location,
      });
    }
  }
  return changes;
}

export function sampleRequests(
  surface: OperationSurface,
  limits: SpecLimits,
  seed: number,
  label: string,
  count: number,
): TypedValues[] {
  if (count <= 0) return [];
  const arbitrary = requestArbitrary(surface, limits);
  return fc.sample(arbitrary, {
    seed: mixSeed(seed, `${surface.operationId}/${label}`),
    numRuns: count,
  });
}

export function positiveDrafts(
  surface: OperationSurface,
  limits: SpecLimits,
  seed: number,
  count: number,
): CaseDraft[] {
  return sampleRequests(surface, limits, seed, "positive", count).map((values) => ({
    phase: "positive",
    kind: "generated valid request",
    description: `generated: ${describeValues(values)}`,
    changes: changesFor(surface, values),
  }));
}

export function describeValues(values: TypedValues): string {
  const text = JSON.stringify(values);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
