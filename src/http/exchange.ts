// One request and what came back, recorded for checks, reports and reproduction.
// The Authorization header is never recorded: reports are built from exchanges.
export type HttpMethod = "GET" | "POST" | "DELETE";

export interface RecordedRequest {
  readonly method: HttpMethod;
  readonly url: string;
  /** Request headers except Authorization. */
  readonly headers: Readonly<Record<string, string>>;
  /** Form fields in the order sent; absent for requests without a body. */
  readonly form?: ReadonlyArray<readonly [string, string]>;
  readonly authenticated: boolean;
  /**
   * Credentials other than the run's own (a wrong token, another account, a malformed
   * header), described without any secret: how curl sends them and a note for people.
   */
  readonly credentials?: SentCredentials;
}

export interface SentCredentials {
  /** curl arguments, with the run's token as $TWILIO_AUTH_TOKEN, e.g. ["-u", "'AC…:wrong'"]. */
  readonly curl: readonly string[];
  /** e.g. "Basic (another account SID and $TWILIO_AUTH_TOKEN)". */
  readonly note: string;
}

export interface RecordedResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyText: string;
  /** The answer repeated credentials the request sent; they were replaced by [REDACTED]. */
  readonly echoedCredentials?: true;
}

export interface TransportError {
  /** undici's error code (UND_ERR_HEADERS_TIMEOUT, ECONNREFUSED…) or SMC_ERR_TIMEOUT. */
  readonly code: string;
  readonly message: string;
}

export interface Exchange {
  /** The spec operation this request exercises, when it is one. */
  readonly operationId?: string;
  readonly request: RecordedRequest;
  readonly response?: RecordedResponse;
  readonly transportError?: TransportError;
  readonly elapsedMs: number;
  /** How many times a 429 made the client try again before this answer. */
  readonly retries: number;
  /** Epoch ms at which the request was sent, for time-based checks. */
  readonly sentAt: number;
}

export type ParsedBody =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/** The JSON body of an answer, or why there is none. Never throws on garbage. */
export function parseJsonBody(exchange: Exchange): ParsedBody {
  const response = exchange.response;
  if (response === undefined) {
    return {
      ok: false,
      reason: `no response (${exchange.transportError?.code ?? "unknown error"})`,
    };
  }
  if (response.bodyText.trim() === "") return { ok: false, reason: "empty body" };
  try {
    return { ok: true, value: JSON.parse(response.bodyText) as unknown };
  } catch {
    return { ok: false, reason: `body is not JSON: ${preview(response.bodyText)}` };
  }
}

export function preview(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function describeAnswer(exchange: Exchange): string {
  if (exchange.response === undefined) {
    return `no response: ${exchange.transportError?.code ?? "?"} ${exchange.transportError?.message ?? ""}`.trim();
  }
  return `${exchange.response.status} ${preview(exchange.response.bodyText)}`;
}

/** The request as text for an attachment: method, URL, headers (never Authorization), form. */
export function renderRequest(exchange: Exchange): string {
  const { request } = exchange;
  const lines = [
    `${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const own = "Basic (account SID and $TWILIO_AUTH_TOKEN)";
  const sent = request.credentials?.note ?? (request.authenticated ? own : undefined);
  if (sent !== undefined) lines.push(`authorization: ${sent}; not recorded`);
  if (request.form !== undefined)
    lines.push(
      "",
      new URLSearchParams(
        request.form.map(([name, value]): [string, string] => [name, value]),
      ).toString(),
    );
  return lines.join("\n");
}

/** The answer as text for an attachment: status, headers, body (cut at 16 KiB). */
export function renderResponse(exchange: Exchange, maxBody = 16 * 1024): string {
  const response = exchange.response;
  if (response === undefined)
    return `no response: ${exchange.transportError?.code ?? "?"} ${exchange.transportError?.message ?? ""}`.trim();
  const body =
    response.bodyText.length > maxBody
      ? `${response.bodyText.slice(0, maxBody)}…`
      : response.bodyText;
  return [
    `HTTP ${response.status}`,
    ...Object.entries(response.headers).map(([name, value]) => `${name}: ${value}`),
    "",
    body,
  ].join("\n");
}
