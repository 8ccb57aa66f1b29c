// What is wrong with an item write, as the documents see it, and the refusal it earns.
import { CODE } from "../../../spec/documented.ts";
import type { Exchange } from "../../../http/exchange.ts";
import { expectRefusal } from "../expect.ts";
import { isValidTtl, type TtlChoice } from "../ttl.ts";

/** One reason to refuse; none means the request succeeds. */
export interface Problem {
  readonly status: number | "4xx";
  readonly codes: readonly number[];
  readonly why: string;
}

/**
 * Holds a refusal to the problems: one problem fixes the status and codes; with two
 * or more, which error wins is not documented, so any 4xx will do. True if refused.
 */
export function expectProblems(exchange: Exchange, problems: readonly Problem[]): boolean {
  const [only] = problems;
  if (only === undefined) return false;
  if (problems.length === 1) {
    expectRefusal(exchange, only.status, only.codes, only.why);
  } else {
    const reasons = problems.map((problem) => problem.why).join("; and ");
    expectRefusal(exchange, "4xx", [], `${reasons}: which refusal wins is not documented`);
  }
  return true;
}

/** A ttl field out of range or not a whole number is refused. */
export function ttlProblems(fields: ReadonlyArray<readonly [string, TtlChoice]>): Problem[] {
  return fields
    .filter(([, ttl]) => !isValidTtl(ttl))
    .map(([name, ttl]) => ({
      status: "4xx",
      codes: [],
      why: `${name} ${JSON.stringify(ttl)} is refused (${CODE.ttlOutOfRange})`,
    }));
}
