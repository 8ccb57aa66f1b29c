// Shared by the fuzz tests: the spec, a reference server with an executor, small faults.
import { createHttpExecutor } from "../../src/fuzz/index.ts";
import type { FuzzExecutor } from "../../src/fuzz/index.ts";
import { TTL_MAX } from "../../src/spec/documented.ts";
import { loadSpec } from "../../src/spec/index.ts";
import { startReferenceServer } from "../../fixtures/reference/index.ts";
import type { Fault, Handler, RunningServer } from "../../fixtures/reference/index.ts";

export { loadSpec };
export const TTL_MAX_FOR_TEST = TTL_MAX;

export function executorFor(server: RunningServer): FuzzExecutor {
  return createHttpExecutor({
    baseUrl: server.url,
    accountSid: server.accountSid,
    authToken: server.authToken,
    serviceSid: server.serviceSid,
    timeoutMs: 20_000,
  });
}

/** A fault of the test's own: `replace` answers instead of the clean handler when it replies. */
export function fault(
  id: string,
  replace: (request: Parameters<Handler>[0], next: Handler) => ReturnType<Handler> | undefined,
): Fault {
  return {
    id,
    behaviour: "FUZZ-TEST",
    description: id,
    wrap: (next) => (request) => replace(request, next) ?? next(request),
  };
}

export async function withServer<T>(
  options: { fault?: Fault },
  work: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await startReferenceServer(options);
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}
