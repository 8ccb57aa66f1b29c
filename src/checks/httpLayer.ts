// The HTTP layer beneath every answer: a JSON body says so in its media type, a 204
// carries no body, and no answer repeats the credentials it was sent. Clients choose
// how to parse by Content-Type (RFC 9110 §8.3), and a 204 has no content (§15.3.5);
// docs/behaviour-reference.md#http-headers and #credentials-in-answers.
import type { Exchange } from "../http/exchange.ts";
import { preview } from "../http/exchange.ts";
import { defineCheck, type Failure } from "./failure.ts";

export interface ExchangeInput {
  readonly exchange: Exchange;
}

/** The media type of a Content-Type value, lower-cased, parameters dropped. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type === undefined || type === "" ? undefined : type;
}

/** An answer with a body declares application/json; any parameter (charset) may follow. */
export const jsonBodyDeclaresJson = defineCheck<ExchangeInput>({
  id: "json_body_declares_application_json",
  title: "A JSON answer does not declare Content-Type application/json",
  run({ exchange }): Failure[] {
    const response = exchange.response;
    if (response === undefined || response.bodyText.trim() === "") return [];
    const declared = response.headers["content-type"];
    if (mediaTypeOf(declared) === "application/json") return [];
    const status = `${exchange.operationId ?? "the"} answer ${response.status}`;
    const shown = declared === undefined ? "(none)" : JSON.stringify(declared);
    const received = `${status} declares Content-Type ${shown}`;
    const documented = "application/json (a charset parameter may follow)";
    return [{ check: this.id, title: this.title, received, documented }];
  },
});

/** A 204 has no body and declares none: no bytes, no Content-Length but 0. */
export const noContentHasNoBody = defineCheck<ExchangeInput>({
  id: "no_content_has_no_body",
  title: "A 204 answer carries or declares a body",
  run({ exchange }): Failure[] {
    const documented = "204 No Content: no body, no Content-Length but 0 (RFC 9110 §15.3.5)";
    const problem = bodyProblem(exchange);
    return problem === undefined
      ? []
      : [{ check: this.id, title: this.title, received: problem, documented }];
  },
});

function bodyProblem(exchange: Exchange): string | undefined {
  const failed = exchange.transportError;
  if (failed !== undefined) {
    const framing = failed.code === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH";
    const why = framing ? "an answer whose declared body length a 204 cannot have" : "no answer";
    return `${why}: ${failed.code} ${failed.message}`;
  }
  const response = exchange.response;
  if (response === undefined || response.status !== 204) return undefined;
  if (response.bodyText !== "")
    return `204 with body ${JSON.stringify(preview(response.bodyText))}`;
  const length = response.headers["content-length"];
  if (length !== undefined && length.trim() !== "0") return `204 with Content-Length: ${length}`;
  return undefined;
}

/** The answer does not repeat the credentials its request carried (they are redacted). */
export const answerRepeatsNoCredentials = defineCheck<ExchangeInput & { readonly sent?: string }>({
  id: "answer_repeats_no_credentials",
  title: "An answer repeats the credentials it was sent",
  run({ exchange, sent }): Failure[] {
    if (exchange.response?.echoedCredentials !== true) return [];
    const answer = `the ${exchange.operationId ?? ""} answer ${exchange.response.status}`;
    const received =
      `${answer.replace("  ", " ")} to a request sent with ${sent ?? "credentials"} repeats ` +
      "the Authorization header, the password or the base64 user:password (shown as [REDACTED])";
    const documented = "an answer never repeats credentials (CWE-209)";
    return [{ check: this.id, title: this.title, received, documented }];
  },
});
