// Shrinking a concurrent program that once violated linearizability. A race shows on some
// runs and not others, so a smaller program counts as failing when any of a few runs of it
// fails; the search is greedy (drop a client, then single operations) and stops at a budget
// of runs, keeping the smallest program seen failing and the execution that showed it.
import type { Program, ProgramOp } from "./program.ts";

export interface ShrinkOptions {
  /** Runs of one candidate before it counts as passing. */
  readonly attempts: number;
  /** Candidate runs in all; the search stops here and keeps what it has. */
  readonly maxRuns: number;
  /**
   * Wall time for the whole search: against a distant or slow target a run takes seconds,
   * and a failure already found must not wait minutes for a smaller one.
   */
  readonly maxMs?: number;
  /** For tests: the clock the time budget reads. */
  readonly now?: () => number;
}

export interface Shrunk<Failing> {
  readonly program: Program;
  readonly failing: Failing;
  /** Smaller programs that failed and were kept (0: nothing smaller failed). */
  readonly steps: number;
  readonly runs: number;
}

/** A race shows on most runs of a program that has it: two tries, then the next candidate. */
export const DEFAULT_SHRINK: ShrinkOptions = { attempts: 2, maxRuns: 100, maxMs: 45_000 };

/** `fails` runs a program once and returns its failing execution, or undefined. */
export async function shrinkProgram<Failing>(
  program: Program,
  failing: Failing,
  fails: (candidate: Program) => Promise<Failing | undefined>,
  options: ShrinkOptions = DEFAULT_SHRINK,
): Promise<Shrunk<Failing>> {
  let best = { program, failing };
  let steps = 0;
  let runs = 0;
  const now = options.now ?? Date.now;
  const deadline = now() + (options.maxMs ?? Number.POSITIVE_INFINITY);
  const spent = (): boolean => runs >= options.maxRuns || now() >= deadline;
  const failsSometimes = async (candidate: Program): Promise<Failing | undefined> => {
    for (let attempt = 0; attempt < options.attempts && !spent(); attempt++) {
      runs += 1;
      const found = await fails(candidate);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  for (let improved = true; improved && !spent();) {
    improved = false;
    for (const candidate of smallerPrograms(best.program)) {
      if (spent()) break;
      const found = await failsSometimes(candidate);
      if (found === undefined) continue;
      best = { program: candidate, failing: found };
      steps += 1;
      improved = true;
      break;
    }
  }
  return { ...best, steps, runs };
}

/**
 * Programs smaller than `program`, biggest cuts first (as ddmin does): half the clients, one
 * client, the later half of a client's operations, one operation. Never an empty program.
 */
export function* smallerPrograms(program: Program): Generator<Program> {
  const { clients } = program;
  const seen = new Set<string>();
  const fresh = (candidate: Program): boolean => {
    const key = JSON.stringify(candidate.clients);
    if (seen.has(key) || candidate.clients.length === 0) return false;
    seen.add(key);
    return true;
  };
  const keep = (picked: (index: number) => boolean): Program => ({
    clients: clients.filter((_, i) => picked(i)),
  });
  if (clients.length > 3) {
    const half = Math.ceil(clients.length / 2);
    for (const candidate of [keep((i) => i < half), keep((i) => i >= half)]) {
      if (fresh(candidate)) yield candidate;
    }
  }
  if (clients.length > 1) {
    for (let c = 0; c < clients.length; c++) {
      const candidate = keep((i) => i !== c);
      if (fresh(candidate)) yield candidate;
    }
  }
  const withOps = (c: number, ops: readonly ProgramOp[]): Program => ({
    clients:
      ops.length === 0
        ? clients.filter((_, i) => i !== c)
        : clients.map((list, i) => (i === c ? ops : list)),
  });
  for (let c = 0; c < clients.length; c++) {
    const ops = clients[c]!;
    if (ops.length > 2) {
      const candidate = withOps(c, ops.slice(0, Math.ceil(ops.length / 2)));
      if (fresh(candidate)) yield candidate;
    }
  }
  for (let c = 0; c < clients.length; c++) {
    const ops = clients[c]!;
    for (let o = 0; o < ops.length; o++) {
      const candidate = withOps(
        c,
        ops.filter((_, i) => i !== o),
      );
      if (fresh(candidate)) yield candidate;
    }
  }
}
