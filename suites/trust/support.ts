// What the trust behaviours share: made-up account and service SIDs, the refused kinds of
// credentials (each a label for the report and what the client sends), and a request
// sent with them.
import { randomBytes } from "node:crypto";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import type { Credentials } from "../../src/http/credentials.ts";
import type { FormFields } from "../../src/http/client.ts";
import type { Exchange, HttpMethod } from "../../src/http/exchange.ts";

/** A well-formed SID (two letters, 32 hex digits) no target has handed out. */
export function madeUpSid(prefix: "AC" | "IS"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

export interface Stranger {
  /** For people: "another account SID with the right token". */
  readonly label: string;
  readonly auth: Credentials;
}

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** Authorization headers the Basic scheme cannot read. */
export function malformedHeaders(t: BehaviourContext): Stranger[] {
  return [
    {
      label: "Basic credentials without a colon",
      auth: { header: `Basic ${base64(t.accountSid)}` },
    },
    { label: "Basic credentials that are not base64", auth: { header: "Basic %%not*base64%%" } },
    { label: "another scheme (Bearer)", auth: { header: `Bearer ${madeUpSid("AC").slice(2)}` } },
    { label: "an empty Authorization header", auth: { header: "" } },
  ];
}

/** Every kind of credentials a target must refuse. */
export function strangers(t: BehaviourContext): Stranger[] {
  const wrong = `wrong-${randomBytes(6).toString("hex")}-token`;
  return [
    { label: "no credentials", auth: "none" },
    { label: "the account SID with a wrong token", auth: { user: t.accountSid, password: wrong } },
    { label: "the account SID with an empty token", auth: { user: t.accountSid, password: "" } },
    {
      label: "another account SID with the right token",
      auth: { user: madeUpSid("AC"), ownToken: true },
    },
    ...malformedHeaders(t),
  ];
}

/** One request of a named operation, sent with the stranger's credentials. */
export function sendAs(
  t: BehaviourContext,
  stranger: Stranger,
  operationId: string,
  method: HttpMethod,
  path: string,
  form?: FormFields,
): Promise<Exchange> {
  return t.api.raw(operationId, {
    method,
    path,
    auth: stranger.auth,
    ...(form === undefined ? {} : { form }),
  });
}
