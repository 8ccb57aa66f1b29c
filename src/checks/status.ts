import type { Exchange } from "../http/exchange.ts";
import { describeAnswer } from "../http/exchange.ts";
import { defineCheck, type Failure } from "./failure.ts";

export type StatusClass = "2xx" | "4xx";

export interface StatusInput {
  readonly exchange: Exchange;
  /** Exact statuses, or a class ("2xx", "4xx") where the documents name none. */
  readonly expected: ReadonlyArray<number | StatusClass>;
  readonly documented: string;
}

export const statusIsDocumented = defineCheck<StatusInput>({
  id: "status_is_documented",
  title: "Status code differs from the documented one",
  run({ exchange, expected, documented }): Failure[] {
    const status = exchange.response?.status;
    const matches =
      status !== undefined &&
      expected.some((want) =>
        typeof want === "number" ? status === want : Math.floor(status / 100) === Number(want[0]),
      );
    if (matches) return [];
    return [
      {
        check: this.id,
        title: this.title,
        received: describeAnswer(exchange),
        documented: `${expected.join(" or ")}: ${documented}`,
      },
    ];
  },
});
