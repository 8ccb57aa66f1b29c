import type { OpenAPIV3 } from "openapi-types";
import type {
  FieldType,
  HttpMethod,
  OperationInfo,
  ParameterInfo,
  ParameterLocation,
  RequestBodyField,
  ResponseInfo,
} from "./types.ts";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";
const JSON_MEDIA_TYPE = "application/json";

/** An operation as the catalog needs it: the public summary plus its response body schemas. */
export interface CollectedOperation {
  readonly info: OperationInfo;
  /** JSON body schema per documented status key ("200", "4XX", "default"). */
  readonly bodySchemas: ReadonlyMap<string, OpenAPIV3.SchemaObject>;
}

/** Every operation with an operationId, in document order. Expects a dereferenced document. */
export function collectOperations(document: OpenAPIV3.Document): Map<string, CollectedOperation> {
  const operations = new Map<string, CollectedOperation>();
  for (const [pathTemplate, pathItem] of Object.entries(document.paths ?? {})) {
    if (pathItem === undefined) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation?.operationId === undefined) continue;
      if (operations.has(operation.operationId))
        throw new Error(`operationId ${operation.operationId} is used twice`);
      operations.set(
        operation.operationId,
        collectOperation(pathTemplate, pathItem, method, operation),
      );
    }
  }
  return operations;
}

function collectOperation(
  pathTemplate: string,
  pathItem: OpenAPIV3.PathItemObject,
  method: (typeof METHODS)[number],
  operation: OpenAPIV3.OperationObject,
): CollectedOperation {
  const requestBody =
    operation.requestBody === undefined ? undefined : dereferenced(operation.requestBody);
  const requestMedia =
    requestBody === undefined ? undefined : pickRequestMedia(requestBody.content);
  const responses = Object.entries(operation.responses ?? {}).map(
    ([status, response]) => [status, dereferenced(response)] as const,
  );

  const info: OperationInfo = {
    operationId: operation.operationId ?? "",
    method: method.toUpperCase() as HttpMethod,
    pathTemplate,
    pathType: readPathType(pathItem),
    parameters: mergeParameters(pathItem.parameters ?? [], operation.parameters ?? []),
    requestContentType: requestMedia?.mediaType,
    requestBodyFields: requestMedia === undefined ? [] : describeFields(requestMedia.schema),
    responses: responses.map(([status, response]) => describeResponse(status, response)),
  };
  const bodySchemas = new Map<string, OpenAPIV3.SchemaObject>();
  for (const [status, response] of responses) {
    const schema = jsonBodySchema(response);
    if (schema !== undefined) bodySchemas.set(status, schema);
  }
  return { info, bodySchemas };
}

/**
 * Operation-level parameters override path-level ones with the same name and location (OpenAPI 3.0
 * §4.7.9).
 */
function mergeParameters(
  pathLevel: readonly (OpenAPIV3.ReferenceObject | OpenAPIV3.ParameterObject)[],
  operationLevel: readonly (OpenAPIV3.ReferenceObject | OpenAPIV3.ParameterObject)[],
): ParameterInfo[] {
  const merged = new Map<string, ParameterInfo>();
  for (const parameter of [...pathLevel, ...operationLevel].map(dereferenced)) {
    merged.set(`${parameter.in}:${parameter.name}`, {
      name: parameter.name,
      in: parameter.in as ParameterLocation,
      required: parameter.required === true,
      schema: parameter.schema === undefined ? undefined : dereferenced(parameter.schema),
    });
  }
  return [...merged.values()];
}

function readPathType(pathItem: OpenAPIV3.PathItemObject): string | undefined {
  const extension: unknown = (pathItem as Record<string, unknown>)["x-twilio"];
  if (typeof extension !== "object" || extension === null) return undefined;
  const pathType: unknown = (extension as Record<string, unknown>)["pathType"];
  return typeof pathType === "string" ? pathType : undefined;
}

/** Form bodies are what Twilio takes; JSON is the fallback for foreign documents. */
function pickRequestMedia(
  content: Record<string, OpenAPIV3.MediaTypeObject>,
): { mediaType: string; schema: OpenAPIV3.SchemaObject | undefined } | undefined {
  const mediaType =
    [FORM_MEDIA_TYPE, JSON_MEDIA_TYPE].find((candidate) => candidate in content) ??
    Object.keys(content)[0];
  if (mediaType === undefined) return undefined;
  const schema = content[mediaType]?.schema;
  return { mediaType, schema: schema === undefined ? undefined : dereferenced(schema) };
}

function describeFields(schema: OpenAPIV3.SchemaObject | undefined): RequestBodyField[] {
  if (schema === undefined) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    required: required.has(name),
    type: fieldType(dereferenced(property)),
  }));
}

function fieldType(schema: OpenAPIV3.SchemaObject): FieldType {
  return schema.type ?? "any";
}

function describeResponse(status: string, response: OpenAPIV3.ResponseObject): ResponseInfo {
  return {
    status,
    hasBody: jsonBodySchema(response) !== undefined,
    headers: Object.keys(response.headers ?? {}),
  };
}

function jsonBodySchema(response: OpenAPIV3.ResponseObject): OpenAPIV3.SchemaObject | undefined {
  const content = response.content ?? {};
  const mediaType =
    JSON_MEDIA_TYPE in content
      ? JSON_MEDIA_TYPE
      : Object.keys(content).find((type) => /json/i.test(type));
  const schema = mediaType === undefined ? undefined : content[mediaType]?.schema;
  return schema === undefined ? undefined : dereferenced(schema);
}

/**
 * The loader dereferences every document, so a $ref left here means the document could not be
 * resolved.
 */
function dereferenced<T extends object>(value: T | OpenAPIV3.ReferenceObject): T {
  if ("$ref" in value) throw new Error(`unresolved $ref ${value.$ref}`);
  return value;
}
