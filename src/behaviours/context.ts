// What a behaviour sees while it runs: the API, the spec, checks that record typed
// failures (with a curl reproduction), and resources it creates, tracked for cleanup.
import { setTimeout as sleep } from "node:timers/promises";
import type { CheckDefinition, Failure } from "../checks/failure.ts";
import { errorBodyIsTwilio, errorCodeOf } from "../checks/errorBody.ts";
import { responseMatchesSchema, type ResponseValidator } from "../checks/schema.ts";
import { statusIsDocumented, type StatusClass } from "../checks/status.ts";
import type { Config } from "../config/config.ts";
import { toCurl } from "../http/curl.ts";
import type { FormFields } from "../http/client.ts";
import { describeAnswer, parseJsonBody, renderRequest, renderResponse, type Exchange } from "../http/exchange.ts";
import type { SyncMapApi } from "../http/syncApi.ts";
import type { SpecLimits } from "../spec/index.ts";
import { sampleSeeded } from "../arbitraries/seeded.ts";
import type { Arbitrary } from "fast-check";

export interface Reading {
  /** Where the documents disagree, e.g. "map not-found code". */
  readonly topic: string;
  /** What this target does, e.g. "54200". */
  readonly reading: string;
}

export type Json = Record<string, unknown>;

/** Thrown to stop a behaviour once a failure leaves nothing meaningful to check. */
export class BehaviourAborted extends Error {
  constructor() {
    super("behaviour stopped after a failure");
    this.name = "BehaviourAborted";
  }
}

/**
 * Thrown when the behaviour cannot be judged under this run's documents (the --spec
 * document lacks an operation it checks): reported as skipped with the reason.
 */
export class BehaviourSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "BehaviourSkipped";
  }
}

export interface BehaviourEnvironment {
  readonly api: SyncMapApi;
  readonly spec: ResponseValidator & {
    readonly limits: SpecLimits;
    /** The document's path, to name it when it lacks something. */
    readonly source: string;
    missingOperations(expected: readonly string[]): string[];
    /** The statuses the document lists for an operation ("201", "2XX", "default"…). */
    operation(operationId: string): { readonly responses: ReadonlyArray<{ readonly status: string }> } | undefined;
  };
  readonly config: Pick<Config, "accountSid" | "serviceSid" | "runPrefix" | "seed"> & {
    /** Property-based runs per model behaviour (--runs). */
    readonly runs: number;
    /** Where counterexamples are saved; absent = not saved (the meta-suite). */
    readonly artefactDir?: string;
  };
}

export class BehaviourContext {
  readonly failures: Failure[] = [];
  readonly readings: Reading[] = [];
  private readonly createdMaps = new Set<string>();
  private nameCounter = 0;

  constructor(
    readonly behaviourId: string,
    private readonly environment: BehaviourEnvironment,
  ) {}

  get api(): SyncMapApi {
    return this.environment.api;
  }
  get serviceSid(): string {
    return this.environment.config.serviceSid;
  }
  get accountSid(): string {
    return this.environment.config.accountSid;
  }

  /** The documented limits (key and name lengths, data size…) from the spec in use. */
  get limits(): SpecLimits {
    return this.environment.spec.limits;
  }

  /** Generated inputs, the same for the same --seed and behaviour: failures replay. */
  generate<T>(arbitrary: Arbitrary<T>, count: number, label = "default"): T[] {
    return sampleSeeded(arbitrary, this.environment.config.seed, `${this.behaviourId}:${label}`, count);
  }

  get seed(): number {
    return this.environment.config.seed;
  }
  get runs(): number {
    return this.environment.config.runs;
  }
  get artefactDir(): string | undefined {
    return this.environment.config.artefactDir;
  }

  /** Maps a model sequence could not delete: they count as this behaviour's leaks. */
  noteLeaked(sids: readonly string[]): void {
    for (const sid of sids) this.createdMaps.add(sid);
  }

  /** A failure whose reproduction the behaviour wrote itself (a shrunk script, a seed). */
  failWith(found: Omit<Failure, "reproduction">, reproduction: string, exchange?: Exchange): void {
    this.failures.push({ ...found, reproduction, ...(exchange === undefined ? {} : { evidence: evidenceOf(exchange) }) });
  }

  /** A unique_name carrying the run prefix, so cleanup can always find what we made. */
  uniqueName(label = "map"): string {
    this.nameCounter += 1;
    return `${this.environment.config.runPrefix}${this.behaviourId.toLowerCase()}-${label}-${this.nameCounter}`;
  }

  /** Runs a check; a failure is recorded with the exchange's reproduction. */
  check<Input>(definition: CheckDefinition<Input>, input: Input, exchange?: Exchange): boolean {
    const found = definition.run(input);
    for (const item of found) this.record(item, exchange);
    return found.length === 0;
  }

  status(exchange: Exchange, expected: number | StatusClass | ReadonlyArray<number | StatusClass>, documented: string): boolean {
    const list = Array.isArray(expected) ? expected : [expected as number | StatusClass];
    return this.check(statusIsDocumented, { exchange, expected: list, documented }, exchange);
  }

  /** The answer's body against the spec's schema for its operation and status. */
  schema(exchange: Exchange): boolean {
    const operationId = exchange.operationId;
    if (operationId !== undefined && this.environment.spec.missingOperations([operationId]).length > 0) {
      throw new BehaviourSkipped(`the OpenAPI document ${this.environment.spec.source} does not describe ${operationId}, so its schema cannot be checked`);
    }
    return this.check(responseMatchesSchema, { spec: this.environment.spec, exchange }, exchange);
  }

  /**
   * The answer to a well-formed request, judged by the document alone: a success
   * status it lists for the operation and a body matching that status's schema.
   * A refusal is also held to the Twilio error body, so the report says both.
   */
  answeredAsDocumented(exchange: Exchange): boolean {
    const operationId = exchange.operationId ?? "(unknown operation)";
    const expected = this.documentedSuccess(operationId);
    const statusOk = this.status(exchange, expected, `the success ${expected.length === 1 ? "status" : "statuses"} the OpenAPI document lists for ${operationId}`);
    if (!statusOk) {
      if ((exchange.response?.status ?? 0) >= 400) this.errorBody(exchange);
      return false;
    }
    return this.schema(exchange);
  }

  private documentedSuccess(operationId: string): Array<number | "2xx"> {
    const operation = this.environment.spec.operation(operationId);
    if (operation === undefined) {
      throw new BehaviourSkipped(`the OpenAPI document ${this.environment.spec.source} does not describe ${operationId}, so its answers cannot be judged`);
    }
    const listed = operation.responses.map((response) => response.status.toUpperCase());
    const exact = listed.filter((status) => /^2\d\d$/.test(status)).map(Number);
    if (exact.length > 0) return exact;
    // Only a range or "default": any 2xx is what the document allows.
    return ["2xx"];
  }

  errorBody(exchange: Exchange, codes: readonly number[] = []): boolean {
    return this.check(errorBodyIsTwilio, { exchange, codes }, exchange);
  }

  /** A refused request: the status, then the Twilio error body; notes the code it used. */
  refused(exchange: Exchange, expected: number | "4xx" | ReadonlyArray<number | "4xx">, codes: readonly number[], documented: string, topic?: string): boolean {
    const statusOk = this.status(exchange, expected, documented);
    if (!statusOk) return false;
    const bodyOk = this.errorBody(exchange, codes);
    const code = errorCodeOf(exchange);
    if (topic !== undefined && code !== undefined) this.reading(topic, String(code));
    return bodyOk;
  }

  /** The JSON object an answer must carry, or the behaviour stops with a failure. */
  json(exchange: Exchange): Json {
    const parsed = parseJsonBody(exchange);
    if (parsed.ok && parsed.value !== null && typeof parsed.value === "object" && !Array.isArray(parsed.value)) {
      return parsed.value as Json;
    }
    this.record(
      { check: "response_is_json_object", title: "Response body is not a JSON object", received: parsed.ok ? describeAnswer(exchange) : parsed.reason, documented: "application/json object body" },
      exchange,
    );
    throw new BehaviourAborted();
  }

  /** Status must match, else the behaviour stops: nothing after it could be judged. */
  expectStatus(exchange: Exchange, expected: number | ReadonlyArray<number>, documented: string): void {
    if (!this.status(exchange, expected, documented)) throw new BehaviourAborted();
  }

  /** Creates a map the behaviour needs (named with the run prefix unless told otherwise). */
  async createMap(form: FormFields = {}, options: { named?: boolean } = {}): Promise<{ exchange: Exchange; map: Json; sid: string; uniqueName: string | null }> {
    const fields: Record<string, string> = Array.isArray(form) ? Object.fromEntries(form) : { ...(form as Record<string, string>) };
    if (options.named !== false && fields.UniqueName === undefined) fields.UniqueName = this.uniqueName();
    const exchange = await this.api.createMap(fields);
    this.expectStatus(exchange, 201, "CreateSyncMap answers 201");
    const map = this.json(exchange);
    const sid = map.sid;
    if (typeof sid !== "string" || sid.length === 0) {
      this.record({ check: "created_map_has_sid", title: "Created map has no sid", received: `sid = ${JSON.stringify(sid)}`, documented: "sid ^MP[0-9a-fA-F]{32}$" }, exchange);
      throw new BehaviourAborted();
    }
    this.createdMaps.add(sid);
    return { exchange, map, sid, uniqueName: typeof map.unique_name === "string" ? map.unique_name : null };
  }

  /** A request that should have been refused may have created a map anyway: clean it up too. */
  adoptIfCreated(exchange: Exchange): void {
    const status = exchange.response?.status;
    if (status === undefined || status < 200 || status >= 300) return;
    const parsed = parseJsonBody(exchange);
    const sid = parsed.ok ? (parsed.value as { sid?: unknown } | null)?.sid : undefined;
    if (typeof sid === "string" && sid.length > 0) this.createdMaps.add(sid);
  }

  /** Forget a map the behaviour deleted itself. */
  forgetMap(sid: string): void {
    this.createdMaps.delete(sid);
  }

  reading(topic: string, reading: string): void {
    if (!this.readings.some((known) => known.topic === topic && known.reading === reading)) this.readings.push({ topic, reading });
  }

  /** Records a failure found by the behaviour's own reasoning rather than a registered check. */
  fail(failureFound: Omit<Failure, "reproduction">, exchange?: Exchange): void {
    this.record(failureFound, exchange);
  }

  sleep(ms: number): Promise<void> {
    return sleep(ms);
  }

  /** Deletes every map this behaviour created; returns the sids that could not be deleted. */
  async cleanUp(): Promise<string[]> {
    const leaked: string[] = [];
    for (const sid of this.createdMaps) {
      if (!isGone(await this.api.deleteMap(sid))) leaked.push(sid);
    }
    this.createdMaps.clear();
    return leaked;
  }

  private record(found: Failure, exchange: Exchange | undefined): void {
    if (exchange === undefined) {
      this.failures.push(found);
      return;
    }
    const reproduction = `${toCurl(exchange, { accountSid: this.accountSid })}\n# answered: ${describeAnswer(exchange)}`;
    this.failures.push({ ...found, reproduction, evidence: evidenceOf(exchange) });
  }
}

/** A delete that removed the resource, or found it already gone. */
export function isGone(exchange: Exchange): boolean {
  const status = exchange.response?.status;
  return status !== undefined && ((status >= 200 && status < 300) || status === 404);
}

function evidenceOf(exchange: Exchange): { request: string; response: string } {
  return { request: renderRequest(exchange), response: renderResponse(exchange) };
}
