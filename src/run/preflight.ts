// Before any behaviour runs: is the target there, and does it take our credentials?
// Either answer "no" ends the run with exit 2 and one line, well within 10 seconds.
import { HarnessError } from "../errors.ts";
import { HttpClient } from "../http/client.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import type { Config } from "../config/config.ts";

const PREFLIGHT_TIMEOUT_MS = 8_000;

export async function preflight(config: Config): Promise<number> {
  const baseUrl = config.baseUrl ?? "";
  const client = new HttpClient({
    baseUrl,
    accountSid: config.accountSid,
    authToken: config.authToken,
    timeoutMs: Math.min(config.requestTimeoutMs, PREFLIGHT_TIMEOUT_MS),
    maxRetriesOn429: 0,
    connections: 1,
  });
  try {
    const answer = await new SyncMapApi(client, config.serviceSid).listMaps({ PageSize: 1 });
    if (answer.response === undefined) {
      throw new HarnessError(
        "SMC_ERR_UNREACHABLE",
        `target unreachable: ${baseUrl} (${answer.transportError?.code ?? "no answer"})`,
      );
    }
    const status = answer.response.status;
    if (status === 401 || status === 403) {
      throw new HarnessError(
        "SMC_ERR_CREDENTIALS",
        `credentials rejected by ${baseUrl} (HTTP ${status} listing maps of ${config.serviceSid})`,
      );
    }
    return client.requestCount;
  } finally {
    await client.close();
  }
}
