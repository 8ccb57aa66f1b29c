// What each operation of the document in use lets the fuzz phase drive: its path with
// fixture placeholders, its query parameters and form fields with their schemas, and
// a sentence for everything it could not derive.
import type { OpenAPIV3 } from "openapi-types";
import { SYNC_MAP_OPERATION_IDS } from "../spec/index.ts";
import type { OperationInfo, SpecCatalog } from "../spec/index.ts";
import { DATA_FIELD, hasDocumentedRule } from "./domain.ts";
import type { FieldSurface, FixtureKind, Fixtures, OperationSurface, PathValue } from "./types.ts";

/** Path parameters the run can fill with its own resources, and the resource each names. */
const PATH_FIXTURES: Readonly<Record<string, keyof Fixtures>> = {
  ServiceSid: "service",
  Sid: "map",
  MapSid: "map",
  Key: "item",
  Identity: "permission",
};

export interface Surfaces {
  readonly surfaces: readonly OperationSurface[];
  readonly gaps: readonly string[];
}

export function describeSurfaces(spec: SpecCatalog): Surfaces {
  const gaps: string[] = [];
  const missing = spec.missingOperations(SYNC_MAP_OPERATION_IDS);
  if (missing.length > 0) gaps.push(`no operation ${missing.join(", ")}: nothing sent for it`);
  if ((spec.document as unknown as Record<string, unknown>)["x-sync-map-limits"] === undefined) {
    gaps.push("no x-sync-map-limits: boundaries use the documented limits");
  }
  if (spec.document.components?.schemas?.["TwilioError"] === undefined) {
    gaps.push("no TwilioError schema: error bodies are checked against the built-in one");
  }
  const outside = spec
    .operationIds()
    .filter((operationId) => !(SYNC_MAP_OPERATION_IDS as readonly string[]).includes(operationId));
  if (outside.length > 0) {
    const named = outside.length > 4 ? `${outside.slice(0, 4).join(", ")}…` : outside.join(", ");
    const count = outside.length === 1 ? "1 operation" : `${outside.length} operations`;
    gaps.push(`${count} outside Sync Maps not fuzzed (${named})`);
  }
  const surfaces: OperationSurface[] = [];
  for (const operationId of SYNC_MAP_OPERATION_IDS) {
    const info = spec.operation(operationId);
    if (info === undefined) continue;
    const surface = describeSurface(spec, info, gaps);
    if (surface !== undefined) surfaces.push(surface);
  }
  return { surfaces, gaps };
}

function describeSurface(
  spec: SpecCatalog,
  info: OperationInfo,
  gaps: string[],
): OperationSurface | undefined {
  const pathParams: Record<string, PathValue> = {};
  for (const parameter of info.parameters.filter((candidate) => candidate.in === "path")) {
    const fixture = PATH_FIXTURES[parameter.name];
    if (fixture === undefined) {
      gaps.push(`${info.operationId}: no fixture for path parameter ${parameter.name}; skipped`);
      return undefined;
    }
    pathParams[parameter.name] = { fixture };
  }
  const query: FieldSurface[] = info.parameters
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => ({ ...parameter, location: "query" as const }));
  const form = formFields(spec, info);
  for (const field of [...query, ...form]) {
    if (field.schema === undefined || isUnconstrained(field.schema)) {
      const fallback = hasDocumentedRule(field.name)
        ? "the documented rule is used"
        : "no boundaries";
      gaps.push(`${info.operationId}: no schema for ${field.name} (${fallback})`);
    }
  }
  if (!info.responses.some((response) => response.status.startsWith("2"))) {
    gaps.push(`${info.operationId}: no documented 2xx answer: every success is undocumented`);
  }
  if (info.method === "POST" && info.requestContentType === undefined) {
    gaps.push(`${info.operationId}: no request body schema: only syntax cases are sent`);
  }
  return {
    operationId: info.operationId,
    method: info.method,
    pathTemplate: info.pathTemplate,
    pathParams,
    needs: needsOf(pathParams),
    fields: [...query, ...form],
    hasForm: info.requestContentType !== undefined || info.method === "POST",
  };
}

/** Body properties with their full schemas (the catalog keeps only names and types). */
function formFields(spec: SpecCatalog, info: OperationInfo): FieldSurface[] {
  const method = info.method.toLowerCase() as OpenAPIV3.HttpMethods;
  const operation = spec.document.paths?.[info.pathTemplate]?.[method];
  const body = operation?.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const media =
    info.requestContentType === undefined ? undefined : body?.content[info.requestContentType];
  const schema = media?.schema as OpenAPIV3.SchemaObject | undefined;
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => ({
    name,
    location: "form" as const,
    required: required.has(name),
    schema: normalised(property as OpenAPIV3.SchemaObject),
  }));
}

/** A schema with no type and no constraint says nothing a boundary could be drawn from. */
function normalised(schema: OpenAPIV3.SchemaObject): OpenAPIV3.SchemaObject | undefined {
  return isUnconstrained(schema) ? undefined : schema;
}

function isUnconstrained(schema: OpenAPIV3.SchemaObject): boolean {
  const constraining = ["type", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern"];
  return !constraining.some((keyword) => keyword in schema) && schema.not === undefined;
}

function needsOf(pathParams: Readonly<Record<string, PathValue>>): FixtureKind[] {
  const kinds = new Set<FixtureKind>();
  for (const value of Object.values(pathParams)) {
    if (!("fixture" in value) || value.fixture === "service") continue;
    kinds.add("map");
    kinds.add(value.fixture);
  }
  return [...kinds];
}

/** The field a request carries JSON text in; only the form field named so gets JSON cases. */
export function isDataField(field: FieldSurface): boolean {
  return field.name === DATA_FIELD && field.location === "form";
}

/** The pattern a field's `not` forbids (UniqueName may not look like a sid), if any. */
export function forbiddenPattern(field: FieldSurface): string | undefined {
  const not = field.schema?.not as OpenAPIV3.SchemaObject | undefined;
  return typeof not?.pattern === "string" ? not.pattern : undefined;
}
