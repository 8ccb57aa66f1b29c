// Negative: a generated valid request with one schema mutation (a required field
// removed, a type changed, a constraint negated). Each is typed, form-encoded and
// classified on the wire by buildCase: a mutation that serialises to a valid value
// (the integer 5 sent as "5", the boolean true sent as "true") is reclassified,
// never expected to be refused.
import fc from "fast-check";
import type { OpenAPIV3 } from "openapi-types";
import { mixSeed } from "../arbitraries/index.ts";
import type { SpecLimits } from "../spec/index.ts";
import type { CaseDraft } from "./cases.ts";
import { changesFor, describeValues, sampleRequests } from "./positive.ts";
import type { TypedValues } from "./positive.ts";
import { forbiddenPattern } from "./surface.ts";
import type { FieldSurface, OperationSurface } from "./types.ts";

/** One mutation: its kind (for grouping) and what it does to the typed values. */
export interface Mutation {
  readonly kind: string;
  readonly description: string;
  apply(values: TypedValues): TypedValues;
}

export function mutationsOf(surface: OperationSurface): Mutation[] {
  return surface.fields.flatMap((field) => [
    ...(field.required ? [removal(field)] : []),
    ...typeChanges(field),
    ...negations(field),
  ]);
}

function removal(field: FieldSurface): Mutation {
  return {
    kind: `${field.name}/required removed`,
    description: `${field.name} removed`,
    apply: (values) =>
      Object.fromEntries(Object.entries(values).filter(([name]) => name !== field.name)),
  };
}

function setTo(field: FieldSurface, kind: string, description: string, value: unknown): Mutation {
  return {
    kind: `${field.name}/${kind}`,
    description: `${field.name} ${description}`,
    apply: (values) => ({ ...values, [field.name]: value }),
  };
}

/** Values of another JSON type; several of them serialise to something valid. */
function typeChanges(field: FieldSurface): Mutation[] {
  const type = field.schema?.type;
  if (type === undefined) return [];
  const changes: Mutation[] = [];
  if (type !== "string") changes.push(setTo(field, "type string", "as a word", "word"));
  if (type === "integer" || type === "number") {
    const valid = field.schema?.minimum ?? 5;
    changes.push(setTo(field, "type string of digits", `as the string "${valid}"`, String(valid)));
    changes.push(setTo(field, "type boolean", "as the boolean true", true));
  }
  if (type === "boolean") {
    changes.push(setTo(field, "type string of a boolean", 'as the string "true"', "true"));
    changes.push(setTo(field, "type integer", "as the integer 1", 1));
  }
  if (type === "string") changes.push(setTo(field, "type integer", "as the integer 5", 5));
  changes.push(setTo(field, "type array", "as the array [1, 2]", [1, 2]));
  changes.push(setTo(field, "type object", 'as the object {"a":1}', { a: 1 }));
  changes.push(setTo(field, "type null", "as null", null));
  return changes;
}

function negations(field: FieldSurface): Mutation[] {
  const schema: OpenAPIV3.SchemaObject = field.schema ?? {};
  const mutations: Mutation[] = [];
  if (schema.minimum !== undefined) {
    mutations.push(setTo(field, "below minimum", `${schema.minimum - 1}`, schema.minimum - 1));
  }
  if (schema.maximum !== undefined) {
    mutations.push(setTo(field, "above maximum", `${schema.maximum + 1}`, schema.maximum + 1));
  }
  if (schema.minLength !== undefined && schema.minLength > 0) {
    const short = "s".repeat(schema.minLength - 1);
    mutations.push(setTo(field, "below minLength", `of ${short.length} characters`, short));
  }
  if (schema.maxLength !== undefined) {
    const long = "l".repeat(schema.maxLength + 1);
    mutations.push(setTo(field, "above maxLength", `of ${long.length} characters`, long));
  }
  if (schema.enum !== undefined)
    mutations.push(setTo(field, "outside enum", "outside the enum", "zz"));
  const forbidden = forbiddenPattern(field);
  if (forbidden !== undefined) {
    const pattern = new RegExp(forbidden);
    const matching = fc.sample(fc.stringMatching(pattern), { seed: 1, numRuns: 1 })[0] ?? "";
    mutations.push(
      setTo(field, "matches forbidden pattern", "matching its forbidden pattern", matching),
    );
  }
  return mutations;
}

/**
 * `count` negative drafts: seeded picks of a valid request and a mutation. Every
 * mutation is used once before any repeats, so small budgets still spread.
 */
export function negativeDrafts(
  surface: OperationSurface,
  limits: SpecLimits,
  seed: number,
  count: number,
): CaseDraft[] {
  const mutations = mutationsOf(surface);
  if (mutations.length === 0 || count <= 0) return [];
  const bases = sampleRequests(surface, limits, seed, "negative", count);
  const order =
    fc.sample(fc.shuffledSubarray(mutations, { minLength: mutations.length }), {
      seed: mixSeed(seed, `${surface.operationId}/mutations`),
      numRuns: 1,
    })[0] ?? mutations;
  return bases.map((base, index) => {
    const mutation = order[index % order.length] as Mutation;
    const mutated = mutation.apply(base);
    return {
      phase: "negative",
      kind: mutation.kind,
      description: `${mutation.description}: ${describeValues(mutated)}`,
      changes: changesFor(surface, mutated),
      note: `mutation: ${mutation.description}`,
    };
  });
}
