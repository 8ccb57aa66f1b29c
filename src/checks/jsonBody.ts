import type { Exchange } from "../http/exchange.ts";
import { describeAnswer, parseJsonBody } from "../http/exchange.ts";
import { defineCheck, type Failure } from "./failure.ts";

export interface JsonBodyInput {
  readonly exchange: Exchange;
}

/** Every Sync Map answer with a body is a JSON object (application/json). */
export const responseIsJsonObject = defineCheck<JsonBodyInput>({
  id: "response_is_json_object",
  title: "Response body is not a JSON object",
  run({ exchange }): Failure[] {
    const parsed = parseJsonBody(exchange);
    if (parsed.ok && isJsonObject(parsed.value)) return [];
    const received = parsed.ok ? describeAnswer(exchange) : parsed.reason;
    return [
      { check: this.id, title: this.title, received, documented: "application/json object body" },
    ];
  },
});

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
