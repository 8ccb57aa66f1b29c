/**
 * The spec room: load the OpenAPI contract once, then ask it about operations, limits and response
 * shapes.
 */
export { loadSpec, DEFAULT_SPEC_FILE } from "./load.ts";
export { createCatalog } from "./catalog.ts";
export { describeSpecGaps } from "./gaps.ts";
export type { CatalogInput } from "./catalog.ts";
export { SpecLoadError, SpecLookupError } from "./errors.ts";
export { DEFAULT_LIMITS, LIMITS_EXTENSION } from "./limits.ts";
export { SYNC_MAP_OPERATION_IDS } from "./operation-ids.ts";
export type { SyncMapOperationId } from "./operation-ids.ts";
export { BUILTIN_TWILIO_ERROR_SCHEMA } from "./twilio-error.ts";
export { createStrictAjv, SchemaValidators } from "./validators.ts";
export type {
  FieldType,
  HttpMethod,
  OperationInfo,
  ParameterInfo,
  ParameterLocation,
  RequestBodyField,
  ResponseInfo,
  SchemaViolation,
  SpecCatalog,
  SpecLimits,
} from "./types.ts";
