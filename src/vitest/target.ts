// What the CLI hands each vitest worker (through vitest's provide/inject): the target
// and the run's identity. It never reaches a file: vitest passes it over IPC.
import type { BehaviourEntry } from "../catalogue/catalogue.ts";
import type { Profile } from "../config/config.ts";
export interface ProvidedTarget {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly serviceSid: string;
  readonly runPrefix: string;
  readonly seed: number;
  readonly runs: number;
  /** Generated cases per operation in the fuzz phase; absent: its default. */
  readonly fuzzRuns?: number;
  /** Absolute; counterexamples are saved below it. */
  readonly reportDir: string;
  readonly requestTimeoutMs: number;
  readonly profile: Profile;
  readonly specFile?: string;
  /** Requests in flight at once across the run (--concurrency, or its default). */
  readonly concurrency: number;
  /** Requests a second across the run (--max-rps); absent: no cap of the run's own. */
  readonly maxRps?: number;
  /** Clients racing in a concurrent behaviour (CONC-*, SEQ-CONCURRENT). */
  readonly clients: number;
  /** vitest workers proving files side by side: each takes its share of both budgets. */
  readonly workers: number;
  /**
   * The socket of the run's shared request slots (src/http/shared-slots.ts): present, every
   * worker takes its slots there instead of keeping a fixed share of --concurrency.
   */
  readonly sharedSlots?: string;
  /** The catalogue as the CLI read it, so no worker parses the YAML again. */
  readonly catalogue?: readonly BehaviourEntry[];
  /** The run's journal: every map is written down there before it is created. */
  readonly journalFile?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    smcTarget: ProvidedTarget;
  }
}

/** One behaviour's result as it travels from the test to the reporters (task.meta). */
export interface BehaviourMeta {
  readonly id: string;
  readonly outcome: "passed" | "failed" | "broken" | "skipped";
  readonly failures: ReadonlyArray<{
    check: string;
    title: string;
    received: string;
    documented: string;
    reproduction?: string;
    sequence?: { seed: number; path: string; script: readonly string[]; file?: string };
    evidence?: { request: string; response: string };
    timeline?: { text: string; svg: string };
  }>;
  readonly readings: ReadonlyArray<{ topic: string; reading: string }>;
  readonly requests: number;
  /** 429 answers among those requests (optional: results written before it lack it). */
  readonly throttled?: number;
  readonly leakedSids: readonly string[];
  readonly durationMs: number;
  readonly brokenReason?: string;
  /**
   * Why the behaviour could not be judged under this run (e.g. the --spec document lacks its
   * operation).
   */
  readonly skipReason?: string;
}

declare module "@vitest/runner" {
  interface TaskMeta {
    smcBehaviour?: BehaviourMeta;
  }
}
