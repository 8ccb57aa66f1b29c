// One defect is one failure: observations are grouped by check, status and the shape of
// the answer (its Twilio code or problem type, or the schema violation), plus the input
// field for the checks that judge input. A mock that answers every invalid input with
// its own 422 is one failure, not one per operation and parameter. Each group keeps its
// smallest example with a reproduction and names the operations and inputs it spans.
import type { Failure } from "../checks/failure.ts";
import { parseJsonBody, renderRequest, renderResponse } from "../http/exchange.ts";
import type { Exchange } from "../http/exchange.ts";
import { fuzzCurl } from "./curl.ts";
import type { FuzzCase, WireRequest } from "./types.ts";

/** One failing check on one answer, before grouping. */
export interface Observation {
  readonly fuzzCase: FuzzCase;
  readonly wire: WireRequest;
  readonly exchange: Exchange;
  readonly failure: Failure;
}

/** Checks about what was sent: the input field is part of the defect. */
const INPUT_CHECKS = new Set([
  "valid_input_is_accepted",
  "invalid_input_is_refused",
  "invalid_input_is_not_applied",
  "written_data_is_echoed",
]);
/** Checks whose received text names the violation: it is the defect's signature. */
const SCHEMA_CHECKS = new Set(["response_matches_schema", "error_body_matches_twilio_error"]);

export interface FailureGroup {
  readonly key: string;
  readonly check: string;
  /** The example's operation; `operations` lists every one the group spans. */
  readonly operationId: string;
  readonly operations: readonly string[];
  /** The answer's status, or "no answer". */
  readonly status: string;
  readonly kind: string;
  /** How many observations the group stands for. */
  readonly count: number;
  /** The smallest example, its reproduction and evidence filled in. */
  readonly failure: Failure;
  readonly example: Observation;
  /** Every observation the group stands for. */
  readonly members: readonly Observation[];
}

export function groupKey(observation: Observation): string {
  const { failure, fuzzCase, exchange } = observation;
  const status = exchange.response?.status ?? "no answer";
  const shape = SCHEMA_CHECKS.has(failure.check)
    ? failure.received.replace(/\/\d+(?=\/|\s|$)/g, "/*")
    : answerShape(exchange);
  const input = INPUT_CHECKS.has(failure.check) ? (fuzzCase.kind.split("/")[0] ?? "") : "";
  // HTTP-layer cases are judged by a behaviour of their own: never in one group with API cases.
  const layer = fuzzCase.transport === true ? "HTTP layer" : "";
  return [failure.check, status, shape, input, layer].join(" | ");
}

/** What tells one answer's kind apart: its keys and Twilio code or problem type. */
export function answerShape(exchange: Exchange): string {
  if (exchange.response === undefined) return exchange.transportError?.code ?? "no answer";
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok) return "not JSON";
  const body = parsed.value;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return typeof body;
  const record = body as Record<string, unknown>;
  const code = record["code"] ?? record["type"];
  const keys = Object.keys(record).sort().join(",");
  return code === undefined ? `{${keys}}` : `{${keys}} ${String(code)}`;
}

/** Bytes a person reads to reproduce it: path, query and body. */
export function inputSize(wire: WireRequest): number {
  const form = wire.form?.reduce((sum, [name, value]) => sum + name.length + value.length + 2, 0);
  return wire.path.length + (form ?? wire.body?.length ?? 0);
}

export function groupFailures(
  observations: readonly Observation[],
  accountSid: string,
): FailureGroup[] {
  const groups = new Map<string, { smallest: Observation; all: Observation[] }>();
  for (const observation of observations) {
    const key = groupKey(observation);
    const known = groups.get(key);
    if (known === undefined) {
      groups.set(key, { smallest: observation, all: [observation] });
      continue;
    }
    known.all.push(observation);
    if (inputSize(observation.wire) < inputSize(known.smallest.wire)) known.smallest = observation;
  }
  return [...groups.entries()].map(([key, { smallest, all }]) =>
    toGroup(key, smallest, all, accountSid),
  );
}

/** The group's verdict on its example, saying how far the defect reaches. */
export function toGroup(
  key: string,
  example: Observation,
  members: readonly Observation[],
  accountSid: string,
): FailureGroup {
  const { fuzzCase, exchange, wire } = example;
  const operations = [...new Set(members.map((member) => member.fuzzCase.operationId))].sort();
  const kinds = new Set(members.map((member) => member.fuzzCase.kind)).size;
  const reach =
    members.length === 1
      ? ""
      : ` (and ${members.length - 1} more like it: ${kinds} kind${kinds === 1 ? "" : "s"} ` +
        `of input on ${listed(operations)})`;
  return {
    key,
    check: example.failure.check,
    operationId: fuzzCase.operationId,
    operations,
    status: String(exchange.response?.status ?? "no answer"),
    kind: fuzzCase.kind,
    count: members.length,
    example,
    members,
    failure: {
      ...example.failure,
      title: `${example.failure.title}: ${fuzzCase.operationId}, ${fuzzCase.description}${reach}`,
      reproduction: fuzzCurl(exchange, wire, accountSid),
      evidence: { request: cut(renderRequest(exchange)), response: renderResponse(exchange) },
    },
  };
}

function listed(operations: readonly string[]): string {
  if (operations.length <= 3) return operations.join(", ");
  return `${operations.length} operations (${operations.slice(0, 3).join(", ")}…)`;
}

const EVIDENCE_MAX = 16 * 1024;

function cut(text: string): string {
  return text.length > EVIDENCE_MAX
    ? `${text.slice(0, EVIDENCE_MAX)}… (${text.length} chars)`
    : text;
}
