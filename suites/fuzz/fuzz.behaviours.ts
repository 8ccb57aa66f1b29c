// The schema-derived fuzz phase (FUZZ-*): requests derived from the document for every
// operation (boundary values, generated valid and invalid inputs, malformed syntax),
// sent once per run (./phase.ts), each answer held to the generic checks. Each behaviour
// reports the defects of the checks it owns, one failure per defect: the group's
// smallest (shrunk) input, its curl reproduction, and how many answers it stands for.
import { behaviour } from "../../src/behaviours/define.ts";
import type { BehaviourDefinition } from "../../src/behaviours/define.ts";
import { BehaviourSkipped } from "../../src/behaviours/context.ts";
import type { BehaviourContext } from "../../src/behaviours/context.ts";
import { responseMatchesSchema } from "../../src/checks/schema.ts";
import {
  answersCanBeJudged,
  errorBodyMatchesSchema,
  invalidInputIsNotApplied,
  invalidInputIsRefused,
  notAServerError,
  statusIsDocumentedForOperation,
  validInputIsAccepted,
  writtenDataIsEchoed,
} from "../../src/fuzz/index.ts";
import type { FailureGroup, FuzzCase } from "../../src/fuzz/index.ts";
import { describeAnswer } from "../../src/http/exchange.ts";
import { describePhase, fuzzPhase } from "./phase.ts";
import type { FuzzPhaseResult } from "./phase.ts";

export interface FuzzClaim {
  /** The generic checks whose failures are this behaviour's. */
  readonly checks: readonly string[];
  /** Of those, the failures on these cases only (default: every case). */
  readonly on?: (fuzzCase: FuzzCase) => boolean;
  /** Skips the behaviour (with the reason) when the plan has no case it can judge. */
  readonly judges?: (fuzzCase: FuzzCase) => boolean;
  readonly nothingToJudge?: string;
  /** Prints what the phase sent (once per run: the behaviour that judges every answer). */
  readonly describes?: boolean;
}

function fuzzBehaviour(id: string, claim: FuzzClaim): BehaviourDefinition {
  return behaviour(id, async (t) => {
    const phase = await fuzzPhase(t);
    if (phase.sentBy === t.behaviourId) t.noteLeaked(phase.leakedSids);
    if (phase.harnessErrors.length === phase.cases && phase.cases > 0) {
      throw new Error(`the fuzz phase could not send a single case: ${phase.harnessErrors[0]}`);
    }
    if (claim.judges !== undefined && !phase.plan.cases.some(claim.judges)) {
      throw new BehaviourSkipped(
        claim.nothingToJudge ?? "the document lets the phase derive no case",
      );
    }
    if (claim.describes === true) describeRun(t, phase);
    for (const group of phase.failures) {
      const mine = claim.on === undefined || claim.on(group.example.fuzzCase);
      if (mine && claim.checks.includes(group.check)) record(t, group, phase);
    }
    if (!claim.checks.includes(notAServerError.id)) {
      const cases = phase.plan.cases.filter(
        (fuzzCase) => (claim.judges ?? everyCase)(fuzzCase) && (claim.on ?? everyCase)(fuzzCase),
      );
      t.check(answersCanBeJudged, { cases, statuses: phase.statuses });
    }
  });
}

/** The run's output names the phase's size and anything it could not send or derive. */
function describeRun(t: BehaviourContext, phase: FuzzPhaseResult): void {
  t.reading("fuzz phase", describePhase(phase));
  for (const gap of phase.plan.gaps) t.reading("fuzz phase could not derive", gap);
  if (!phase.transportSent) {
    const spared = "malformed path encodings and bodies over 1 MiB (a mock is judged on the API)";
    t.reading("fuzz phase under --profile mock did not send", spared);
  }
  if (phase.harnessErrors.length > 0) {
    const count = `${phase.harnessErrors.length} of ${phase.cases} cases`;
    t.reading("fuzz cases not sent", `${count}, e.g. ${phase.harnessErrors[0]}`);
  }
}

/** One defect: the shrunk example's verdict, its curl, and how to generate it again. */
function record(t: BehaviourContext, group: FailureGroup, phase: FuzzPhaseResult): void {
  const { check, title, received, documented, reproduction, evidence } = group.failure;
  const { fuzzCase, exchange } = group.example;
  const lines = [
    reproduction ?? "",
    `# answered: ${describeAnswer(exchange)}`,
    `# fuzz case ${fuzzCase.id} (${fuzzCase.phase}: ${fuzzCase.reason}); ` +
      `${group.count} answer${group.count === 1 ? "" : "s"} like it; ` +
      `again with --seed ${phase.plan.seed} --fuzz-runs ${phase.plan.runs}`,
  ];
  const found = {
    check,
    title,
    received,
    documented,
    ...(evidence === undefined ? {} : { evidence }),
  };
  t.failWith(found, lines.join("\n"));
}

const everyCase = () => true;
const transportCase = (fuzzCase: FuzzCase) => fuzzCase.transport === true;
const apiCase = (fuzzCase: FuzzCase) => fuzzCase.transport !== true;
const sendsData = (fuzzCase: FuzzCase) =>
  (fuzzCase.request.form ?? []).some(([name]) => name === "Data");

/** Each FUZZ behaviour and the generic checks it owns: every check has exactly one. */
export const FUZZ_CLAIMS: Readonly<Record<string, FuzzClaim>> = {
  "FUZZ-NO-SERVER-ERROR": { checks: [notAServerError.id], on: apiCase, describes: true },
  "FUZZ-HTTP-NO-SERVER-ERROR": {
    checks: [notAServerError.id],
    on: transportCase,
    judges: transportCase,
    nothingToJudge: "HTTP-layer cases are not sent under --profile mock",
  },
  "FUZZ-STATUS-DOCUMENTED": { checks: [statusIsDocumentedForOperation.id] },
  "FUZZ-SCHEMA": { checks: [errorBodyMatchesSchema.id, responseMatchesSchema.id] },
  "FUZZ-VALID-ACCEPTED": {
    checks: [validInputIsAccepted.id],
    judges: (fuzzCase) => fuzzCase.expect === "accepted",
    nothingToJudge: "the document lets the phase derive no request that must be accepted",
  },
  "FUZZ-INVALID-REFUSED": {
    checks: [invalidInputIsRefused.id],
    judges: (fuzzCase) => fuzzCase.expect === "refused",
    nothingToJudge: "the document lets the phase derive no request that must be refused",
  },
  "FUZZ-INVALID-NOT-APPLIED": {
    checks: [invalidInputIsNotApplied.id],
    judges: (fuzzCase) => fuzzCase.expect === "refused" && fuzzCase.request.method === "POST",
    nothingToJudge: "the document lets the phase derive no write that must be refused",
  },
  "FUZZ-DATA-ECHOED": {
    checks: [writtenDataIsEchoed.id],
    judges: sendsData,
    nothingToJudge: "the document names no Data field to write",
  },
};

export default Object.entries(FUZZ_CLAIMS).map(([id, claim]) => fuzzBehaviour(id, claim));
