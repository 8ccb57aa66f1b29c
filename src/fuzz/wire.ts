// Classifies a request as the server will see it: form-encode it, decode it again,
// coerce the strings as a form server does, and validate with ajv. Schemathesis'
// false alarm (a "negative" case that turns valid once serialised) cannot happen:
// only what is invalid on the wire is expected to be refused. Values one server
// coerces and a stricter one does not are `ambiguous`, never expected either way.
import type { ValidateFunction } from "ajv";
import type { OpenAPIV3 } from "openapi-types";
import { toAjvSchema } from "../spec/openapi-schema.ts";
import { createStrictAjv } from "../spec/index.ts";
import type { SpecLimits } from "../spec/index.ts";
import { aliasedBy, documentedVerdict, missingVerdict, requestVerdict } from "./domain.ts";
import type { FieldVerdict, Verdict } from "./domain.ts";
import type { FieldSurface, Pairs } from "./types.ts";

export interface WireVerdict {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
}

const ajv = createStrictAjv();
const compiled = new WeakMap<object, ValidateFunction>();

/** The pairs a server decodes from what a form encoder sends for `pairs`. */
export function onTheWire(pairs: Pairs): Array<[string, string]> {
  const text = new URLSearchParams(pairs.map(([name, value]): [string, string] => [name, value]));
  return [...new URLSearchParams(text.toString())];
}

export function classifyOnWire(
  fields: readonly FieldSurface[],
  sent: { readonly query: Pairs; readonly form?: Pairs },
  limits: SpecLimits,
  operationId = "",
): WireVerdict {
  const verdicts: FieldVerdict[] = [];
  const formNames = onTheWire(sent.form ?? [])
    .filter(([name, value]) => value !== "" && fields.some((field) => field.name === name))
    .map(([name]) => name);
  const whole = sent.form === undefined ? undefined : requestVerdict(operationId, formNames);
  if (whole !== undefined) verdicts.push(whole);
  for (const location of ["query", "form"] as const) {
    const pairs = onTheWire((location === "query" ? sent.query : sent.form) ?? []);
    const known = fields.filter((field) => field.location === location);
    verdicts.push(...classifyPairs(known, pairs, limits));
  }
  return combine(verdicts);
}

function classifyPairs(
  fields: readonly FieldSurface[],
  pairs: ReadonlyArray<readonly [string, string]>,
  limits: SpecLimits,
): FieldVerdict[] {
  const verdicts: FieldVerdict[] = [];
  for (const [name] of pairs) {
    if (!fields.some((field) => field.name === name)) {
      verdicts.push({ verdict: "ambiguous", reason: `unknown parameter ${JSON.stringify(name)}` });
    }
  }
  for (const field of fields) {
    const values = pairs.filter(([name]) => name === field.name).map(([, value]) => value);
    if (values.length > 1) {
      verdicts.push({ verdict: "ambiguous", reason: `${field.name} sent ${values.length} times` });
    }
    const value = values[0];
    if (value === undefined) {
      if (field.required) verdicts.push(missingVerdict(field.name));
      continue;
    }
    const verdict = classifyValue(field, value, limits);
    const preferred = aliasedBy(
      field.name,
      fields.map((known) => known.name),
    );
    const preferredSent = pairs.some(([name, sent]) => name === preferred && sent !== "");
    verdicts.push(
      verdict.verdict === "invalid" && preferredSent
        ? {
            verdict: "ambiguous",
            reason: `${verdict.reason}, but ${preferred} wins over its alias`,
          }
        : verdict,
    );
  }
  return verdicts;
}

/** One decoded value against its field's schema and the documented rules. */
export function classifyValue(
  field: FieldSurface,
  value: string,
  limits: SpecLimits,
): FieldVerdict {
  if (value === "" && !field.required) {
    return { verdict: "ambiguous", reason: `${field.name} empty: Twilio reads it as not set` };
  }
  const strict =
    field.schema === undefined ? [] : failedKeywords(field.schema, coerce(field, value, "strict"));
  const lenient =
    field.schema === undefined ? [] : failedKeywords(field.schema, coerce(field, value, "lenient"));
  const documented = documentedVerdict(field.name, value, limits, strict);
  if (documented !== undefined)
    return { ...documented, reason: `${field.name}: ${documented.reason}` };
  const clipped = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  const shown = `${field.name}=${JSON.stringify(clipped)}`;
  if (strict.length === 0 && lenient.length === 0)
    return { verdict: "valid", reason: `${shown} valid` };
  if (strict.length > 0 && lenient.length > 0) {
    return { verdict: "invalid", reason: `${shown} fails ${strict.join(", ")} on the wire` };
  }
  return { verdict: "ambiguous", reason: `${shown} valid only where a server coerces leniently` };
}

function combine(verdicts: readonly FieldVerdict[]): WireVerdict {
  const of = (verdict: Verdict) => verdicts.filter((candidate) => candidate.verdict === verdict);
  for (const verdict of ["invalid", "ambiguous"] as const) {
    const matching = of(verdict);
    if (matching.length > 0) return { verdict, reasons: matching.map((entry) => entry.reason) };
  }
  return { verdict: "valid", reasons: verdicts.map((entry) => entry.reason) };
}

function failedKeywords(schema: OpenAPIV3.SchemaObject, value: unknown): string[] {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(toAjvSchema(schema));
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map((error) => error.keyword))];
}

const STRICT_INTEGER = /^-?(0|[1-9][0-9]*)$/;
const STRICT_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * A form value as a server of the given temper reads it. Strict: canonical decimal
 * digits and lower-case true/false. Lenient: whatever Number() or a case-blind
 * comparison makes of it. A value that fails to coerce stays a string and fails `type`.
 */
export function coerce(field: FieldSurface, value: string, temper: "strict" | "lenient"): unknown {
  const type = field.schema?.type;
  if (type === "integer" || type === "number") {
    const pattern = type === "integer" ? STRICT_INTEGER : STRICT_NUMBER;
    if (temper === "strict") return pattern.test(value) ? Number(value) : value;
    const number = value.trim() === "" ? Number.NaN : Number(value);
    return Number.isFinite(number) ? number : value;
  }
  if (type === "boolean") {
    const word = temper === "strict" ? value : value.trim().toLowerCase();
    return word === "true" ? true : word === "false" ? false : value;
  }
  return value;
}
