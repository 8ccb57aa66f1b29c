// Recording what each client asked and was told, with call and return times from
// process.hrtime.bigint() (monotonic nanoseconds), as the checker needs them.
import type { Exchange } from "../http/exchange.ts";
import type { Operation } from "../linearizability/index.ts";

/** One request of a concurrent history: the checker's operation and the exchange behind it. */
export interface Recorded<Input, Output> {
  readonly operations: readonly Operation<Input, Output>[];
  readonly exchange: Exchange;
}

/**
 * Sends one request and times it. One exchange may stand for several operations (a list
 * observes every key it could show): `observe` returns them, with undefined outputs for an
 * answer of unknown outcome.
 */
export async function timed<Input, Output>(
  clientId: string,
  send: () => Promise<Exchange>,
  observe: (exchange: Exchange) => ReadonlyArray<{ input: Input; output: Output | undefined }>,
): Promise<Recorded<Input, Output>> {
  const call = process.hrtime.bigint();
  const exchange = await send();
  const ret = process.hrtime.bigint();
  const operations = observe(exchange).map(({ input, output }) =>
    output === undefined
      ? { clientId, call, input }
      : { clientId, call, return: ret, input, output },
  );
  return { operations, exchange };
}

/** Runs every task at the same moment (one turn of the event loop) and waits for all. */
export function together<T>(count: number, task: (index: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => task(index)));
}
