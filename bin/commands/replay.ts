// `sync-map-conformance replay FILE`: a saved counterexample of a SEQ-* behaviour, run once
// more against a target, to see whether the divergence happens there too.
import { REPLAY_OPTION_SPEC } from "../../src/config/cli-options.ts";
import { HarnessError } from "../../src/errors.ts";
import { commandUsage, print } from "../help.ts";

export const name = "replay";
export const synopsis = "replay FILE [options]";
export const summary = "run a saved counterexample once more";
export const options = REPLAY_OPTION_SPEC;

export const usage = commandUsage({
  synopsis,
  summary:
    "Runs FILE (a <report-dir>/counterexamples/*.json of a failed SEQ-* behaviour) once " +
    "against the target, in a fresh namespace, and deletes what it created. The target " +
    "options mean what they mean for run; without --base-url, a fresh embedded server.",
  options,
  notes: [
    "Exit status: 1 the divergence happens again (REPRODUCED); 0 the target agrees with " +
      "the model (NOT REPRODUCED); 2 the file or an option is wrong, or the target cannot " +
      "be reached.",
  ],
});

export async function parse(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<unknown> {
  const { parseReplayArgs } = await import("../../src/run/replay.ts");
  return parseReplayArgs(argv, env);
}

export async function main(argv: readonly string[]): Promise<number> {
  const { parseReplayArgs, readCounterexample, replayCounterexample } =
    await import("../../src/run/replay.ts");
  const parsed = parseReplayArgs(argv, process.env);
  if (parsed.help) return print(usage);
  // A bad file is refused before a server starts or a request is sent.
  const counterexample = readCounterexample(parsed.file);
  const { withTarget } = await import("../../src/config/config.ts");
  const { preflight } = await import("../../src/run/preflight.ts");
  const { startReferenceServer } = await import("../../fixtures/reference/index.ts");
  let config = parsed.config;
  const server = config.embedded ? await startReferenceServer() : undefined;
  if (server !== undefined) config = withTarget(config, server.url, server);
  try {
    await preflight(config);
    const result = await replayCounterexample(config, counterexample);
    process.stdout.write(result.text);
    if (result.verdict === "broken")
      throw new HarnessError("SMC_ERR_INTERNAL", result.brokenReason ?? "replay broke the harness");
    return result.verdict === "reproduced" ? 1 : 0;
  } finally {
    await server?.close();
  }
}
