// After fast-check has shrunk a failing sequence, one more pass makes the script as short
// as a person would write it: choices that depend on the history are fixed to what they
// chose (so "the 3rd key the map holds" no longer needs the keys before it), then each
// command after the preamble is taken out in turn, kept out while the script still fails
// with the same check at the same operation. Bounded: every try runs the script again.
import type { SyncMapApi } from "../http/syncApi.ts";
import type { CommandJson } from "./real.ts";
import { commandFromJson } from "./commands/registry.ts";
import { runSequence, type SequenceOutcome } from "./sequence.ts";

/** Each try is one more run of a short script; pauses make some cost seconds. */
const MAX_TRIES = 24;
const BUDGET_MS = 20_000;

function sameFailure(outcome: SequenceOutcome, failing: SequenceOutcome): boolean {
  const found = outcome.mismatch?.found.check;
  const op = (o: SequenceOutcome) => o.executed.at(-1)?.json.op;
  return (
    found !== undefined && found === failing.mismatch?.found.check && op(outcome) === op(failing)
  );
}

export async function simplifyFailure(
  api: SyncMapApi,
  namespace: () => string,
  failing: SequenceOutcome,
  preambleLength: number,
  leaked: string[],
): Promise<{ readonly commands: CommandJson[]; readonly outcome: SequenceOutcome }> {
  let best = { commands: failing.executed.map((command) => command.json), outcome: failing };
  let tries = 0;
  const deadline = Date.now() + BUDGET_MS;
  const spent = (): boolean => tries >= MAX_TRIES || Date.now() > deadline;
  const attempt = async (commands: readonly CommandJson[]): Promise<boolean> => {
    tries += 1;
    const outcome = await runSequence(api, namespace(), commands.map(commandFromJson));
    leaked.push(...outcome.leaked);
    if (!sameFailure(outcome, failing)) return false;
    best = { commands: outcome.executed.map((command) => command.json), outcome };
    return true;
  };
  await attempt(failing.executed.map((command) => command.frozen));
  let shortened = true;
  while (shortened && !spent()) {
    shortened = false;
    for (let index = best.commands.length - 2; index >= preambleLength; index -= 1) {
      if (spent()) break;
      const frozen = best.outcome.executed.map((command) => command.frozen);
      if (await attempt([...frozen.slice(0, index), ...frozen.slice(index + 1)])) {
        shortened = true;
        break;
      }
    }
  }
  return best;
}
