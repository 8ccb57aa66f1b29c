// How a command holds an answer to the model: through the same registered checks the
// single-call behaviours use, so one fault has one check id wherever it is found. The
// first failure throws a ModelMismatch with the exchange: the sequence stops there.
import type { CheckDefinition } from "../../checks/failure.ts";
import { show } from "../../checks/failure.ts";
import { errorBodyIsTwilio } from "../../checks/errorBody.ts";
import { propertyHolds, valueIsDocumented } from "../../checks/equality.ts";
import { expiryDerivesFromTtl } from "../../checks/expiry.ts";
import { expiryMovesWithWrites } from "../../checks/expiryMoves.ts";
import { responseIsJsonObject } from "../../checks/jsonBody.ts";
import { statusIsDocumented } from "../../checks/status.ts";
import { parseJsonBody, type Exchange } from "../../http/exchange.ts";
import { REFERENCE, cite } from "../../spec/documented.ts";
import type { ModelMap } from "../model.ts";
import { ModelMismatch, type RealSystem } from "../real.ts";

import type { Json } from "../../http/json.ts";

export type { Json };

/** Runs a registered check; its first failure ends the sequence at this exchange. */
export function hold<Input>(check: CheckDefinition<Input>, input: Input, exchange: Exchange): void {
  const [found] = check.run(input);
  if (found !== undefined) throw new ModelMismatch(found, exchange);
}

export function expectStatus(
  exchange: Exchange,
  expected: number | "4xx" | ReadonlyArray<number | "4xx">,
  documented: string,
): void {
  const list = Array.isArray(expected) ? expected : [expected as number | "4xx"];
  hold(statusIsDocumented, { exchange, expected: list, documented }, exchange);
}

/** A refusal: the status, and a Twilio error body with one of the codes the documents fix. */
export function expectRefusal(
  exchange: Exchange,
  expected: number | "4xx",
  codes: readonly number[],
  documented: string,
): void {
  expectStatus(exchange, expected, documented);
  hold(errorBodyIsTwilio, { exchange, codes }, exchange);
}

export function bodyOf(exchange: Exchange): Json {
  hold(responseIsJsonObject, { exchange }, exchange);
  return (parseJsonBody(exchange) as { readonly value: Json }).value;
}

export function expectEqual(
  exchange: Exchange,
  subject: string,
  actual: unknown,
  expected: unknown,
  documented: string,
): void {
  hold(valueIsDocumented, { subject, actual, expected, documented }, exchange);
}

export function expectThat(
  exchange: Exchange,
  holds: boolean,
  received: string,
  documented: string,
): void {
  hold(propertyHolds, { holds, received, documented }, exchange);
}

/** date_expires as the model predicts: null, or the time of the write that set the ttl plus it. */
export function expectExpiry(
  real: RealSystem,
  exchange: Exchange,
  subject: string,
  dateExpires: unknown,
  expiry: ModelMap["expiry"],
): void {
  const writeTime = expiry === undefined ? undefined : real.timeOf(expiry.write);
  const writeTimeField = `the time of write #${expiry?.write ?? "-"} on the target's clock`;
  const input = {
    resource: subject,
    dateExpires,
    writeTime: writeTime ?? null,
    writeTimeField,
    ttl: expiry?.ttl,
  };
  hold(expiryDerivesFromTtl, input, exchange);
}

/** A write gives the object a revision it has not shown before in this lifetime. */
export function expectNewRevision(
  real: RealSystem,
  exchange: Exchange,
  object: string,
  revision: unknown,
): void {
  const seen = real.seen(object);
  expectThat(
    exchange,
    typeof revision === "string" && !seen.includes(revision),
    `revision ${show(revision)} after a write to ${object}, which earlier showed ${show(seen)}`,
    "every change gives a new revision, never an earlier one (so a stale If-Match cannot match " +
      `again): ${cite(REFERENCE.revisions)}`,
  );
  seen.push(revision as string);
}

/** Revision as last seen: nothing changed the object since. */
export function expectSameRevision(
  real: RealSystem,
  exchange: Exchange,
  object: string,
  revision: unknown,
): void {
  const last = real.seen(object).at(-1);
  if (last === undefined) return;
  expectEqual(
    exchange,
    `revision of ${object}`,
    revision,
    last,
    "no write happened since the last answer",
  );
}

/** Between two writes that each set a ttl, expiry moves by the time between them. */
export function expectExpiryMoved(
  real: RealSystem,
  exchange: Exchange,
  subject: string,
  previous: { readonly dateExpires: string; readonly write: number; readonly ttl: number },
  current: { readonly dateExpires: unknown; readonly write: number; readonly ttl: number },
): void {
  const first = real.writeExchange(previous.write);
  const second = real.writeExchange(current.write);
  if (first === undefined || second === undefined) return;
  const timed = (write: Exchange) => ({ sentAt: write.sentAt, elapsedMs: write.elapsedMs });
  hold(
    expiryMovesWithWrites,
    {
      resource: subject,
      previous: { dateExpires: previous.dateExpires, ttl: previous.ttl, ...timed(first) },
      current: { dateExpires: current.dateExpires, ttl: current.ttl, ...timed(second) },
    },
    exchange,
  );
}

/**
 * After a write that set a ttl: expiry moved as the time between this write and the one
 * that set it before says; remember it for the next. A write that cleared it forgets.
 */
export function expectExpiryFromThisWrite(
  real: RealSystem,
  exchange: Exchange,
  object: string,
  label: string,
  dateExpires: unknown,
  expiry: ModelMap["expiry"],
): void {
  const previous = real.observedExpiry.get(object);
  if (expiry === undefined || typeof dateExpires !== "string") {
    real.observedExpiry.delete(object);
    return;
  }
  const current = { dateExpires, write: expiry.write, ttl: expiry.ttl };
  // The same write set it: nothing moved it, which records.ts holds the answer to exactly.
  if (previous !== undefined && previous.write !== current.write)
    expectExpiryMoved(real, exchange, label, previous, current);
  real.observedExpiry.set(object, current);
}
