// SEQ-CONCURRENT: generated programs of K clients run truly in parallel against the target,
// each history checked for linearizability against the model of the documents. On a
// violation the program is shrunk (each smaller one run a few times: races come and go), the
// counterexample saved for `replay`, and the failure carries the per-client timeline.
import type { BehaviourContext } from "../behaviours/context.ts";
import { cite, CONCURRENCY_ANCHOR } from "../spec/documented.ts";
import { counterexampleOf, saveConcurrentCounterexample } from "./counterexample.ts";
import { describeProgram, operationCount, programArbitrary, type Program } from "./program.ts";
import { ConcurrentSession, type Checked } from "./session.ts";
import { limitsFor } from "./settings.ts";
import { DEFAULT_SHRINK, shrinkProgram, type ShrinkOptions } from "./shrink.ts";
import { curlsOf, viewViolation } from "./verdict.ts";

/** Operations per client: enough to read, write and read again. */
export const MAX_OPS_PER_CLIENT = 5;

export const LINEARIZABLE_DOCUMENTED =
  "each request takes effect at one moment between its call and its return, so some order " +
  "of them explains every answer (the documented semantics of single requests, applied one " +
  `at a time: ${cite(CONCURRENCY_ANCHOR)})`;

export interface ConcurrentHistoriesOptions {
  /** Clients at most (default: the run's, from --concurrency). */
  readonly clients?: number;
  /** How a failing program is shrunk; false reports it as generated (for measurements). */
  readonly shrink?: ShrinkOptions | false;
}

export async function proveConcurrentHistories(
  t: BehaviourContext,
  options: ConcurrentHistoriesOptions = {},
): Promise<void> {
  const clients = options.clients ?? t.clients;
  const first = await t.createMap();
  const second = await t.createMap();
  const limits = limitsFor(first.exchange.request.url, clients);
  const session = new ConcurrentSession(
    t.api,
    [first.sid, second.sid],
    () => `${t.uniqueName("x")}-`,
    limits,
  );
  const shape = { maxClients: limits.clients, maxOpsPerClient: MAX_OPS_PER_CLIENT };
  const programs = t.generate(programArbitrary(shape), t.runs, "programs");
  let unchecked = 0;
  for (const [run, program] of programs.entries()) {
    const checked = await session.run(program);
    t.noteLeaked(checked.execution.leaked);
    if (checked.result.verdict === "timeout") unchecked += 1;
    if (checked.result.verdict !== "violation") continue;
    await reportViolation(t, session, { run, program, checked }, options.shrink ?? DEFAULT_SHRINK);
    return;
  }
  if (unchecked > 0) t.reading("concurrent histories too large to check in time", `${unchecked}`);
}

interface Found {
  readonly run: number;
  readonly program: Program;
  readonly checked: Checked;
}

async function reportViolation(
  t: BehaviourContext,
  session: ConcurrentSession,
  found: Found,
  shrinking: ShrinkOptions | false,
): Promise<void> {
  const shrunk =
    shrinking === false
      ? { program: found.program, failing: found.checked, steps: 0, runs: 0 }
      : await shrinkProgram(found.program, found.checked, (p) => session.violation(p), shrinking);
  const { execution, result } = shrunk.failing;
  t.noteLeaked(execution.leaked);
  const view = viewViolation(result);
  if (view === undefined) throw new Error("a violation without a violated partition");
  const file = saveConcurrentCounterexample(
    t.artefactDir,
    counterexampleOf(
      {
        behaviour: t.behaviourId,
        seed: t.seed,
        run: found.run,
        program: shrunk.program,
        resource: view.resource,
        unexplained: view.unexplained,
        timeline: view.timeline.text,
      },
      execution.history,
    ),
  );
  const script = describeProgram(shrunk.program);
  const clients = shrunk.program.clients.length;
  const size = `${operationCount(shrunk.program)} operations from ${clients} clients`;
  const reproduction = [
    `generated program ${found.run + 1} of --seed ${t.seed}, shrunk to ${size} ` +
      `(${shrunk.steps} steps, ${shrunk.runs} runs); a race may need several runs to show`,
    ...(file === undefined
      ? []
      : [`replay: npx sync-map-conformance replay ${file} --base-url URL`]),
    ...script,
    "",
    view.timeline.text,
    "",
    ...curlsOf(view, execution.exchanges, t.accountSid),
  ].join("\n");
  t.failWith(
    {
      check: "concurrent_history_is_linearizable",
      title: `No order of the requests on ${view.resource} explains what the clients saw`,
      received: `unexplained: ${view.unexplained.join("; ")}`,
      documented: LINEARIZABLE_DOCUMENTED,
      sequence: {
        seed: t.seed,
        path: `${found.run}`,
        script,
        ...(file === undefined ? {} : { file }),
      },
      timeline: view.timeline,
    },
    reproduction,
  );
}
