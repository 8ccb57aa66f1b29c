import { Ajv } from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormatsPlugin from "ajv-formats";
import { DECLARED_EXTENSION_KEYWORDS, toAjvSchema } from "./openapi-schema.ts";
import type { ConversionMemo } from "./openapi-schema.ts";
import type { SchemaViolation } from "./types.ts";

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsPlugin.default;

/**
 * ajv in strict mode with everything an OpenAPI 3.0 response schema needs
 * declared: ajv-formats in full mode (date-time demands a zone, uri must be
 * absolute, int32/int64 range checks), and the extension keywords we keep.
 * `uri-map` is handled by openapi-schema.ts because it sits on objects.
 */
export function createStrictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv, { mode: "full" });
  for (const keyword of DECLARED_EXTENSION_KEYWORDS) {
    ajv.addKeyword({ keyword });
  }
  return ajv;
}

/**
 * Compiled validators, each compiled once under a caller-chosen key
 * (the catalog uses "operationId status").
 */
export class SchemaValidators {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly memo: ConversionMemo = new WeakMap();

  constructor(ajv: Ajv = createStrictAjv()) {
    this.ajv = ajv;
  }

  /** Throws ajv's error, naming the key, when the schema does not compile in strict mode. */
  compile(key: string, openApiSchema: object): void {
    if (this.compiled.has(key)) return;
    try {
      this.compiled.set(key, this.ajv.compile(toAjvSchema(openApiSchema, this.memo)));
    } catch (error) {
      throw new Error(
        `schema for ${key} does not compile in ajv strict mode: ${messageOf(error)}`,
        { cause: error },
      );
    }
  }

  validate(key: string, value: unknown): SchemaViolation[] {
    const validate = this.compiled.get(key);
    if (validate === undefined) throw new Error(`no validator compiled for ${key}`);
    return validate(value) ? [] : toViolations(validate.errors);
  }
}

export function toViolations(errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? []).map((error) => ({
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    keyword: error.keyword,
    message: error.message ?? error.keyword,
  }));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
