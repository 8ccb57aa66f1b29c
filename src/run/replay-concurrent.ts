// `replay FILE` for a concurrent counterexample (SEQ-CONCURRENT): the shrunk program runs
// again against the target, up to a number of times since a race need not show on every run,
// and the first history no order explains is printed with its timeline.
import type { Config } from "../config/config.ts";
import {
  ConcurrentSession,
  describeProgram,
  limitsFor,
  viewViolation,
  type ConcurrentCounterexample,
} from "../concurrency/index.ts";
import { HttpClient } from "../http/client.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import { sweep } from "./sweep.ts";

/** Runs of the program before the replay says the target agrees with the model. */
export const REPLAY_ATTEMPTS = 20;

export interface ConcurrentReplayResult {
  readonly verdict: "reproduced" | "not-reproduced" | "broken";
  readonly text: string;
  readonly brokenReason?: string;
  readonly leaks: number;
}

export async function replayConcurrent(
  config: Config,
  counterexample: ConcurrentCounterexample,
  attempts: number = REPLAY_ATTEMPTS,
): Promise<ConcurrentReplayResult> {
  const baseUrl = config.baseUrl ?? "";
  const client = new HttpClient({
    baseUrl,
    accountSid: config.accountSid,
    authToken: config.authToken,
    timeoutMs: config.requestTimeoutMs,
  });
  const api = new SyncMapApi(client, config.serviceSid);
  const target = `${baseUrl}${config.embedded ? " (embedded reference server)" : ""}`;
  const lines = [
    `replay of ${counterexample.behaviour} (seed ${counterexample.seed}, program ` +
      `${counterexample.run + 1}) against ${target}, up to ${attempts} runs:`,
    ...describeProgram(counterexample.program).map((line) => `  ${line}`),
  ];
  const made: string[] = [];
  let found: string[] | undefined;
  let brokenReason: string | undefined;
  try {
    for (const index of [0, 1]) {
      const answer = await api.createMap({ UniqueName: `${config.runPrefix}m${index}` });
      const sid = (JSON.parse(answer.response?.bodyText ?? "{}") as { sid?: unknown }).sid;
      if (answer.response?.status !== 201 || typeof sid !== "string") {
        throw new Error(
          `could not create the program's maps (${answer.response?.status ?? "no answer"})`,
        );
      }
      made.push(sid);
    }
    let runs = 0;
    const session = new ConcurrentSession(
      api,
      made,
      () => `${config.runPrefix}x${++runs}-`,
      limitsFor(baseUrl),
    );
    for (let attempt = 1; attempt <= attempts && found === undefined; attempt++) {
      const checked = await session.run(counterexample.program);
      const view = viewViolation(checked.result);
      if (view === undefined) continue;
      found = [
        `REPRODUCED on run ${attempt}: no order of the requests on ${view.resource} ` +
          "explains what the clients saw",
        ...view.unexplained.map((line) => `  unexplained: ${line}`),
        view.timeline.text,
      ];
    }
  } catch (error) {
    brokenReason = error instanceof Error ? error.message : String(error);
  } finally {
    for (const sid of made) await api.deleteMap(sid);
    await client.close();
  }
  const swept = await sweep(config);
  if (swept.leaks > 0)
    lines.push(`warning: ${swept.leaks} map(s) named ${config.runPrefix}… could not be deleted`);
  if (brokenReason !== undefined) {
    return { verdict: "broken", text: `${lines.join("\n")}\n`, brokenReason, leaks: swept.leaks };
  }
  if (found === undefined) {
    lines.push(`NOT REPRODUCED: every one of ${attempts} runs was linearizable on this target`);
    lines.push(`  (when saved: ${counterexample.unexplained.join("; ")})`);
    return { verdict: "not-reproduced", text: `${lines.join("\n")}\n`, leaks: swept.leaks };
  }
  return {
    verdict: "reproduced",
    text: `${[...lines, ...found].join("\n")}\n`,
    leaks: swept.leaks,
  };
}
