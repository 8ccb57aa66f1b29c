// What a request authenticates with, what the record of it says, and which strings must
// never reach an artefact. The run's own pair is sent as HTTP Basic and recorded as
// "authenticated"; behaviours about authentication send other pairs or a raw header,
// recorded only as a description in which the run's token is $TWILIO_AUTH_TOKEN.
import { shellQuote } from "./curl.ts";
import type { SentCredentials } from "./exchange.ts";

/** No credentials, another user/password pair, or an Authorization header sent verbatim. */
export type Credentials =
  | "none"
  | { readonly user: string; readonly password: string }
  /** Another user with the run's own token (behaviours never see the token itself). */
  | { readonly user: string; readonly ownToken: true }
  | { readonly header: string };

export interface OwnCredentials {
  readonly accountSid: string;
  readonly authToken: string;
}

export interface Authorization {
  /** The Authorization header to send, if any. */
  readonly header: string | undefined;
  /** How the record describes credentials other than the run's own. */
  readonly recorded: SentCredentials | undefined;
  /** What an answer must not carry into an artefact: secrets sent with this request. */
  readonly secrets: readonly string[];
}

/** Shorter strings are too common to redact safely (and no credential is that short). */
const MIN_SECRET_LENGTH = 4;

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

/** The run's own secrets: the token and the base64 pair an echoing target may repeat. */
export function ownSecrets(own: OwnCredentials): string[] {
  return keep([own.authToken, basicHeader(own.accountSid, own.authToken).slice(6)]);
}

export function authorizationFor(
  auth: Credentials | undefined,
  own: OwnCredentials,
): Authorization {
  if (auth === "none") return { header: undefined, recorded: undefined, secrets: [] };
  if (auth === undefined) {
    return { header: basicHeader(own.accountSid, own.authToken), recorded: undefined, secrets: [] };
  }
  if ("header" in auth) return rawHeader(auth.header, own);
  const pair = "ownToken" in auth ? { user: auth.user, password: own.authToken } : auth;
  return otherPair(pair, own);
}

function otherPair(auth: { user: string; password: string }, own: OwnCredentials): Authorization {
  const header = basicHeader(auth.user, auth.password);
  const isOwnToken = auth.password === own.authToken;
  const password = isOwnToken ? "$TWILIO_AUTH_TOKEN" : auth.password;
  const whose = auth.user === own.accountSid ? "the account SID" : `user ${auth.user}`;
  const recorded = {
    curl: [
      "-u",
      isOwnToken ? `"${auth.user}:$TWILIO_AUTH_TOKEN"` : shellQuote(`${auth.user}:${password}`),
    ],
    note: `Basic (${whose} and ${isOwnToken ? "$TWILIO_AUTH_TOKEN" : `password "${password}"`})`,
  };
  return { header, recorded, secrets: keep([header, header.slice(6), auth.password]) };
}

/** A header sent as it is (a malformed one): the record shows it, the run's token masked. */
function rawHeader(header: string, own: OwnCredentials): Authorization {
  const masked = mask(header, own);
  const recorded = {
    curl: ["-H", shellQuote(`Authorization: ${masked}`)],
    note: masked === "" ? "an empty Authorization header" : `Authorization: ${masked}`,
  };
  const credentials = header.replace(/^\S+\s+/, "").trim();
  const decoded = Buffer.from(credentials, "base64").toString("utf8");
  const password = decoded.includes(":") ? decoded.slice(decoded.indexOf(":") + 1) : "";
  return { header, recorded, secrets: keep([header.trim(), credentials, password]) };
}

function mask(text: string, own: OwnCredentials): string {
  return ownSecrets(own).reduce(
    (masked, secret) => masked.split(secret).join("$TWILIO_AUTH_TOKEN"),
    text,
  );
}

/** Longest first, so a header is replaced whole before any part of it. */
function keep(candidates: readonly string[]): string[] {
  const secrets = candidates.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  return [...new Set(secrets)].sort((a, b) => b.length - a.length);
}

/** The text with every secret replaced; `echoed` says whether there was one to replace. */
export function redact(
  text: string,
  secrets: readonly string[],
): { text: string; echoed: boolean } {
  let clean = text;
  // includes() first: nearly every text holds no secret, and split() always allocates.
  for (const secret of secrets)
    if (clean.includes(secret)) clean = clean.split(secret).join("[REDACTED]");
  return { text: clean, echoed: clean !== text };
}
