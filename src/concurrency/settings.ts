// How hard the concurrent behaviours push a target. On the loopback address (the embedded
// server, a mock in CI) they push as hard as the client count allows; anywhere else they stay
// polite: every map under the documented per-object write rate and only a handful of maps
// alive at once (docs/behaviour-reference.md#rate-limits).
import { DEFAULT_CLIENTS } from "../config/cli-options.ts";
import { isLoopback } from "../config/config.ts";
import { PER_OBJECT_WRITES_PER_SECOND } from "../spec/documented.ts";

export { DEFAULT_CLIENTS };

/** Maps a concurrent behaviour keeps alive at once against a target off the loopback. */
export const REMOTE_MAPS_AT_ONCE = 4;

/** Writes a second to one map against a target off the loopback: under the documented 20. */
export const REMOTE_WRITES_PER_SECOND = Math.floor(PER_OBJECT_WRITES_PER_SECOND * 0.8);

export interface ConcurrencyLimits {
  /** Clients that send at the same moment. */
  readonly clients: number;
  readonly loopback: boolean;
  /** Maps created at once (and alive at once within one behaviour). */
  readonly mapsAtOnce: number;
  /** Writes a second to one map; Infinity on the loopback. */
  readonly writesPerSecondPerMap: number;
}

export function limitsFor(targetUrl: string, clients: number = DEFAULT_CLIENTS): ConcurrencyLimits {
  const loopback = isLoopback(targetUrl);
  const bounded = Math.max(2, Math.floor(clients));
  return {
    clients: bounded,
    loopback,
    mapsAtOnce: loopback ? bounded : Math.min(bounded, REMOTE_MAPS_AT_ONCE),
    writesPerSecondPerMap: loopback ? Infinity : REMOTE_WRITES_PER_SECOND,
  };
}
