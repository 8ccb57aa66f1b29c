// The general verdicts a behaviour gives: run a registered check, a status, a body
// that is JSON, the OpenAPI document's own view of an answer, a refusal, a value that
// agrees with the documented one, a property that holds. Every failure is recorded
// with the exchange's reproduction; domain claims build on these (assertions.ts).
import { errorBodyIsTwilio, errorCodeOf } from "../checks/errorBody.ts";
import { propertyHolds, valueIsDocumented } from "../checks/equality.ts";
import type { CheckDefinition, Failure } from "../checks/failure.ts";
import { responseIsJsonObject } from "../checks/jsonBody.ts";
import { responseMatchesSchema } from "../checks/schema.ts";
import { statusIsDocumented, type StatusClass } from "../checks/status.ts";
import { parseJsonBody, type Exchange } from "../http/exchange.ts";
import { asJsonObject, type Json } from "../http/json.ts";
import { MAP_NOT_FOUND_CODES, NOT_FOUND_CODES } from "../spec/documented.ts";
import { exchangeOf, fieldIn, fieldOf, operationOf, type Answer, type Judged } from "./answer.ts";
import type { BehaviourSpec } from "./environment.ts";
import type { Recorder } from "./recorder.ts";
import { BehaviourAborted, BehaviourSkipped } from "./stops.ts";

export type ExpectedStatus = number | StatusClass | ReadonlyArray<number | StatusClass>;

export class Verdicts {
  constructor(
    protected readonly recorder: Recorder,
    protected readonly spec: BehaviourSpec,
  ) {}

  /** Runs a registered check; a failure is recorded with the exchange's reproduction. */
  check<Input>(definition: CheckDefinition<Input>, input: Input, on?: Judged): boolean {
    const found = definition.run(input);
    for (const item of found)
      this.recorder.record(item, on === undefined ? undefined : exchangeOf(on));
    return found.length === 0;
  }

  /** Records a failure found by the behaviour's own reasoning rather than a registered check. */
  fail(found: Omit<Failure, "reproduction">, on?: Judged): void {
    this.recorder.record(found, on === undefined ? undefined : exchangeOf(on));
  }

  /** A property the behaviour computes itself; `received` shows the values it judged. */
  holds(on: Judged, condition: boolean, received: string, documented: string): boolean {
    return this.check(propertyHolds, { holds: condition, received, documented }, on);
  }

  /** `actual` deep-equals the documented `expected`; `subject` names it in the failure. */
  agrees(on: Judged, subject: string, actual: unknown, expected: unknown, why: string): boolean {
    return this.check(valueIsDocumented, { subject, actual, expected, documented: why }, on);
  }

  /** A (dotted) field of the answer equals the documented value. */
  field(answer: Answer, path: string, expected: unknown, why: string): boolean {
    return this.agrees(answer, fieldIn(answer, path), fieldOf(answer, path), expected, why);
  }

  /**
   * The answer's status. Without `why`, the documented text is the claim the
   * operation and the OpenAPI document make: "CreateSyncMapItem answers 201 (…)".
   */
  status(on: Judged, expected: ExpectedStatus, why?: string): boolean {
    const list = Array.isArray(expected) ? expected : [expected as number | StatusClass];
    const exchange = exchangeOf(on);
    const documented = why ?? this.statusClaim(operationOf(exchange), list);
    return this.check(statusIsDocumented, { exchange, expected: list, documented }, exchange);
  }

  /** Status must match, else the behaviour stops: nothing after it could be judged. */
  expectStatus(on: Judged, expected: number | readonly number[], why?: string): void {
    if (!this.status(on, expected, why)) throw new BehaviourAborted();
  }

  /** The status, then the JSON object body: the answer later claims are judged on. */
  expectAnswer(exchange: Exchange, expected: number, why?: string): Answer {
    this.expectStatus(exchange, expected, why);
    return { exchange, body: this.json(exchange) };
  }

  /** The parsed answer when the status matches; undefined (with the failure noted) otherwise. */
  answered(exchange: Exchange, expected: number, why?: string): Answer | undefined {
    return this.status(exchange, expected, why)
      ? { exchange, body: this.json(exchange) }
      : undefined;
  }

  /** The JSON object an answer must carry, or the behaviour stops with a failure. */
  json(exchange: Exchange): Json {
    const parsed = parseJsonBody(exchange);
    const body = parsed.ok ? asJsonObject(parsed.value) : undefined;
    if (body !== undefined) return body;
    this.check(responseIsJsonObject, { exchange }, exchange);
    throw new BehaviourAborted();
  }

  /** The answer's body against the spec's schema for its operation and status. */
  schema(on: Judged): boolean {
    const exchange = exchangeOf(on);
    const operationId = exchange.operationId;
    if (operationId !== undefined && this.spec.missingOperations([operationId]).length > 0) {
      throw this.skipped(operationId, "its schema cannot be checked");
    }
    return this.check(responseMatchesSchema, { spec: this.spec, exchange }, exchange);
  }

  /**
   * The answer to a well-formed request, judged by the document alone: a success
   * status it lists for the operation and a body matching that status's schema.
   * A refusal is also held to the Twilio error body, so the report says both.
   */
  answeredAsDocumented(exchange: Exchange): boolean {
    const operationId = operationOf(exchange);
    const expected = this.documentedSuccess(operationId);
    const statuses = expected.length === 1 ? "status" : "statuses";
    const listed = `the success ${statuses} the OpenAPI document lists for ${operationId}`;
    if (!this.status(exchange, expected, listed)) {
      if ((exchange.response?.status ?? 0) >= 400) this.errorBody(exchange);
      return false;
    }
    return this.schema(exchange);
  }

  errorBody(exchange: Exchange, codes: readonly number[] = []): boolean {
    return this.check(errorBodyIsTwilio, { exchange, codes }, exchange);
  }

  /** A refused request: the status, then the Twilio error body; notes the code it used. */
  refused(
    exchange: Exchange,
    expected: number | "4xx" | ReadonlyArray<number | "4xx">,
    codes: readonly number[],
    why: string,
    topic?: string,
  ): boolean {
    if (!this.status(exchange, expected, why)) return false;
    const bodyOk = this.errorBody(exchange, codes);
    const code = errorCodeOf(exchange);
    if (topic !== undefined && code !== undefined) this.recorder.reading(topic, String(code));
    return bodyOk;
  }

  /** Refused with some 4xx and a Twilio error body of any code (the documents name none). */
  rejected(exchange: Exchange, why: string, topic?: string): boolean {
    return this.refused(exchange, "4xx", [], why, topic);
  }

  /**
   * 404 with a not-found code: any of them for an item operation, a map's for the
   * rest (docs/behaviour-reference.md#c5-not-found-code).
   */
  notFound(exchange: Exchange, why: string, topic?: string): boolean {
    const codes = operationOf(exchange).includes("Item") ? NOT_FOUND_CODES : MAP_NOT_FOUND_CODES;
    return this.refused(exchange, 404, codes, why, topic);
  }

  private statusClaim(operationId: string, expected: ReadonlyArray<number | StatusClass>): string {
    const claim = `${operationId} answers ${expected.join(" or ")}`;
    const listed = this.spec.operation(operationId)?.responses.map((response) => response.status);
    if (listed === undefined) return claim;
    const documented = expected.every((status) => listed.includes(String(status).toUpperCase()));
    return documented
      ? `${claim} (documented in the OpenAPI document)`
      : `${claim} (the OpenAPI document lists ${listed.join(", ")})`;
  }

  private documentedSuccess(operationId: string): Array<number | "2xx"> {
    const operation = this.spec.operation(operationId);
    if (operation === undefined) throw this.skipped(operationId, "its answers cannot be judged");
    const listed = operation.responses.map((response) => response.status.toUpperCase());
    const exact = listed.filter((status) => /^2\d\d$/.test(status)).map(Number);
    if (exact.length > 0) return exact;
    // Only a range or "default": any 2xx is what the document allows.
    return ["2xx"];
  }

  private skipped(operationId: string, consequence: string): BehaviourSkipped {
    const document = `the OpenAPI document ${this.spec.source}`;
    return new BehaviourSkipped(`${document} does not describe ${operationId}, so ${consequence}`);
  }
}
