/**
 * Harness faults of the spec room. They carry stable codes so the runner can
 * report "the run could not be made" (exit 2) instead of a conformance failure.
 */
import { SmcError } from "../errors.ts";

export class SpecLoadError extends SmcError {
  static override readonly codes = ["SMC_ERR_SPEC_LOAD"] as const;
  declare readonly code: "SMC_ERR_SPEC_LOAD";
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super("SMC_ERR_SPEC_LOAD", `cannot load OpenAPI spec ${file}: ${reason}`, options);
    this.file = file;
    this.reason = reason;
  }
}

/** A caller asked about an operation the loaded document does not describe. */
export class SpecLookupError extends SmcError {
  static override readonly codes = ["SMC_ERR_SPEC_UNKNOWN_OPERATION"] as const;
  declare readonly code: "SMC_ERR_SPEC_UNKNOWN_OPERATION";
  readonly operationId: string;

  constructor(operationId: string, source: string) {
    super(
      "SMC_ERR_SPEC_UNKNOWN_OPERATION",
      `operation ${operationId} is not described by ${source}; ` +
        "check catalog.missingOperations() first",
    );
    this.operationId = operationId;
  }
}
