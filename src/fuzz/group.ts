// One defect is one failure: observations are grouped by check, operation, status and
// the kind of input, and each group keeps its smallest example with a reproduction.
import type { Failure } from "../checks/failure.ts";
import { renderRequest, renderResponse } from "../http/exchange.ts";
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

export interface FailureGroup {
  readonly key: string;
  readonly check: string;
  readonly operationId: string;
  /** The answer's status, or "no answer". */
  readonly status: string;
  readonly kind: string;
  /** How many observations the group stands for. */
  readonly count: number;
  /** The smallest example, its reproduction and evidence filled in. */
  readonly failure: Failure;
  readonly example: Observation;
}

export function groupKey(observation: Observation): string {
  const { failure, fuzzCase, exchange } = observation;
  const status = exchange.response?.status ?? "no answer";
  return [failure.check, fuzzCase.operationId, status, fuzzCase.kind].join(" | ");
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
  const groups = new Map<string, { smallest: Observation; count: number }>();
  for (const observation of observations) {
    const key = groupKey(observation);
    const known = groups.get(key);
    if (known === undefined) {
      groups.set(key, { smallest: observation, count: 1 });
      continue;
    }
    known.count += 1;
    if (inputSize(observation.wire) < inputSize(known.smallest.wire)) known.smallest = observation;
  }
  return [...groups.entries()].map(([key, { smallest, count }]) =>
    toGroup(key, smallest, count, accountSid),
  );
}

export function toGroup(
  key: string,
  example: Observation,
  count: number,
  accountSid: string,
): FailureGroup {
  const { fuzzCase, exchange, wire } = example;
  const times = count > 1 ? ` (and ${count - 1} more like it)` : "";
  return {
    key,
    check: example.failure.check,
    operationId: fuzzCase.operationId,
    status: String(exchange.response?.status ?? "no answer"),
    kind: fuzzCase.kind,
    count,
    example,
    failure: {
      ...example.failure,
      title: `${example.failure.title}: ${fuzzCase.operationId}, ${fuzzCase.description}${times}`,
      reproduction: fuzzCurl(exchange, wire, accountSid),
      evidence: { request: cut(renderRequest(exchange)), response: renderResponse(exchange) },
    },
  };
}

const EVIDENCE_MAX = 16 * 1024;

function cut(text: string): string {
  return text.length > EVIDENCE_MAX
    ? `${text.slice(0, EVIDENCE_MAX)}… (${text.length} chars)`
    : text;
}
