// The saved form of a concurrent counterexample: the shrunk program (enough to run it again
// against any target with `replay FILE`) and, for people, the history that failed and its
// timeline. Times are strings of nanoseconds: JSON has no bigint.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeProgram, UNIVERSE, type Program, type ProgramOp } from "./program.ts";
import type { ServiceOperation } from "./execute.ts";

export const CONCURRENT_COUNTEREXAMPLE = "concurrent-history";

export interface ConcurrentCounterexample {
  readonly kind: typeof CONCURRENT_COUNTEREXAMPLE;
  readonly behaviour: string;
  readonly seed: number;
  /** Which generated program (0-based) first failed. */
  readonly run: number;
  readonly program: Program;
  readonly script: readonly string[];
  /** The resource whose history no order explains, and the operations it could not explain. */
  readonly resource: string;
  readonly unexplained: readonly string[];
  readonly history: ReadonlyArray<{
    readonly client: string;
    readonly call: string;
    readonly return: string | null;
    readonly input: unknown;
    readonly output: unknown;
  }>;
  readonly timeline: string;
}

export function counterexampleOf(
  fields: Omit<ConcurrentCounterexample, "kind" | "script" | "history">,
  history: readonly ServiceOperation[],
): ConcurrentCounterexample {
  return {
    kind: CONCURRENT_COUNTEREXAMPLE,
    ...fields,
    script: describeProgram(fields.program),
    history: history.map((op) => ({
      client: String(op.clientId),
      call: String(op.call),
      return: op.return === undefined ? null : String(op.return),
      input: op.input,
      output: op.output ?? null,
    })),
  };
}

/** Saved under DIR/counterexamples/; undefined when the run keeps no artefacts. */
export function saveConcurrentCounterexample(
  artefactDir: string | undefined,
  counterexample: ConcurrentCounterexample,
): string | undefined {
  if (artefactDir === undefined) return undefined;
  const directory = join(artefactDir, "counterexamples");
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${counterexample.behaviour}-${counterexample.seed}.json`);
  writeFileSync(file, `${JSON.stringify(counterexample, null, 2)}\n`);
  return file;
}

export function isConcurrentCounterexample(value: unknown): boolean {
  return isRecord(value) && value.kind === CONCURRENT_COUNTEREXAMPLE;
}

/** What is wrong with a file that claims to be a concurrent counterexample, if anything. */
export function concurrentCounterexampleProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return "expected a JSON object";
  if (typeof value.behaviour !== "string" || value.behaviour === "") {
    return `"behaviour" must be a behaviour id`;
  }
  if (typeof value.seed !== "number") return `"seed" must be a number`;
  const program = value.program;
  if (!isRecord(program) || !Array.isArray(program.clients) || program.clients.length === 0) {
    return `"program.clients" must be a non-empty list of clients`;
  }
  for (const [c, ops] of program.clients.entries()) {
    if (!Array.isArray(ops) || ops.length === 0) {
      return `client ${c + 1} must be a non-empty list`;
    }
    for (const [o, op] of ops.entries()) {
      const problem = programOpProblem(op);
      if (problem !== undefined) return `client ${c + 1}, operation ${o + 1}: ${problem}`;
    }
  }
  return undefined;
}

type Field = "map" | "key" | "identity" | "name";

const INDEXED: Readonly<Record<ProgramOp["op"], readonly Field[]>> = {
  "item.create": ["map", "key"],
  "item.fetch": ["map", "key"],
  "item.update": ["map", "key"],
  "item.delete": ["map", "key"],
  "item.list": ["map"],
  "permission.put": ["identity"],
  "permission.fetch": ["identity"],
  "permission.delete": ["identity"],
  "permission.list": [],
  "map.create": ["name"],
  "map.fetch": ["name"],
  "map.delete": ["name"],
};

const BOUND: Readonly<Record<Field, number>> = {
  map: UNIVERSE.maps,
  key: UNIVERSE.keys,
  identity: UNIVERSE.identities,
  name: UNIVERSE.names,
};

function programOpProblem(op: unknown): string | undefined {
  if (!isRecord(op) || typeof op.op !== "string" || !(op.op in INDEXED)) {
    return `"op" must be one of ${Object.keys(INDEXED).join(", ")}`;
  }
  for (const field of INDEXED[op.op as ProgramOp["op"]]) {
    const value = op[field];
    const bound = BOUND[field];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value >= bound) {
      return `"${field}" must be a whole number from 0 to ${bound - 1}`;
    }
  }
  if ("ifMatch" in op && !["none", "seen", "first-seen"].includes(String(op.ifMatch))) {
    return `"ifMatch" must be none, seen or first-seen`;
  }
  if (op.op === "permission.put" && !/^[r-][w-][m-]$/.test(String(op.flags))) {
    return `"flags" must look like rw-`;
  }
  if ((op.op === "item.update" || op.op === "item.delete") && !("ifMatch" in op)) {
    return `"ifMatch" is required`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
