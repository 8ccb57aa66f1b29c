// Where generated programs run, one after another: two maps made once for their items and
// permissions, a fresh tag per run (so keys, identities and unique_names never repeat), and
// the checker's verdict on each run's history.
import type { SyncMapApi } from "../http/syncApi.ts";
import { checkHistory, syncServiceModel } from "../linearizability/index.ts";
import { executeProgram, type Execution } from "./execute.ts";
import { MapWritePacer } from "./pacing.ts";
import type { Program } from "./program.ts";
import type { ConcurrencyLimits } from "./settings.ts";
import type { ServiceCheck } from "./verdict.ts";

/** A history of a few dozen operations checks in milliseconds; this is a generous ceiling. */
export const CHECK_BUDGET_MS = 20_000;

export interface Checked {
  readonly execution: Execution;
  readonly result: ServiceCheck;
}

export class ConcurrentSession {
  private runs = 0;
  private readonly pacer: MapWritePacer;

  constructor(
    private readonly api: SyncMapApi,
    private readonly maps: readonly string[],
    /** A fresh unique_name prefix per run (it must carry the run prefix, for the sweep). */
    private readonly namePrefix: () => string,
    readonly limits: ConcurrencyLimits,
  ) {
    this.pacer = new MapWritePacer({ writesPerSecond: limits.writesPerSecondPerMap });
  }

  async run(program: Program): Promise<Checked> {
    this.runs += 1;
    const arena = {
      api: this.api,
      maps: this.maps,
      tag: `x${this.runs.toString().padStart(4, "0")}-`,
      namePrefix: this.namePrefix(),
      pacer: this.pacer,
    };
    const execution = await executeProgram(arena, program);
    const result = checkHistory(syncServiceModel, execution.history, {
      timeoutMs: CHECK_BUDGET_MS,
    });
    return { execution, result };
  }

  /** The run's execution when it violates linearizability, else undefined. */
  async violation(program: Program): Promise<Checked | undefined> {
    const checked = await this.run(program);
    return checked.result.verdict === "violation" ? checked : undefined;
  }
}
