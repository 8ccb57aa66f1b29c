// What a foreign OpenAPI document (--spec) leaves out, measured against the project's
// own: missing operations, response properties it does not describe, and the pieces
// the suite then takes from src/spec/documented.ts instead (error schema, limits). Each gap is one
// sentence for the summary and the terminal; none of them stops a run.
import type { OpenAPIV3 } from "openapi-types";
import { LIMITS_EXTENSION } from "./limits.ts";
import { SYNC_MAP_OPERATION_IDS } from "./operation-ids.ts";
import { collectOperations } from "./operations.ts";
import { TWILIO_ERROR_SCHEMA_NAME } from "./twilio-error.ts";
import type { SpecCatalog } from "./types.ts";

/** Nested deep enough for list pages (maps[].links.items) without walking free-form data. */
const PROPERTY_DEPTH = 3;

export function describeSpecGaps(document: SpecCatalog, reference: SpecCatalog): string[] {
  const gaps: string[] = [];
  const missing = document.missingOperations(SYNC_MAP_OPERATION_IDS);
  if (missing.length > 0) {
    gaps.push(
      `does not describe ${missing.join(", ")}: behaviours that check ${missing.length === 1 ? "its schema are" : "their schemas are"} skipped`,
    );
  }
  gaps.push(...missingProperties(document.document, reference.document));
  if (document.document.components?.schemas?.[TWILIO_ERROR_SCHEMA_NAME] === undefined) {
    gaps.push(
      "declares no TwilioError schema: error bodies are checked against the built-in one (code, message, more_info, status)",
    );
  }
  if ((document.document as unknown as Record<string, unknown>)[LIMITS_EXTENSION] === undefined) {
    gaps.push(
      `declares no ${LIMITS_EXTENSION}: the documented limits are used (page size, key and unique name lengths, data size, ttl range)`,
    );
  }
  return gaps;
}

/** For each success answer both documents describe: the properties ours has and theirs lacks. */
function missingProperties(document: OpenAPIV3.Document, reference: OpenAPIV3.Document): string[] {
  const theirs = collectOperations(document);
  const gaps: string[] = [];
  for (const [operationId, ours] of collectOperations(reference)) {
    const their = theirs.get(operationId);
    if (their === undefined) continue;
    for (const [status, schema] of ours.bodySchemas) {
      if (!status.startsWith("2")) continue;
      const theirSchema = their.bodySchemas.get(status);
      if (theirSchema === undefined) {
        gaps.push(
          `describes no body for ${operationId} ${status}: its schema check accepts any body`,
        );
        continue;
      }
      const known = new Set(propertyPaths(theirSchema));
      const lacking = propertyPaths(schema).filter((path) => !known.has(path));
      if (lacking.length > 0)
        gaps.push(
          `${operationId} ${status} does not describe ${lacking.join(", ")}: the schema check does not see ${lacking.length === 1 ? "it" : "them"}`,
        );
    }
  }
  return gaps;
}

function propertyPaths(
  schema: OpenAPIV3.SchemaObject,
  prefix = "",
  depth = PROPERTY_DEPTH,
): string[] {
  if (depth === 0) return [];
  const paths: string[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if ("$ref" in property) continue;
    const path = `${prefix}${name}`;
    paths.push(path);
    const inner =
      property.type === "array" && property.items !== undefined && !("$ref" in property.items)
        ? property.items
        : property;
    const innerPrefix = inner === property ? `${path}.` : `${path}[].`;
    paths.push(...propertyPaths(inner, innerPrefix, depth - 1));
  }
  return paths;
}
