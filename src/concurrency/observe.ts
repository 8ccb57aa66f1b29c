// What an answer tells the checker. A transport error, a 5xx and a 429 that outlived its
// retries have unknown outcomes: the request may or may not have taken effect. Anything else
// is an observed outcome, and a status the model does not expect is itself a violation.
import { parseJsonBody, type Exchange } from "../http/exchange.ts";
import { asJsonObject, type Json } from "../http/json.ts";
import type {
  ItemOutput,
  NamedMapOutput,
  PermissionFlags,
  PermissionOutput,
} from "../linearizability/index.ts";

export function isUnknownOutcome(exchange: Exchange): boolean {
  const status = exchange.response?.status;
  return status === undefined || status >= 500 || status === 429;
}

export function bodyOf(exchange: Exchange): Json | undefined {
  const parsed = parseJsonBody(exchange);
  return parsed.ok ? asJsonObject(parsed.value) : undefined;
}

export function itemOutputOf(exchange: Exchange): ItemOutput | undefined {
  if (isUnknownOutcome(exchange)) return undefined;
  const status = exchange.response?.status ?? 0;
  const body = status < 300 ? bodyOf(exchange) : undefined;
  return itemOutputOfRecord(status, body);
}

export function itemOutputOfRecord(status: number, body: Json | undefined): ItemOutput {
  const revision = body?.revision;
  return {
    status,
    ...(typeof revision === "string" ? { revision } : {}),
    ...(body !== undefined && "data" in body ? { data: body.data } : {}),
  };
}

export function permissionOutputOf(exchange: Exchange): PermissionOutput | undefined {
  if (isUnknownOutcome(exchange)) return undefined;
  const status = exchange.response?.status ?? 0;
  const flags = status < 300 ? flagsOf(bodyOf(exchange)) : undefined;
  return { status, ...(flags === undefined ? {} : { flags }) };
}

export function flagsOf(body: Json | undefined): PermissionFlags | undefined {
  if (body === undefined) return undefined;
  const { read, write, manage } = body;
  if (typeof read !== "boolean" || typeof write !== "boolean" || typeof manage !== "boolean") {
    return undefined;
  }
  return { read, write, manage };
}

export function mapOutputOf(exchange: Exchange): NamedMapOutput | undefined {
  if (isUnknownOutcome(exchange)) return undefined;
  const status = exchange.response?.status ?? 0;
  const sid = status < 300 ? bodyOf(exchange)?.sid : undefined;
  return { status, ...(typeof sid === "string" ? { sid } : {}) };
}

/** The records of a list page under its meta.key, or undefined when the page is not one. */
export function listedRecords(exchange: Exchange, key: string): Json[] | undefined {
  if (exchange.response?.status !== 200) return undefined;
  const records = bodyOf(exchange)?.[key];
  if (!Array.isArray(records)) return undefined;
  return records.flatMap((record) => {
    const object = asJsonObject(record);
    return object === undefined ? [] : [object];
  });
}
