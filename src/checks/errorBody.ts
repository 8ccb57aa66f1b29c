import type { Exchange } from "../http/exchange.ts";
import { parseJsonBody } from "../http/exchange.ts";
import { defineCheck, show, type Failure } from "./failure.ts";

export interface ErrorBodyInput {
  readonly exchange: Exchange;
  /** Twilio error codes any documented reading allows; empty = any integer code. */
  readonly codes: readonly number[];
}

/** The Twilio error body: {code, message, more_info, status} with status = the HTTP status. */
export const errorBodyIsTwilio = defineCheck<ErrorBodyInput>({
  id: "error_body_is_twilio",
  title: "Error body is not a Twilio error {code, message, more_info, status}",
  run({ exchange, codes }): Failure[] {
    const documented = `JSON {code${codes.length > 0 ? ` in ${codes.join("|")}` : ""}, message, more_info, status = HTTP status}`;
    const parsed = parseJsonBody(exchange);
    if (!parsed.ok)
      return [{ check: this.id, title: this.title, received: parsed.reason, documented }];
    const body = parsed.value as Record<string, unknown> | null;
    const problems: string[] = [];
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      problems.push(`body is ${show(body)}`);
    } else {
      if (!Number.isInteger(body.code)) problems.push(`code = ${show(body.code)}`);
      else if (codes.length > 0 && !codes.includes(body.code as number))
        problems.push(`code = ${show(body.code)}`);
      if (typeof body.message !== "string") problems.push(`message = ${show(body.message)}`);
      if (typeof body.more_info !== "string") problems.push(`more_info = ${show(body.more_info)}`);
      if (body.status !== exchange.response?.status)
        problems.push(`status = ${show(body.status)} for HTTP ${exchange.response?.status}`);
    }
    if (problems.length === 0) return [];
    return [{ check: this.id, title: this.title, received: problems.join("; "), documented }];
  },
});

/** The Twilio error code of an answer, when it carries one. */
export function errorCodeOf(exchange: Exchange): number | undefined {
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object") return undefined;
  const code = (parsed.value as { code?: unknown }).code;
  return typeof code === "number" ? code : undefined;
}
