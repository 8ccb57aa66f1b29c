// The only door to the target: keep-alive pool, HTTP Basic, form encoding with the
// documented PascalCase names, a timeout on every request, a request budget (budget.ts),
// 429 back-off, and every exchange recorded. Transport trouble becomes a recorded exchange,
// never a throw, so a target that hangs or talks garbage yields failures instead of a crash.
import { Pool, errors as undiciErrors } from "undici";
import type { RequestBudget } from "./budget.ts";
import { authorizationFor, ownSecrets, redact, type Credentials } from "./credentials.ts";
import type {
  Exchange,
  HttpMethod,
  RecordedRequest,
  RecordedResponse,
  TransportError,
} from "./exchange.ts";

export type FormValue = string | number | boolean | undefined;
export type FormFields =
  Readonly<Record<string, FormValue>> | ReadonlyArray<readonly [string, string]>;

export interface RequestSpec {
  readonly method: HttpMethod;
  /** Path with every segment already percent-encoded, e.g. /v1/Services/IS…/Maps. */
  readonly path: string;
  readonly query?: Readonly<Record<string, FormValue>>;
  readonly form?: FormFields;
  /** A form body sent byte for byte (the fuzz phase's malformed bodies); wins over `form`. */
  readonly rawForm?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send without credentials, or with other ones (to prove they are checked). */
  readonly auth?: Credentials;
}

export interface HttpClientOptions {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly timeoutMs: number;
  /** How often a 429 is retried before the answer is handed back as it is (default 6). */
  readonly maxRetriesOn429?: number;
  readonly connections?: number;
  /** Shared by every client of a run (or of a worker): slots, the run's and each map's rate. */
  readonly budget?: RequestBudget;
  /** Told of every request before it is sent (the run's journal of what it creates). */
  readonly journal?: RequestJournal;
  /** Replaces real waiting in the back-off, for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Told of each request before it is sent; what it returns is told the final answer.
 * The run's journal (src/run/journal.ts) writes down every map it is about to create.
 */
export interface RequestJournal {
  sending(spec: RequestSpec): ((exchange: Exchange) => void) | undefined;
}

const USER_AGENT = "sync-map-conformance/0.1.0";
/** Enough for a throttled target to recover: the waits add up to about half a minute. */
export const DEFAULT_RETRIES_ON_429 = 6;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class HttpClient {
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly secrets: readonly string[];
  private sent = 0;
  private throttled = 0;

  constructor(private readonly options: HttpClientOptions) {
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, "");
    this.pool = new Pool(this.origin, {
      connections: options.connections ?? options.budget?.concurrency ?? 8,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connectTimeout: Math.min(options.timeoutMs, 10_000),
    });
    this.secrets = ownSecrets(options);
  }

  /** Requests sent so far, retries included. */
  get requestCount(): number {
    return this.sent;
  }

  /** 429 answers this client received, retried or not. */
  get throttledCount(): number {
    return this.throttled;
  }

  /**
   * A 429 was never processed (docs/behaviour-reference.md#rate-limits), so it is sent again
   * after a jittered exponential wait, Retry-After or not; the budget pauses every other
   * request of the run for the un-jittered part. When retries run out, the 429 is the answer.
   */
  async send(spec: RequestSpec): Promise<Exchange> {
    const maxRetries = this.options.maxRetriesOn429 ?? DEFAULT_RETRIES_ON_429;
    const { budget } = this.options;
    const answered = this.options.journal?.sending(spec);
    let retries = 0;
    for (;;) {
      const release = await budget?.acquire({ method: spec.method, path: spec.path });
      let exchange: Exchange;
      try {
        exchange = await this.sendOnce(spec, retries);
      } finally {
        release?.();
      }
      if (exchange.response?.status !== 429) {
        if (exchange.response !== undefined) budget?.answered();
        answered?.(exchange);
        return exchange;
      }
      this.throttled += 1;
      const wait = backoffMs(retries, exchange.response.headers["retry-after"]);
      budget?.throttle(Math.min(wait, baseBackoffMs(retries)));
      if (retries >= maxRetries) {
        answered?.(exchange);
        return exchange;
      }
      await (this.options.sleep ?? sleep)(wait);
      retries += 1;
    }
  }

  /**
   * Follows a paging URL the target handed out. Only its path and query are used,
   * against our base URL: a mock that names sync.twilio.com in its links still pages.
   */
  followUrl(absoluteUrl: string): Promise<Exchange> {
    const url = new URL(absoluteUrl, this.origin);
    const path = url.pathname.startsWith(this.basePath)
      ? url.pathname.slice(this.basePath.length)
      : url.pathname;
    return this.send({ method: "GET", path: `${path}${url.search}` });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async sendOnce(spec: RequestSpec, retries: number): Promise<Exchange> {
    const query = queryString(spec.query, spec.path.includes("?"));
    const url = `${this.origin}${this.basePath}${spec.path}${query}`;
    const formPairs = spec.form === undefined ? undefined : toPairs(spec.form);
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": USER_AGENT,
      ...spec.headers,
    };
    let body: string | undefined;
    if (spec.rawForm !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = spec.rawForm;
    } else if (formPairs !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(
        formPairs.map(([name, value]): [string, string] => [name, value]),
      ).toString();
    }
    const authorization = authorizationFor(spec.auth, this.options);
    const request: RecordedRequest = {
      method: spec.method,
      url,
      headers: { ...headers },
      ...(formPairs === undefined ? {} : { form: formPairs }),
      authenticated: spec.auth !== "none",
      ...(authorization.recorded === undefined ? {} : { credentials: authorization.recorded }),
    };
    if (authorization.header !== undefined) headers.authorization = authorization.header;
    const secrets = longestFirst([...authorization.secrets, ...this.secrets]);

    this.sent += 1;
    const sentAt = Date.now();
    const started = performance.now();
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const answer = await this.pool.request({
        method: spec.method,
        path: url.slice(this.origin.length),
        headers,
        body,
        signal: deadline,
      });
      const bodyText = await readBodyText(answer.body, answer.headers["content-length"]);
      return {
        request,
        response: redactedResponse(answer.statusCode, answer.headers, bodyText, secrets),
        elapsedMs: performance.now() - started,
        retries,
        sentAt,
      };
    } catch (error) {
      const transportError = toTransportError(error, secrets);
      return { request, transportError, elapsedMs: performance.now() - started, retries, sentAt };
    }
  }
}

/**
 * The answer as recorded: every secret the request carried, and the run's own, replaced
 * wherever the target repeated it (body or any header), and the repetition noted.
 */
function redactedResponse(
  status: number,
  raw: Record<string, string | string[] | undefined>,
  bodyText: string,
  secrets: readonly string[],
): RecordedResponse {
  let echoed = false;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const clean = redact(Array.isArray(value) ? value.join(", ") : value, secrets);
    headers[name.toLowerCase()] = clean.text;
    echoed ||= clean.echoed;
  }
  const body = redact(bodyText, secrets);
  echoed ||= body.echoed;
  return { status, headers, bodyText: body.text, ...(echoed ? { echoedCredentials: true } : {}) };
}

/** Longest first, so a whole header is replaced before any secret inside it. */
function longestFirst(secrets: readonly string[]): string[] {
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

async function readBodyText(
  body: AsyncIterable<Buffer> & { text(): Promise<string> },
  contentLength: string | string[] | undefined,
): Promise<string> {
  // A declared length within the cap needs no counting: undici reads it whole, faster.
  const declared = typeof contentLength === "string" ? Number(contentLength) : Number.NaN;
  if (declared >= 0 && declared <= MAX_BODY_BYTES) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      chunks.push(Buffer.from("…[body truncated by sync-map-conformance]"));
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function toPairs(form: FormFields): Array<readonly [string, string]> {
  if (Array.isArray(form)) return [...(form as ReadonlyArray<readonly [string, string]>)];
  const pairs: Array<readonly [string, string]> = [];
  for (const [name, value] of Object.entries(form as Record<string, FormValue>)) {
    if (value !== undefined) pairs.push([name, String(value)]);
  }
  return pairs;
}

function queryString(query: RequestSpec["query"], pathHasQuery: boolean): string {
  if (query === undefined) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.append(name, String(value));
  }
  const text = params.toString();
  if (text === "") return "";
  return `${pathHasQuery ? "&" : "?"}${text}`;
}

/** As long as Retry-After says (at most 30 s); else 250 ms doubling, up to twice that, ≤ 10 s. */
export function backoffMs(
  attempt: number,
  retryAfter: string | undefined,
  random: () => number = Math.random,
): number {
  const seconds = retryAfter === undefined ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 30_000);
  const base = baseBackoffMs(attempt);
  return Math.min(base + random() * base, 10_000);
}

function baseBackoffMs(attempt: number): number {
  return Math.min(250 * 2 ** attempt, 10_000);
}

function toTransportError(error: unknown, secrets: readonly string[]): TransportError {
  if (error instanceof Error && error.name === "TimeoutError") {
    return { code: "SMC_ERR_TIMEOUT", message: "no answer before the request timeout" };
  }
  const message = redact(error instanceof Error ? error.message : String(error), secrets).text;
  if (error instanceof undiciErrors.UndiciError) return { code: error.code, message };
  const code = (error as { code?: unknown }).code;
  return { code: typeof code === "string" ? code : "SMC_ERR_TRANSPORT", message };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
