import type { OpenAPIV3 } from "openapi-types";
import { SpecLookupError } from "./errors.ts";
import { readLimits } from "./limits.ts";
import { collectOperations } from "./operations.ts";
import type { CollectedOperation } from "./operations.ts";
import { BUILTIN_TWILIO_ERROR_SCHEMA, TWILIO_ERROR_SCHEMA_NAME } from "./twilio-error.ts";
import type { OperationInfo, ResponseInfo, SchemaViolation, SpecCatalog } from "./types.ts";
import { SchemaValidators } from "./validators.ts";

export interface CatalogInput {
  readonly document: OpenAPIV3.Document;
  readonly source: string;
  readonly hash: string;
}

const ERROR_BODY_KEY = "error body";

/**
 * Builds the catalog and compiles every response schema up front, so a schema
 * ajv cannot compile fails the load instead of a conformance check midway.
 */
export function createCatalog({ document, source, hash }: CatalogInput): SpecCatalog {
  const operations = collectOperations(document);
  const validators = new SchemaValidators();
  compileResponseSchemas(validators, operations);
  validators.compile(ERROR_BODY_KEY, errorSchemaOf(document));
  const limits = readLimits(document);

  function requireOperation(operationId: string): CollectedOperation {
    const operation = operations.get(operationId);
    if (operation === undefined) throw new SpecLookupError(operationId, source);
    return operation;
  }

  return Object.freeze({
    hash,
    source,
    document,
    limits,
    operationIds: () => [...operations.keys()],
    operation: (operationId: string): OperationInfo | undefined =>
      operations.get(operationId)?.info,
    validateResponse(operationId: string, status: number, body: unknown): SchemaViolation[] {
      const { info } = requireOperation(operationId);
      const documented = findDocumentedResponse(info.responses, status);
      if (documented === undefined) return [undocumentedStatus(info, status)];
      if (!documented.hasBody) return isEmptyBody(body) ? [] : [unexpectedBody(info, documented)];
      return validators.validate(responseKey(operationId, documented.status), body);
    },
    validateErrorBody: (body: unknown): SchemaViolation[] =>
      validators.validate(ERROR_BODY_KEY, body),
    missingOperations: (expected: readonly string[]): string[] =>
      expected.filter((id) => !operations.has(id)),
  });
}

function compileResponseSchemas(
  validators: SchemaValidators,
  operations: ReadonlyMap<string, CollectedOperation>,
): void {
  for (const [operationId, { bodySchemas }] of operations) {
    for (const [status, schema] of bodySchemas)
      validators.compile(responseKey(operationId, status), schema);
  }
}

function responseKey(operationId: string, status: string): string {
  return `${operationId} ${status}`;
}

/** The document's own TwilioError; the vendor document has none because it documents only 2xx. */
function errorSchemaOf(document: OpenAPIV3.Document): object {
  const declared = document.components?.schemas?.[TWILIO_ERROR_SCHEMA_NAME];
  return declared ?? BUILTIN_TWILIO_ERROR_SCHEMA;
}

/** OpenAPI precedence: an exact status beats a range ("4XX"), which beats "default". */
function findDocumentedResponse(
  responses: readonly ResponseInfo[],
  status: number,
): ResponseInfo | undefined {
  const exact = String(status);
  const range = `${Math.floor(status / 100)}XX`;
  return (
    responses.find((response) => response.status === exact) ??
    responses.find((response) => response.status.toUpperCase() === range) ??
    responses.find((response) => response.status === "default")
  );
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === "") return true;
  return body instanceof Uint8Array && body.byteLength === 0;
}

function undocumentedStatus(info: OperationInfo, status: number): SchemaViolation {
  const documented = info.responses.map((response) => response.status).join(", ");
  return {
    instancePath: "",
    schemaPath: `#/paths/${escapePointer(info.pathTemplate)}/${info.method.toLowerCase()}/responses`,
    keyword: "status",
    message: `status ${status} is not documented for ${info.operationId} (documented: ${documented})`,
  };
}

function unexpectedBody(info: OperationInfo, response: ResponseInfo): SchemaViolation {
  return {
    instancePath: "",
    schemaPath: `#/paths/${escapePointer(info.pathTemplate)}/${info.method.toLowerCase()}/responses/${response.status}`,
    keyword: "body",
    message: `status ${response.status} of ${info.operationId} documents no body, but one was received`,
  };
}

/** RFC 6901: "~" and "/" must be escaped inside a JSON pointer segment. */
function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
