// A failure is a verdict about the target with a fixed layout: what was checked,
// what came back, what the documents say. Reproduction is added by the runner,
// which knows the exchange; checks themselves stay pure.
export interface Failure {
  /** The check that found it, e.g. "sid_matches_pattern". */
  readonly check: string;
  /** For people: "Map sid does not match its pattern". */
  readonly title: string;
  readonly received: string;
  readonly documented: string;
  /** curl (and, for property runs, seed and script); filled in by the runner. */
  readonly reproduction?: string;
  /** For a model-based failure: how to generate it again, and the shrunk script. */
  readonly sequence?: SequenceFailure;
  /** The exchange that shows it, as text for attachments (no credentials in it). */
  readonly evidence?: { readonly request: string; readonly response: string };
  /** For a concurrent failure: the per-client timeline of the operations no order explains. */
  readonly timeline?: FailureTimeline;
}

/** One picture in two forms: text for report.md and the terminal, SVG for report.html. */
export interface FailureTimeline {
  readonly text: string;
  readonly svg: string;
}

export interface SequenceFailure {
  readonly seed: number;
  readonly path: string;
  /** The shrunk command list, one readable line per command, the diverging one last. */
  readonly script: readonly string[];
  /** The saved counterexample, for `sync-map-conformance replay FILE`. */
  readonly file?: string;
}

/** A check: a small pure definition whose id states the property it holds the target to. */
export interface CheckDefinition<Input> {
  readonly id: string;
  readonly title: string;
  run(input: Input): Failure[];
}

const registry = new Map<string, CheckDefinition<never>>();

export function defineCheck<Input>(definition: CheckDefinition<Input>): CheckDefinition<Input> {
  if (!/^[a-z][a-z0-9_]*$/.test(definition.id))
    throw new Error(`check id "${definition.id}" must be snake_case`);
  if (registry.has(definition.id)) throw new Error(`check id "${definition.id}" is defined twice`);
  registry.set(definition.id, definition as CheckDefinition<never>);
  return definition;
}

export function registeredCheckIds(): string[] {
  return [...registry.keys()].sort();
}

export function failure(
  check: CheckDefinition<never> | { id: string; title: string },
  received: string,
  documented: string,
): Failure {
  return { check: check.id, title: check.title, received, documented };
}

/** Short, stable text for a received value in a failure message. */
export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text =
    typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
