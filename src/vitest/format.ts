import type { BehaviourOutcome } from "../behaviours/run.ts";
import type { BehaviourEntry } from "../catalogue/catalogue.ts";

/** The failure layout people read: title, Received, Documented, Reproduce with. */
export function formatOutcome(entry: BehaviourEntry, outcome: BehaviourOutcome): string {
  const lines = [`${entry.id} (${entry.level}): ${entry.statement}`];
  for (const found of outcome.failures) {
    lines.push(
      `- ${found.title} [${found.check}]`,
      `    Received:   ${found.received}`,
      `    Documented: ${found.documented}`,
    );
    if (found.reproduction !== undefined)
      lines.push(
        "    Reproduce with:",
        ...found.reproduction.split("\n").map((line) => `      ${line}`),
      );
  }
  return lines.join("\n");
}
