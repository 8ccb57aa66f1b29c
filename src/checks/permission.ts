import type { Exchange } from "../http/exchange.ts";
import { describeAnswer, parseJsonBody } from "../http/exchange.ts";
import { defineCheck, show, type Failure } from "./failure.ts";

export interface WithdrawnInput {
  readonly exchange: Exchange;
  /** Why no access may remain, for people: "the permission was deleted". */
  readonly because: string;
}

const FLAGS = ["read", "write", "manage"] as const;

/**
 * A fetch of an identity whose permission was removed. The documents do not say what
 * fetching an identity without a record answers, but deleting "is the same as setting
 * all three flags to false": so either the identity is not found (any 4xx) or it is
 * shown with every flag false. Never the old flags, never a server error.
 */
export const permissionIsWithdrawn = defineCheck<WithdrawnInput>({
  id: "permission_is_withdrawn",
  title: "A removed permission still grants access",
  run({ exchange, because }): Failure[] {
    const documented = `${because}: the fetch answers a 4xx, or 200 with read, write and manage all false`;
    const status = exchange.response?.status;
    if (status !== undefined && status >= 400 && status < 500) return [];
    if (status !== 200)
      return [
        { check: this.id, title: this.title, received: describeAnswer(exchange), documented },
      ];
    const parsed = parseJsonBody(exchange);
    const body = parsed.ok ? (parsed.value as Record<string, unknown> | null) : null;
    if (body === null || typeof body !== "object")
      return [
        { check: this.id, title: this.title, received: describeAnswer(exchange), documented },
      ];
    const granted = FLAGS.filter((flag) => body[flag] !== false);
    if (granted.length === 0) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: `200 with ${granted.map((flag) => `${flag} = ${show(body[flag])}`).join(", ")}`,
        documented,
      },
    ];
  },
});

/** How a target answers the fetch of a removed permission, for the run's readings. */
export function withdrawnReading(exchange: Exchange): string | undefined {
  const status = exchange.response?.status;
  if (status === 200) return "200 with every flag false";
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const parsed = parseJsonBody(exchange);
  const code =
    parsed.ok && parsed.value !== null && typeof parsed.value === "object"
      ? (parsed.value as { code?: unknown }).code
      : undefined;
  return typeof code === "number" ? `${status} (code ${code})` : String(status);
}
