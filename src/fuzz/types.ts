// The values the fuzz engine passes around: a planned case is data (what to send, what
// the documents let us expect, why), so plans can be printed, counted and replayed.
import type { OpenAPIV3 } from "openapi-types";
import type { Exchange } from "../http/exchange.ts";
import type { SpecCatalog } from "../spec/index.ts";

export type FuzzPhase = "coverage" | "positive" | "negative" | "syntax";
export const FUZZ_PHASES: readonly FuzzPhase[] = ["coverage", "positive", "negative", "syntax"];

/**
 * What the documents let us expect of an answer. `either` is for inputs the documents
 * leave open (a reading conflict, an unknown parameter); only the generic checks apply.
 */
export type Expectation = "accepted" | "refused" | "either";

/** A resource a case needs before it is sent; the runner creates a fresh one per case. */
export type FixtureKind = "map" | "item" | "permission";

/** The run's own resources, filled in for the placeholders of a case. */
export interface Fixtures {
  readonly service: string;
  readonly map?: string;
  readonly item?: string;
  readonly permission?: string;
}

/** A path segment: a fixture placeholder, a value to percent-encode, or one sent verbatim. */
export type PathValue =
  | { readonly fixture: keyof Fixtures }
  | { readonly literal: string }
  | { readonly encoded: string };

export type Pairs = ReadonlyArray<readonly [string, string]>;

export interface FuzzRequest {
  readonly method: string;
  /** As the document writes it: /v1/Services/{ServiceSid}/Maps/{Sid}. */
  readonly pathTemplate: string;
  readonly pathParams: Readonly<Record<string, PathValue>>;
  readonly query: Pairs;
  /** Form fields as the server decodes them; absent when the request has no body. */
  readonly form?: Pairs;
  /** A form-encoded body sent byte for byte (malformed bodies); wins over `form`. */
  readonly rawBody?: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface FuzzCase {
  /** Stable within a plan: operation, phase and a counter, e.g. CreateSyncMap/coverage/3. */
  readonly id: string;
  readonly operationId: string;
  readonly phase: FuzzPhase;
  readonly description: string;
  readonly request: FuzzRequest;
  readonly needs: readonly FixtureKind[];
  readonly expect: Expectation;
  /** Why this expectation: the schema rule, the documented reading, or the reclassification. */
  readonly reason: string;
  /** The parameter and the kind of value or mutation, e.g. "Ttl/above-maximum"; groups failures. */
  readonly kind: string;
  /**
   * Aimed at the HTTP layer rather than the API (a path that is not valid percent-encoding,
   * a body over 1 MiB): sent after every other case, since it may bring a fragile server down.
   */
  readonly transport?: boolean;
}

/** A request ready for the wire: path resolved and encoded, body as text. */
export interface WireRequest {
  readonly method: string;
  /** Percent-encoded path plus query string, relative to the base URL. */
  readonly path: string;
  /** Decoded form pairs, for the reproduction; absent for a raw or empty body. */
  readonly form?: Pairs;
  /** The exact body text (content type application/x-www-form-urlencoded). */
  readonly body?: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What a write might have changed, read before and after a case that must be refused. */
export type SnapshotScope =
  | {
      readonly kind: "map";
      readonly map: string;
      /** The lists a write of this operation could change, read beside the map itself. */
      readonly lists: ReadonlyArray<"items" | "permissions">;
    }
  | { readonly kind: "uniqueName"; readonly uniqueName: string };

/** Named reads ("map", "items", "permissions"), each its status and parsed body. */
export type Snapshot = Readonly<
  Record<string, { readonly status: number; readonly body: unknown }>
>;

/**
 * The one door to the target: tests pass a fake, the CLI the HTTP executor
 * (./executor.ts). `provide` creates fresh resources; `release` deletes them.
 */
export interface FuzzExecutor {
  readonly accountSid: string;
  provide(needs: readonly FixtureKind[]): Promise<Fixtures>;
  send(request: WireRequest, operationId: string): Promise<Exchange>;
  snapshot(scope: SnapshotScope): Promise<Snapshot>;
  /** Deletes what the executor and the cases created; answers the maps it could not delete. */
  release(): Promise<readonly string[]>;
  /** Every request sent so far, fixtures and snapshots included. */
  requestCount(): number;
}

/** A request field or query parameter with its schema, as the derivation sees it. */
export interface FieldSurface {
  readonly name: string;
  readonly location: "query" | "form";
  readonly required: boolean;
  /** Absent when the document gives no schema (our Data); documented rules apply then. */
  readonly schema: OpenAPIV3.SchemaObject | undefined;
}

/** One operation as the fuzz phase can drive it. */
export interface OperationSurface {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly pathParams: Readonly<Record<string, PathValue>>;
  readonly needs: readonly FixtureKind[];
  readonly fields: readonly FieldSurface[];
  readonly hasForm: boolean;
}

export interface FuzzPlan {
  /** The document the cases were derived from; the checks judge answers against it. */
  readonly spec: SpecCatalog;
  readonly seed: number;
  readonly runs: number;
  readonly cases: readonly FuzzCase[];
  /** What the document in use did not let the engine derive, one sentence each. */
  readonly gaps: readonly string[];
  readonly operations: readonly string[];
}
