// A recorded concurrent history: what each client asked, when, and what it was told.
// Times come from `process.hrtime.bigint()` (bigint ns) or any number clock; only their
// order matters to the checker, and their spans matter to the timelines.

/** A point on the recording clock. */
export type Time = bigint | number;

/**
 * One operation as a client saw it. An operation whose outcome is unknown (a timeout, a 5xx)
 * has no `return` (or `Infinity`) and no `output`: it may have taken effect at any moment
 * after its call, or never (as Porcupine and etcd's robustness tests model it).
 */
export interface Operation<Input, Output> {
  readonly clientId: string | number;
  readonly call: Time;
  readonly return?: Time;
  readonly input: Input;
  readonly output?: Output;
}

export type History<Input, Output> = readonly Operation<Input, Output>[];

/** An operation with its times on one number line (0 at the earliest call). */
export interface TimedOperation<Input, Output> {
  /** Position in the history given to the checker, so results point back at it. */
  readonly index: number;
  readonly clientId: string | number;
  readonly call: number;
  /** `Infinity` when the outcome is unknown. */
  readonly return: number;
  readonly input: Input;
  /** `undefined` when the outcome is unknown. */
  readonly output: Output | undefined;
  readonly unknown: boolean;
}

export function isUnknownOutcome(op: Operation<unknown, unknown>): boolean {
  return op.return === undefined || op.return === Infinity || op.output === undefined;
}

/**
 * Puts every time on one number line relative to the earliest call. Bigint nanoseconds
 * since boot do not fit a double exactly, but their differences within one run do.
 */
export function normalizeHistory<I, O>(history: History<I, O>): TimedOperation<I, O>[] {
  const kinds = new Set(history.map((op) => typeof op.call));
  if (kinds.size > 1) throw new TypeError("a history mixes bigint and number times");
  const base = earliestCall(history);
  const bigBase = typeof base === "bigint" ? base : 0n;
  const numberBase = Number(base);
  const relative = (time: Time): number =>
    typeof time === "bigint" ? Number(time - bigBase) : time - numberBase;
  return history.map((op, index) => {
    const unknown = isUnknownOutcome(op);
    const call = relative(op.call);
    const ret = unknown || op.return === undefined ? Infinity : relative(op.return);
    if (ret < call) throw new RangeError(`operation ${index} returns before its call`);
    return {
      index,
      clientId: op.clientId,
      call,
      return: ret,
      input: op.input,
      output: unknown ? undefined : op.output,
      unknown,
    };
  });
}

function earliestCall(history: History<unknown, unknown>): Time {
  let base: Time | undefined;
  for (const op of history) if (base === undefined || op.call < base) base = op.call;
  return base ?? 0;
}
