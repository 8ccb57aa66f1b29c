// How a command holds an answer to the model: each helper runs a pure check and
// throws a ModelMismatch with the exchange, so the sequence stops where it diverged.
import { isDeepStrictEqual } from "node:util";
import type { Failure } from "../../checks/failure.ts";
import { errorBodyIsTwilio } from "../../checks/errorBody.ts";
import { expiryDerivesFromTtl } from "../../checks/expiry.ts";
import { statusIsDocumented } from "../../checks/status.ts";
import { show } from "../../checks/failure.ts";
import { parseTwilioDate } from "../../checks/dates.ts";
import { describeAnswer, parseJsonBody, type Exchange } from "../../http/exchange.ts";
import type { ModelMap } from "../model.ts";
import { ModelMismatch, type RealSystem } from "../real.ts";

export type Json = Record<string, unknown>;

function raise(found: Failure | undefined, exchange: Exchange): void {
  if (found !== undefined) throw new ModelMismatch(found, exchange);
}

export function expectStatus(exchange: Exchange, expected: number | "4xx", documented: string): void {
  raise(statusIsDocumented.run({ exchange, expected: [expected], documented })[0], exchange);
}

/** A refusal: the status and a Twilio error body, with one of the codes when the documents fix them. */
export function expectRefusal(exchange: Exchange, expected: number | "4xx", codes: readonly number[], documented: string): void {
  expectStatus(exchange, expected, documented);
  raise(errorBodyIsTwilio.run({ exchange, codes })[0], exchange);
}

export function bodyOf(exchange: Exchange): Json {
  const parsed = parseJsonBody(exchange);
  if (parsed.ok && parsed.value !== null && typeof parsed.value === "object" && !Array.isArray(parsed.value)) return parsed.value as Json;
  throw new ModelMismatch({ check: "response_is_json_object", title: "Response body is not a JSON object", received: parsed.ok ? describeAnswer(exchange) : parsed.reason, documented: "application/json object body" }, exchange);
}

export function expectEqual(exchange: Exchange, subject: string, actual: unknown, expected: unknown, documented: string): void {
  if (isDeepStrictEqual(actual, expected)) return;
  throw new ModelMismatch({ check: "model_value_agrees", title: "The target disagrees with the model", received: `${subject} = ${show(actual)}`, documented: `${subject} = ${show(expected)}: ${documented}` }, exchange);
}

export function expectThat(exchange: Exchange, holds: boolean, received: string, documented: string): void {
  if (holds) return;
  throw new ModelMismatch({ check: "model_property_holds", title: "The target disagrees with the model", received, documented }, exchange);
}

/** date_expires as the model predicts it: null, or the time of the write that set the ttl plus the ttl. */
export function expectExpiry(real: RealSystem, exchange: Exchange, subject: string, dateExpires: unknown, expiry: ModelMap["expiry"]): void {
  const writeTime = expiry === undefined ? undefined : real.timeOf(expiry.write);
  const found = expiryDerivesFromTtl.run({
    resource: subject,
    dateExpires,
    writeTime: writeTime ?? null,
    writeTimeField: `the time of write #${expiry?.write ?? "-"} on the target's clock`,
    ttl: expiry?.ttl,
  })[0];
  raise(found, exchange);
}

/** A write gives the object a revision it has not shown before in this lifetime (facts §3). */
export function expectNewRevision(real: RealSystem, exchange: Exchange, object: string, revision: unknown): void {
  const seen = real.seen(object);
  expectThat(
    exchange,
    typeof revision === "string" && !seen.includes(revision),
    `revision ${show(revision)} after a write to ${object}, which earlier showed ${show(seen)}`,
    "every change gives a new revision, never an earlier one (so a stale If-Match cannot match again)",
  );
  seen.push(revision as string);
}

/** Revision as last seen: nothing changed the object since. */
export function expectSameRevision(real: RealSystem, exchange: Exchange, object: string, revision: unknown): void {
  const last = real.seen(object).at(-1);
  if (last === undefined) return;
  expectEqual(exchange, `revision of ${object}`, revision, last, "no write happened since the last answer");
}

/**
 * Between two writes that each set a ttl, expiry moves by the time between them (on our
 * clock: skew cancels) plus the change of ttl. Both dates are floored to the second, so
 * one second of slack, plus the two round trips. Catches expiry counted from the wrong write.
 */
export function expectExpiryMoved(
  real: RealSystem,
  exchange: Exchange,
  subject: string,
  previous: { readonly dateExpires: string; readonly write: number; readonly ttl: number },
  current: { readonly dateExpires: unknown; readonly write: number; readonly ttl: number },
): void {
  const before = parseTwilioDate(previous.dateExpires);
  const after = typeof current.dateExpires === "string" ? parseTwilioDate(current.dateExpires) : undefined;
  const first = real.writeExchange(previous.write);
  const second = real.writeExchange(current.write);
  if (before === undefined || after === undefined || first === undefined || second === undefined) return;
  const expectedMs = second.sentAt - first.sentAt + (current.ttl - previous.ttl) * 1000;
  const toleranceMs = 1000 + first.elapsedMs + second.elapsedMs;
  expectThat(
    exchange,
    Math.abs(after - before - expectedMs) <= toleranceMs,
    `${subject}: date_expires moved ${((after - before) / 1000).toFixed(1)} s (${previous.dateExpires} → ${String(current.dateExpires)}) between writes ${((second.sentAt - first.sentAt) / 1000).toFixed(1)} s apart`,
    `a ttl counts from the write that sent it, so expiry moves by the time between the writes plus the change of ttl (${(expectedMs / 1000).toFixed(1)} s ± ${(toleranceMs / 1000).toFixed(1)} s)`,
  );
}
