import type { OpenAPIV3 } from "openapi-types";

/** Name of the error schema under components.schemas in our spec. */
export const TWILIO_ERROR_SCHEMA_NAME = "TwilioError";

/**
 * The error body every Twilio REST error carries (docs/behaviour-reference.md#errors). Used when a
 * loaded document has no TwilioError schema of its own — the vendor document
 * documents only 2xx responses. Kept equal to the one in our spec by a test.
 */
export const BUILTIN_TWILIO_ERROR_SCHEMA: OpenAPIV3.SchemaObject = {
  type: "object",
  required: ["code", "message", "more_info", "status"],
  properties: {
    code: { type: "integer" },
    message: { type: "string" },
    more_info: { type: "string", format: "uri" },
    status: { type: "integer", minimum: 400, maximum: 599 },
    details: { type: "object" },
  },
};
