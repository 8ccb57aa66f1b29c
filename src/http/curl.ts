// A copy-paste reproduction of an exchange. The token is always the shell variable
// $TWILIO_AUTH_TOKEN; the account SID is an identifier, not a secret.
import type { Exchange } from "./exchange.ts";

export interface CurlOptions {
  readonly accountSid: string;
}

export function toCurl(exchange: Exchange, options: CurlOptions): string {
  const { request } = exchange;
  const parts = ["curl", "-sS", "-i", "-X", request.method, shellQuote(request.url)];
  if (request.credentials !== undefined) parts.push(...request.credentials.curl);
  else if (request.authenticated) parts.push("-u", `"${options.accountSid}:$TWILIO_AUTH_TOKEN"`);
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === "content-type" || name.toLowerCase() === "user-agent") continue;
    parts.push("-H", shellQuote(`${name}: ${value}`));
  }
  for (const [name, value] of request.form ?? []) {
    parts.push("--data-urlencode", shellQuote(`${name}=${value}`));
  }
  return parts.join(" ");
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
