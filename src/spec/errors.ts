/**
 * Harness faults of the spec room. They carry stable codes so the runner can
 * report "the run could not be made" (exit 2) instead of a conformance failure.
 */

export class SpecLoadError extends Error {
  readonly code = "SMC_ERR_SPEC_LOAD";
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`cannot load OpenAPI spec ${file}: ${reason}`, options);
    this.name = "SpecLoadError";
    this.file = file;
    this.reason = reason;
  }
}

/** A caller asked about an operation the loaded document does not describe. */
export class SpecLookupError extends Error {
  readonly code = "SMC_ERR_SPEC_UNKNOWN_OPERATION";
  readonly operationId: string;

  constructor(operationId: string, source: string) {
    super(`operation ${operationId} is not described by ${source}; check catalog.missingOperations() first`);
    this.name = "SpecLookupError";
    this.operationId = operationId;
  }
}
