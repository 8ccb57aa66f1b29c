// Harness faults: the suite itself could not do its job. These are "broken", never
// "failed" — a failure is a verdict about the target, a HarnessError is not.
export type HarnessErrorCode =
  | "SMC_ERR_CONFIG"
  | "SMC_ERR_SPEC_LOAD"
  | "SMC_ERR_CATALOGUE"
  | "SMC_ERR_UNREACHABLE"
  | "SMC_ERR_CREDENTIALS"
  | "SMC_ERR_SERVICE"
  | "SMC_ERR_INTERNAL";

export class HarnessError extends Error {
  constructor(
    readonly code: HarnessErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HarnessError";
  }
}
