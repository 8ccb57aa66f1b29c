import type { Exchange } from "../http/exchange.ts";
import { describeAnswer } from "../http/exchange.ts";
import { defineCheck, type Failure } from "./failure.ts";

export interface StatusInput {
  readonly exchange: Exchange;
  /** Exact statuses, or "4xx" for any client error where the documents give none. */
  readonly expected: ReadonlyArray<number | "4xx">;
  readonly documented: string;
}

export const statusIsDocumented = defineCheck<StatusInput>({
  id: "status_is_documented",
  title: "Status code differs from the documented one",
  run({ exchange, expected, documented }): Failure[] {
    const status = exchange.response?.status;
    const matches = status !== undefined && expected.some((want) => (want === "4xx" ? status >= 400 && status < 500 : status === want));
    if (matches) return [];
    return [{ check: this.id, title: this.title, received: describeAnswer(exchange), documented: `${expected.join(" or ")}: ${documented}` }];
  },
});
