import type { OpenAPIV3 } from "openapi-types";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface ParameterInfo {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: OpenAPIV3.SchemaObject | undefined;
}

/** `any` means the document leaves the field untyped (as it does for `Data`). */
export type FieldType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "any";

export interface RequestBodyField {
  readonly name: string;
  readonly required: boolean;
  readonly type: FieldType;
}

export interface ResponseInfo {
  /** As written in the document: "201", "4XX" or "default". */
  readonly status: string;
  /** Whether a JSON body schema is documented for this status. */
  readonly hasBody: boolean;
  /** Names of documented response headers, e.g. ["ETag"]. */
  readonly headers: readonly string[];
}

export interface OperationInfo {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly pathTemplate: string;
  /** From the path's `x-twilio.pathType`, when the document declares it. */
  readonly pathType: string | undefined;
  /** Path-level and operation-level parameters merged; the operation's win. */
  readonly parameters: readonly ParameterInfo[];
  readonly requestContentType: string | undefined;
  readonly requestBodyFields: readonly RequestBodyField[];
  readonly responses: readonly ResponseInfo[];
}

export interface SchemaViolation {
  /** JSON pointer into the validated body ("" = the body itself). */
  readonly instancePath: string;
  /**
   * Pointer into the response schema (relative to it), or a pseudo path for status/body mismatches.
   */
  readonly schemaPath: string;
  readonly keyword: string;
  readonly message: string;
}

/**
 * Numbers a schema cannot express. Where the sources disagree the readings are
 * kept apart: what the suite may rely on, and what is certainly refused.
 */
export interface SpecLimits {
  readonly pageSizeDefault: number;
  /** Every documented reading of the PageSize maximum, smallest first. */
  readonly pageSizeMax: readonly number[];
  readonly ttlMax: number;
  readonly keyLengthAccepted: number;
  readonly keyLengthRefusedAbove: number;
  readonly uniqueNameLengthAccepted: number;
  readonly uniqueNameLengthRefusedAbove: number;
  readonly dataMaxBytes: number;
}

export interface SpecCatalog {
  /** sha256 hex of the document's source text. */
  readonly hash: string;
  /** Absolute path of the loaded document. */
  readonly source: string;
  /** The validated, dereferenced document. */
  readonly document: OpenAPIV3.Document;
  readonly limits: SpecLimits;
  operationIds(): string[];
  operation(operationId: string): OperationInfo | undefined;
  /**
   * [] when `body` matches what the document says for this status. An
   * undocumented status gives one violation saying so. Throws SpecLookupError
   * for an operationId the document lacks (a harness fault, not a target's).
   */
  validateResponse(operationId: string, status: number, body: unknown): SchemaViolation[];
  /** Checks an error body against the document's TwilioError (or the built-in one). */
  validateErrorBody(body: unknown): SchemaViolation[];
  /** Those of `expected` that the document does not describe. */
  missingOperations(expected: readonly string[]): string[];
}
