import type { AnySchemaObject } from "ajv";

/**
 * Turning OpenAPI 3.0 schema objects into schemas ajv accepts in strict mode.
 *
 * OpenAPI 3.0 schemas are a dialect of JSON Schema draft 4/5: `nullable`,
 * `example` and `x-` extensions are not JSON Schema, and Twilio puts a
 * `format` on `type: object`. Rather than switching strictness off, each
 * difference is translated here, so a typo such as `patern` still fails.
 */

/** Extension keywords kept in compiled schemas; validators.ts declares them to ajv. */
export const DECLARED_EXTENSION_KEYWORDS = ["x-twilio", "x-reference"] as const;

/** OpenAPI-only keywords with no validation meaning. */
const OPENAPI_ONLY_KEYWORDS = new Set(["example", "xml", "externalDocs", "discriminator"]);

/** Keywords that describe but never constrain; a schema of only these accepts null already. */
const ANNOTATION_KEYWORDS = new Set([
  "title",
  "description",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "examples",
  "$comment",
  ...DECLARED_EXTENSION_KEYWORDS,
]);

/**
 * Formats OpenAPI documents put on `type: object`. ajv applies formats only to
 * strings and numbers, and strict mode refuses one next to `type: object`, so
 * each is declared as the JSON Schema it stands for.
 */
export const OBJECT_FORMATS: Readonly<Record<string, AnySchemaObject>> = {
  // Twilio's `links`: resource names mapped to absolute URLs.
  "uri-map": { additionalProperties: { type: "string", format: "uri" } },
};

const SUBSCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties"]);
const SUBSCHEMA_KEYWORDS = new Set([
  "items",
  "additionalProperties",
  "not",
  "allOf",
  "anyOf",
  "oneOf",
]);

/**
 * Memo of converted schemas; dereferenced documents share (and may cycle through) schema objects.
 */
export type ConversionMemo = WeakMap<object, AnySchemaObject>;

export function toAjvSchema(schema: object, memo: ConversionMemo = new WeakMap()): AnySchemaObject {
  const known = memo.get(schema);
  if (known !== undefined) return known;

  const converted: AnySchemaObject = {};
  memo.set(schema, converted);
  for (const [keyword, value] of Object.entries(schema)) {
    if (isDroppedKeyword(keyword)) continue;
    converted[keyword] = convertKeywordValue(keyword, value, memo);
  }
  translateObjectFormat(converted);
  applyNullable(converted);
  return converted;
}

function isDroppedKeyword(keyword: string): boolean {
  if (OPENAPI_ONLY_KEYWORDS.has(keyword)) return true;
  // Unknown specification extensions carry no validation meaning (OpenAPI 3.0 §4.7.24);
  // keeping them would make a foreign document fail strict compilation for nothing.
  return (
    keyword.startsWith("x-") &&
    !(DECLARED_EXTENSION_KEYWORDS as readonly string[]).includes(keyword)
  );
}

function convertKeywordValue(keyword: string, value: unknown, memo: ConversionMemo): unknown {
  if (SUBSCHEMA_MAP_KEYWORDS.has(keyword) && isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [name, convertSubschema(sub, memo)]),
    );
  }
  if (SUBSCHEMA_KEYWORDS.has(keyword)) {
    return Array.isArray(value)
      ? value.map((sub) => convertSubschema(sub, memo))
      : convertSubschema(value, memo);
  }
  return value;
}

function convertSubschema(value: unknown, memo: ConversionMemo): unknown {
  // `additionalProperties: false` and friends are boolean schemas; leave them be.
  return isObject(value) ? toAjvSchema(value, memo) : value;
}

function translateObjectFormat(schema: AnySchemaObject): void {
  const format: unknown = schema["format"];
  if (schema["type"] !== "object" || typeof format !== "string") return;
  const meaning = OBJECT_FORMATS[format];
  if (meaning === undefined) return;
  delete schema["format"];
  for (const [keyword, value] of Object.entries(meaning)) {
    if (schema[keyword] === undefined) schema[keyword] = structuredClone(value);
  }
}

/**
 * ajv understands `nullable: true` only beside `type`. Without a type the
 * schema is rewritten to `anyOf: [rest, {type: "null"}]`, or the keyword is
 * dropped when nothing else constrains the value (it already accepts null).
 */
function applyNullable(schema: AnySchemaObject): void {
  const nullable: unknown = schema["nullable"];
  if (nullable === undefined) return;

  if (schema["type"] !== undefined) {
    // OpenAPI 3.0.3 says an enum must list null itself; older documents forget.
    const values: unknown = schema["enum"];
    if (nullable === true && Array.isArray(values) && !values.includes(null))
      schema["enum"] = [...values, null];
    return;
  }

  delete schema["nullable"];
  if (nullable !== true) return;
  const constraining = Object.keys(schema).filter((keyword) => !ANNOTATION_KEYWORDS.has(keyword));
  if (constraining.length === 0) return;
  const nonNullBranch: AnySchemaObject = {};
  for (const keyword of constraining) {
    nonNullBranch[keyword] = schema[keyword];
    delete schema[keyword];
  }
  schema["anyOf"] = [nonNullBranch, { type: "null" }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
