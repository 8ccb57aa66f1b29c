// `sync-map-conformance replay FILE`: runs a saved counterexample once against a
// target and says whether the divergence it recorded happens there too. The file is
// data a person may have edited or copied from elsewhere, so it is checked before any
// request is sent, and every problem with it is one line and exit 2.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { ConfigError, parseRunArgs, type Config } from "../config/config.ts";
import { REPLAY_OPTION_SPEC, TARGET_OPTIONS } from "../config/cli-options.ts";
import { parseOptions } from "../config/options.ts";
import type { CounterexampleFile } from "../behaviours/sequences.ts";
import { HttpClient } from "../http/client.ts";
import { toCurl } from "../http/curl.ts";
import { describeAnswer } from "../http/exchange.ts";
import { SyncMapApi } from "../http/syncApi.ts";
import { commandFromJson } from "../model/commands/registry.ts";
import type { CommandJson } from "../model/real.ts";
import { replayCommands } from "../model/sequence.ts";
import { sweep } from "./sweep.ts";
import {
  concurrentCounterexampleProblem,
  isConcurrentCounterexample,
  type ConcurrentCounterexample,
} from "../concurrency/index.ts";
import { replayConcurrent } from "./replay-concurrent.ts";

/** A saved SEQ-* script, or a saved concurrent program (SEQ-CONCURRENT). */
export type SavedCounterexample = CounterexampleFile | ConcurrentCounterexample;

export type ParsedReplayArgs =
  | { readonly help: true }
  | { readonly help: false; readonly file: string; readonly config: Config };

export function parseReplayArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedReplayArgs {
  const options = parseOptions(REPLAY_OPTION_SPEC, argv, env);
  const { positionals } = options;
  if (options.flag("help")) return { help: true };
  if (positionals.length === 0)
    throw new ConfigError(
      "replay needs a counterexample FILE (from <report-dir>/counterexamples/)",
    );
  if (positionals.length > 1)
    throw new ConfigError(
      `replay takes one FILE, got ${positionals.length}: ${positionals.join(" ")}`,
    );
  // The target options mean exactly what they mean for run: same env fallbacks, same checks.
  const forwarded = TARGET_OPTIONS.flatMap(({ name }) => {
    const value = options.text(name);
    return value === undefined ? [] : [`--${name}`, value];
  });
  const { config } = parseRunArgs(forwarded, env);
  const runPrefix = `smc-replay-${randomBytes(3).toString("hex")}-`;
  return {
    help: false,
    file: positionals[0] as string,
    config: Object.freeze({ ...config, runPrefix }),
  };
}

/** Reads and checks a counterexample file; every way it can be wrong is a ConfigError. */
export function readCounterexample(file: string): SavedCounterexample {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `cannot read counterexample ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? (error as Error).message)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ConfigError(`${file} is not a counterexample: not JSON`);
  }
  if (isConcurrentCounterexample(value)) {
    const wrong = concurrentCounterexampleProblem(value);
    if (wrong !== undefined) throw new ConfigError(`${file} is not a counterexample: ${wrong}`);
    return value as ConcurrentCounterexample;
  }
  const problem = counterexampleProblem(value);
  if (problem !== undefined) throw new ConfigError(`${file} is not a counterexample: ${problem}`);
  const counterexample = value as CounterexampleFile;
  counterexample.commands.forEach((command, index) => {
    try {
      commandFromJson(command);
    } catch (error) {
      throw new ConfigError(
        `${file}: command ${index + 1}: ${firstLine((error as Error).message)}`,
      );
    }
  });
  return counterexample;
}

function counterexampleProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return "expected a JSON object";
  if (typeof value.behaviour !== "string" || value.behaviour === "")
    return `"behaviour" must be a behaviour id`;
  if (typeof value.seed !== "number") return `"seed" must be a number`;
  if (typeof value.path !== "string") return `"path" must be a string`;
  if (!Array.isArray(value.commands) || value.commands.length === 0)
    return `"commands" must be a non-empty list`;
  const bad = value.commands.findIndex(
    (command) => !isRecord(command) || typeof command.op !== "string" || !isRecord(command.args),
  );
  if (bad >= 0) return `command ${bad + 1} must be {"op": name, "args": {…}}`;
  if (
    value.script !== undefined &&
    !(Array.isArray(value.script) && value.script.every((line) => typeof line === "string"))
  )
    return `"script" must be a list of lines`;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export interface ReplayResult {
  /** broken: the harness failed (a bug of ours), no verdict about the target. */
  readonly verdict: "reproduced" | "not-reproduced" | "broken";
  /** What to print on stdout: the numbered script, then the verdict. */
  readonly text: string;
  /** For a broken replay: one line saying why. */
  readonly brokenReason?: string;
  /** Maps the replay made and could not delete, even after the sweep. */
  readonly leaks: number;
}

/** Replays the commands once in a fresh namespace under config.runPrefix, then cleans up. */
export async function replayCounterexample(
  config: Config,
  counterexample: SavedCounterexample,
): Promise<ReplayResult> {
  if ("kind" in counterexample) return replayConcurrent(config, counterexample);
  const client = new HttpClient({
    baseUrl: config.baseUrl ?? "",
    accountSid: config.accountSid,
    authToken: config.authToken,
    timeoutMs: config.requestTimeoutMs,
  });
  const api = new SyncMapApi(client, config.serviceSid);
  let outcome: Awaited<ReturnType<typeof replayCommands>>;
  try {
    outcome = await replayCommands(
      api,
      config.runPrefix,
      counterexample.commands as readonly CommandJson[],
    );
  } finally {
    await client.close();
  }
  // The sequence deletes what it saw; the sweep also finds anything named with the prefix.
  const swept = await sweep(config, { leakedSids: outcome.leaked });

  const { mismatch } = outcome;
  const lastStep = outcome.executed.length;
  const lines = [
    `replay of ${counterexample.behaviour} (seed ${counterexample.seed}, path "${counterexample.path}") against ${config.baseUrl ?? ""}${config.embedded ? " (embedded reference server)" : ""}`,
    ...outcome.executed.map((command, index) => {
      const step = `${index + 1}. ${command.text}`;
      return mismatch !== undefined && index + 1 === lastStep
        ? `> ${step}   <-- diverged here`
        : `  ${step}`;
    }),
  ];
  if (swept.leaks > 0)
    lines.push(`warning: ${swept.leaks} map(s) named ${config.runPrefix}… could not be deleted`);

  if (outcome.error !== undefined && mismatch === undefined) {
    const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    return {
      verdict: "broken",
      text: `${lines.join("\n")}\n`,
      brokenReason: `replay broke the harness at step ${lastStep}: ${firstLine(reason)}`,
      leaks: swept.leaks,
    };
  }
  if (mismatch === undefined) {
    lines.push("NOT REPRODUCED: the sequence agrees with the model on this target");
    if (counterexample.diverged !== null && counterexample.diverged !== undefined) {
      lines.push(
        `  (when saved it diverged: received ${counterexample.diverged.received}; documented ${counterexample.diverged.documented})`,
      );
    }
    return { verdict: "not-reproduced", text: `${lines.join("\n")}\n`, leaks: swept.leaks };
  }
  const { found, exchange } = mismatch;
  lines.push(
    `REPRODUCED: ${found.title}`,
    `  received:   ${found.received}`,
    `  documented: ${found.documented}`,
  );
  if (exchange !== undefined) {
    lines.push(
      `# the diverging request (step ${lastStep}):`,
      toCurl(exchange, { accountSid: config.accountSid }),
      `# answered: ${describeAnswer(exchange)}`,
    );
  }
  return { verdict: "reproduced", text: `${lines.join("\n")}\n`, leaks: swept.leaks };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
