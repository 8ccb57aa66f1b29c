// An answer the behaviour judges: the exchange and its parsed JSON body, and the
// words failures use to name it ("map_sid in the FetchSyncMapItem answer").
import type { Exchange } from "../http/exchange.ts";
import { asJsonObject, type Json } from "../http/json.ts";

export interface Answer {
  readonly exchange: Exchange;
  readonly body: Json;
}

/** An assertion's subject: a bare exchange (status, headers) or a parsed answer. */
export type Judged = Exchange | Answer;

export function exchangeOf(judged: Judged): Exchange {
  return "exchange" in judged ? judged.exchange : judged;
}

export function operationOf(judged: Judged): string {
  return exchangeOf(judged).operationId ?? "(unknown operation)";
}

/** A field of the body, dotted for nested objects ("meta.page_size", "links.items"). */
export function fieldOf(answer: Answer, path: string): unknown {
  let value: unknown = answer.body;
  for (const name of path.split(".")) value = asJsonObject(value)?.[name];
  return value;
}

/** "meta.page_size in the ListSyncMap answer". */
export function fieldIn(answer: Answer, path: string): string {
  return `${path} in the ${operationOf(answer)} answer`;
}

/** The ttl parameters a request sent, for people: "CollectionTtl=3600, ItemTtl=600". */
export function ttlsSent(exchange: Exchange): string {
  const sent = (exchange.request.form ?? []).filter(([name]) => /ttl$/i.test(name));
  return sent.map(([name, value]) => `${name}=${value}`).join(", ");
}

/** What an answer describes, for people: "CreateSyncMapItem answer (ItemTtl=600)". */
export function describeAnswerOf(answer: Answer): string {
  const ttls = ttlsSent(answer.exchange);
  return `${operationOf(answer)} answer${ttls === "" ? "" : ` (${ttls})`}`;
}
