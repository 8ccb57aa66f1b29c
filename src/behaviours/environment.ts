// What a behaviour runs against: the API, the OpenAPI document in use, and the run's
// settings. The runner builds it once per behaviour; the context only reads it.
import type { ResponseValidator } from "../checks/schema.ts";
import type { Config } from "../config/config.ts";
import type { SyncMapApi } from "../http/syncApi.ts";
import type { SpecLimits } from "../spec/index.ts";

/** The part of the OpenAPI document a behaviour consults. */
export interface BehaviourSpec extends ResponseValidator {
  readonly limits: SpecLimits;
  /** The document's path, to name it when it lacks something. */
  readonly source: string;
  missingOperations(expected: readonly string[]): string[];
  /** The statuses the document lists for an operation ("201", "2XX", "default"…). */
  operation(
    operationId: string,
  ): { readonly responses: ReadonlyArray<{ readonly status: string }> } | undefined;
}

/** The run's settings a behaviour may read. */
export type BehaviourSettings = Pick<Config, "accountSid" | "serviceSid" | "runPrefix" | "seed"> & {
  /** Property-based runs per model behaviour (--runs). */
  readonly runs: number;
  /** Clients racing in a concurrent behaviour; absent: DEFAULT_CLIENTS. */
  readonly clients?: number;
  /** Generated cases per operation in the fuzz phase (--fuzz-runs); absent: the default. */
  readonly fuzzRuns?: number;
  /** --profile; absent: full. The fuzz phase spares a mock the HTTP-layer cases. */
  readonly profile?: Config["profile"];
  /** Where counterexamples are saved; absent = not saved (the meta-suite). */
  readonly artefactDir?: string;
};

export interface BehaviourEnvironment {
  readonly api: SyncMapApi;
  readonly spec: BehaviourSpec;
  readonly config: BehaviourSettings;
}
