// The requests every wire measurement sends: one map's life, as a behaviour lives it
// (create, three items, fetch, list, update, fetch the map, delete), nine requests addressed
// by unique name so the same script runs against any server, canned or real.
import { performance } from "node:perf_hooks";

export interface WireRequest {
  readonly operationId: string;
  readonly method: "GET" | "POST" | "DELETE";
  /** Below /v1/Services/{sid}; every segment already percent-encoded. */
  readonly path: string;
  readonly form?: Readonly<Record<string, string>>;
}

export const REQUESTS_PER_MAP = 9;

/** The nine requests of map number `index` under `prefix` (names differ per round). */
export function mapLife(prefix: string, index: number): WireRequest[] {
  const map = `/Maps/${prefix}-${index}`;
  const item = (key: string, n: number): WireRequest => ({
    operationId: "CreateSyncMapItem",
    method: "POST",
    path: `${map}/Items`,
    form: { Key: key, Data: JSON.stringify({ n, text: "a value of some length" }) },
  });
  return [
    {
      operationId: "CreateSyncMap",
      method: "POST",
      path: "/Maps",
      form: { UniqueName: `${prefix}-${index}` },
    },
    item("k1", 1),
    item("k2", 2),
    item("k3", 3),
    { operationId: "FetchSyncMapItem", method: "GET", path: `${map}/Items/k1` },
    { operationId: "ListSyncMapItem", method: "GET", path: `${map}/Items?PageSize=50` },
    {
      operationId: "UpdateSyncMapItem",
      method: "POST",
      path: `${map}/Items/k1`,
      form: { Data: JSON.stringify({ n: 4 }) },
    },
    { operationId: "FetchSyncMap", method: "GET", path: map },
    { operationId: "DeleteSyncMap", method: "DELETE", path: map },
  ];
}

/** Sends `maps` map lives, `inFlight` of them at a time; answers requests per second. */
export async function requestsPerSecond(
  maps: number,
  inFlight: number,
  prefix: string,
  send: (request: WireRequest) => Promise<void>,
): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < maps) {
      const index = next;
      next += 1;
      for (const request of mapLife(prefix, index)) await send(request);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  const seconds = (performance.now() - started) / 1000;
  return (maps * REQUESTS_PER_MAP) / seconds;
}

/** The median of a few rounds: one slow round on a shared machine says little. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
