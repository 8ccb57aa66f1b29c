// The generic checks every fuzz answer meets, as pure registered checks: never a 5xx,
// a documented status, a body that matches its schema, valid input accepted, invalid
// input refused (and, with snapshots, never applied), written data echoed as sent.
import { defineCheck, failure, show } from "../checks/failure.ts";
import type { Failure } from "../checks/failure.ts";
import { responseMatchesSchema } from "../checks/schema.ts";
import { describeAnswer, parseJsonBody } from "../http/exchange.ts";
import type { Exchange } from "../http/exchange.ts";
import {
  ANY_4XX_CODES,
  CODE,
  ERROR_TABLE_STATUSES,
  NOT_FOUND_CODES,
  RATE_LIMIT_CODES,
} from "../spec/documented.ts";
import type { SpecCatalog } from "../spec/index.ts";
import { DATA_FIELD } from "./domain.ts";
import { changesBetween } from "./state.ts";
import type { FuzzCase, Snapshot } from "./types.ts";
import { previewJson } from "./preview.ts";
import { onTheWire } from "./wire.ts";

export interface AnswerInput {
  readonly spec: SpecCatalog;
  readonly fuzzCase: FuzzCase;
  readonly exchange: Exchange;
}

/** A 4xx whose cause the suite can name is not a refusal of valid input. */
const NAMED_CAUSES: ReadonlyArray<readonly [number, readonly number[], string]> = [
  [404, NOT_FOUND_CODES, "not found"],
  [409, [CODE.duplicateKey, CODE.duplicateUniqueName], "duplicate"],
  [429, RATE_LIMIT_CODES, "rate limited"],
];

export const notAServerError = defineCheck<AnswerInput>({
  id: "not_a_server_error",
  title: "The target answers a request with a server error or not at all",
  run({ exchange }): Failure[] {
    const status = exchange.response?.status;
    if (status !== undefined && status < 500) return [];
    return [
      failure(this, describeAnswer(exchange), "any input is answered with a status below 500"),
    ];
  },
});

export const statusIsDocumentedForOperation = defineCheck<AnswerInput>({
  id: "status_is_documented_for_operation",
  title: "Status is neither documented for the operation nor a documented error",
  run({ spec, fuzzCase, exchange }): Failure[] {
    const status = exchange.response?.status;
    if (status === undefined || status >= 500) return [];
    const allowed = documentedStatuses(spec, fuzzCase.operationId);
    if (allowed.some((documented) => statusMatches(documented, status))) return [];
    if (status >= 400 && ANY_4XX_CODES.includes(errorCodeOf(exchange) as number)) return [];
    const codes = ANY_4XX_CODES.join(", ");
    const documented = `one of ${allowed.join(", ")}, or any 4xx with code ${codes}`;
    return [failure(this, describeAnswer(exchange), documented)];
  },
});

export const errorBodyMatchesSchema = defineCheck<AnswerInput>({
  id: "error_body_matches_twilio_error",
  title: "An error answer does not carry a Twilio error body",
  run({ spec, exchange }): Failure[] {
    const status = exchange.response?.status;
    if (status === undefined || status < 400 || status >= 500) return [];
    const parsed = parseJsonBody(exchange);
    const violations = parsed.ok ? spec.validateErrorBody(parsed.value) : [];
    if (parsed.ok && violations.length === 0) return [];
    const received = parsed.ok
      ? violations.map((violation) => `${violation.instancePath || "(body)"} ${violation.message}`)
      : [parsed.reason];
    return [failure(this, received.slice(0, 6).join("; "), "{code, message, more_info, status}")];
  },
});

export const validInputIsAccepted = defineCheck<AnswerInput>({
  id: "valid_input_is_accepted",
  title: "Valid input is refused",
  run({ fuzzCase, exchange }): Failure[] {
    const status = exchange.response?.status;
    if (fuzzCase.expect !== "accepted" || status === undefined || status >= 500) return [];
    if (status < 400 || namedCause(exchange) !== undefined) return [];
    return [failure(this, describeAnswer(exchange), `2xx: ${fuzzCase.reason}`)];
  },
});

export const invalidInputIsRefused = defineCheck<AnswerInput>({
  id: "invalid_input_is_refused",
  title: "Invalid input is accepted",
  run({ fuzzCase, exchange }): Failure[] {
    const status = exchange.response?.status;
    if (fuzzCase.expect !== "refused" || status === undefined || status >= 400) return [];
    return [
      failure(this, describeAnswer(exchange), `a 4xx with a Twilio error: ${fuzzCase.reason}`),
    ];
  },
});

export interface NotAppliedInput {
  readonly fuzzCase: FuzzCase;
  readonly before: Snapshot;
  readonly after: Snapshot;
}

export const invalidInputIsNotApplied = defineCheck<NotAppliedInput>({
  id: "invalid_input_is_not_applied",
  title: "Refused input changed the target anyway",
  run({ fuzzCase, before, after }): Failure[] {
    if (fuzzCase.expect !== "refused") return [];
    const changes = changesBetween(before, after);
    if (changes.length === 0) return [];
    return [failure(this, changes.slice(0, 4).join("; "), "a refused request changes nothing")];
  },
});

export const writtenDataIsEchoed = defineCheck<AnswerInput>({
  id: "written_data_is_echoed",
  title: "Accepted item data is answered as something else",
  run({ fuzzCase, exchange }): Failure[] {
    const status = exchange.response?.status;
    if (status === undefined || status < 200 || status >= 300) return [];
    const sent = sentData(fuzzCase);
    const answer = parseJsonBody(exchange);
    if (sent === undefined || !answer.ok || !isRecord(answer.value)) return [];
    if (sameJson(sent.value, answer.value["data"])) return [];
    const answered = previewJson(answer.value["data"]);
    const shown = `sent Data ${show(sent.text)}, answered data ${answered}`;
    return [failure(this, shown, "the stored data is the JSON that was written")];
  },
});

export interface JudgedInput {
  /** The cases a behaviour judges, and each sent case's status (0: no answer). */
  readonly cases: readonly FuzzCase[];
  readonly statuses: ReadonlyMap<string, number>;
}

/**
 * The other checks pass over 5xx answers (not_a_server_error reports those once), so a
 * target that answers nothing below 500 would pass them unjudged: it fails here instead.
 */
export const answersCanBeJudged = defineCheck<JudgedInput>({
  id: "fuzz_answers_can_be_judged",
  title: "No fuzz answer below 500 to judge",
  run({ cases, statuses }): Failure[] {
    const status = (fuzzCase: FuzzCase) => statuses.get(fuzzCase.id);
    const judgeable = (fuzzCase: FuzzCase) => {
      const answered = status(fuzzCase) ?? 0;
      return answered > 0 && answered < 500;
    };
    if (cases.length === 0 || cases.some(judgeable)) return [];
    const serverErrors = cases.filter((fuzzCase) => (status(fuzzCase) ?? 0) >= 500).length;
    const silent = cases.filter((fuzzCase) => status(fuzzCase) === 0).length;
    const unsent = cases.filter((fuzzCase) => status(fuzzCase) === undefined).length;
    const received =
      `${cases.length} cases: ${serverErrors} answered 5xx, ${silent} not answered, ` +
      `${unsent} not sent (their resources could not be made)`;
    return [failure(this, received, "answers below 500 to judge (5xx: FUZZ-NO-SERVER-ERROR)")];
  },
});

/** The checks of one answer, in a stable order; snapshots are checked apart. */
export const ANSWER_CHECKS = [
  notAServerError,
  statusIsDocumentedForOperation,
  errorBodyMatchesSchema,
  validInputIsAccepted,
  invalidInputIsRefused,
  writtenDataIsEchoed,
] as const;

export function checkAnswer(input: AnswerInput): Failure[] {
  const failures = ANSWER_CHECKS.flatMap((check) => check.run(input));
  const status = input.exchange.response?.status;
  const documented = documentedStatuses(input.spec, input.fuzzCase.operationId);
  if (
    status !== undefined &&
    status < 300 &&
    documented.some((entry) => statusMatches(entry, status))
  ) {
    failures.push(...responseMatchesSchema.run({ spec: input.spec, exchange: input.exchange }));
  }
  return failures;
}

/** The check ids a run reports on, answer checks and the snapshot check. */
export const FUZZ_CHECK_IDS: readonly string[] = [
  ...ANSWER_CHECKS.map((check) => check.id),
  responseMatchesSchema.id,
  invalidInputIsNotApplied.id,
];

export function namedCause(exchange: Exchange): string | undefined {
  const status = exchange.response?.status;
  const parsed = parseJsonBody(exchange);
  const code = parsed.ok && isRecord(parsed.value) ? parsed.value["code"] : undefined;
  const match = NAMED_CAUSES.find(
    ([named, codes]) => named === status && codes.includes(code as number),
  );
  return match?.[2];
}

/**
 * The operation's own statuses, every 4xx the document names for any operation, and the
 * statuses of the error table (docs/behaviour-reference.md#errors), which a thin document
 * such as the vendor's does not list.
 */
export function documentedStatuses(spec: SpecCatalog, operationId: string): string[] {
  const own = spec.operation(operationId)?.responses.map((response) => response.status) ?? [];
  const errors = spec
    .operationIds()
    .flatMap((id) => spec.operation(id)?.responses ?? [])
    .map((response) => response.status)
    .filter((status) => status.startsWith("4"));
  const table = ERROR_TABLE_STATUSES.map(String);
  return [...new Set([...own, ...errors, ...table])];
}

function errorCodeOf(exchange: Exchange): unknown {
  const parsed = parseJsonBody(exchange);
  return parsed.ok && isRecord(parsed.value) ? parsed.value["code"] : undefined;
}

function statusMatches(documented: string, status: number): boolean {
  if (documented === "default") return true;
  if (/^[1-5]XX$/i.test(documented)) return documented[0] === String(status)[0];
  return documented === String(status);
}

function sentData(fuzzCase: FuzzCase): { text: string; value: unknown } | undefined {
  if (fuzzCase.request.rawBody !== undefined || fuzzCase.request.form === undefined)
    return undefined;
  const text = onTheWire(fuzzCase.request.form).find(([name]) => name === DATA_FIELD)?.[1];
  if (text === undefined) return undefined;
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Structural equality without recursion: 5,000 nested arrays must not overflow the checker. */
export function sameJson(left: unknown, right: unknown): boolean {
  const pending: Array<[unknown, unknown]> = [[left, right]];
  while (pending.length > 0) {
    const [a, b] = pending.pop() as [unknown, unknown];
    if (Object.is(a, b) || (a === 0 && b === 0)) continue;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length) return false;
    for (const key of keysA) {
      if (!Object.hasOwn(b, key)) return false;
      pending.push([(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]]);
    }
  }
  return true;
}
