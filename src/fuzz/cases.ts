// Building cases: an otherwise valid request for an operation, one field changed,
// and the expectation the wire classifier gives it.
import type { SpecLimits } from "../spec/index.ts";
import { DATA_FIELD } from "./domain.ts";
import type {
  Expectation,
  FieldSurface,
  FuzzCase,
  FuzzPhase,
  OperationSurface,
  Pairs,
} from "./types.ts";
import type { Verdict } from "./domain.ts";
import { classifyOnWire } from "./wire.ts";

/** A change to the valid request: a value for a field, or the field left out. */
export type Change =
  | { readonly field: FieldSurface; readonly value: string }
  | { readonly field: FieldSurface; readonly missing: true }
  | { readonly extra: Pairs; readonly location: "query" | "form" };

export interface CaseDraft {
  readonly phase: FuzzPhase;
  readonly kind: string;
  readonly description: string;
  readonly changes: readonly Change[];
  /** Why the case exists when its expectation needs more than the wire verdict. */
  readonly note?: string;
}

export const EXPECTATION_OF: Readonly<Record<Verdict, Expectation>> = {
  valid: "accepted",
  invalid: "refused",
  ambiguous: "either",
};

/** A valid value for a required field: the documented shape where the schema is silent. */
export function validValue(field: FieldSurface): string {
  if (field.name === DATA_FIELD) return '{"fuzz":true}';
  if (field.name === "Key") return "fuzz-key";
  const schema = field.schema;
  if (schema?.enum !== undefined && schema.enum.length > 0) return String(schema.enum[0]);
  if (schema?.default !== undefined) return String(schema.default);
  switch (schema?.type) {
    case "boolean":
      return "true";
    case "integer":
    case "number":
      return String(schema.minimum ?? 0);
    default:
      return filler(Math.max(schema?.minLength ?? 1, 1), field.name.toLowerCase());
  }
}

/** `length` characters that need no encoding, starting with a tag so values stay tellable. */
export function filler(length: number, tag = "f"): string {
  if (length <= 0) return "";
  const unit = `${tag}-`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export function baseline(
  surface: OperationSurface,
  location: "query" | "form",
): Array<[string, string]> {
  return surface.fields
    .filter((field) => field.location === location && field.required)
    .map((field) => [field.name, validValue(field)]);
}

/** Applies the changes to the valid request and classifies the result on the wire. */
export function buildCase(
  surface: OperationSurface,
  draft: CaseDraft,
  index: number,
  limits: SpecLimits,
): FuzzCase {
  const query = applyChanges(baseline(surface, "query"), draft.changes, "query");
  const form = surface.hasForm
    ? applyChanges(baseline(surface, "form"), draft.changes, "form")
    : undefined;
  const wire = classifyOnWire(surface.fields, { query, form }, limits, surface.operationId);
  const reclassified =
    draft.phase === "negative" && wire.verdict !== "invalid"
      ? "reclassified: not invalid once form-encoded"
      : undefined;
  const reason = [draft.note, reclassified, ...wire.reasons]
    .filter((part) => part !== undefined)
    .join("; ");
  return {
    id: `${surface.operationId}/${draft.phase}/${index}`,
    operationId: surface.operationId,
    phase: draft.phase,
    description: draft.description,
    request: {
      method: surface.method,
      pathTemplate: surface.pathTemplate,
      pathParams: surface.pathParams,
      query,
      ...(form === undefined ? {} : { form }),
      headers: {},
    },
    needs: surface.needs,
    expect: EXPECTATION_OF[wire.verdict],
    reason: reason === "" ? "valid request" : reason,
    kind: draft.kind,
  };
}

function applyChanges(
  pairs: Array<[string, string]>,
  changes: readonly Change[],
  location: "query" | "form",
): Array<[string, string]> {
  let result = [...pairs];
  for (const change of changes) {
    if ("extra" in change) {
      if (change.location === location)
        result.push(...change.extra.map(([n, v]): [string, string] => [n, v]));
      continue;
    }
    if (change.field.location !== location) continue;
    result = result.filter(([name]) => name !== change.field.name);
    if ("value" in change) result.push([change.field.name, change.value]);
  }
  return result;
}
