// A vitest reporter that only listens: it gathers each behaviour test's result
// (task.meta.smcBehaviour, or the error of a test that never got that far).
import type { Reporter, TestModule, TestCase } from "vitest/node";
import type { BehaviourMeta } from "../src/vitest/target.ts";

export interface CollectedTest {
  /** The behaviour id, from the test title "ID: statement". */
  readonly id: string;
  readonly state: "passed" | "failed" | "skipped" | "pending";
  readonly meta?: BehaviourMeta;
  /** Errors vitest saw (a hook that threw, a timeout) when no behaviour result exists. */
  readonly errors: readonly string[];
}

export class BehaviourCollector implements Reporter {
  readonly tests: CollectedTest[] = [];
  readonly unhandledErrors: string[] = [];
  private onDone: ((done: number, failed: number) => void) | undefined;

  constructor(options: { onProgress?: (done: number, failed: number) => void } = {}) {
    this.onDone = options.onProgress;
  }

  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const meta = testCase.meta().smcBehaviour;
    this.onDone?.(
      this.tests.length + 1,
      this.tests.filter((test) => test.state === "failed").length +
        (result.state === "failed" ? 1 : 0),
    );
    this.tests.push(toCollected(testCase, result.state, meta));
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
  ): void {
    // Tests that never reported (a file that failed to load) still count: as failed.
    const seen = new Set(this.tests.map((test) => test.id));
    for (const module of testModules) {
      for (const testCase of module.children.allTests()) {
        const id = behaviourIdOf(testCase.name);
        if (!seen.has(id))
          this.tests.push(
            toCollected(testCase, testCase.result().state, testCase.meta().smcBehaviour),
          );
      }
      for (const error of module.errors())
        this.unhandledErrors.push(`${module.moduleId}: ${error.message}`);
    }
    for (const error of unhandledErrors)
      this.unhandledErrors.push(error instanceof Error ? error.message : String(error));
  }
}

function toCollected(
  testCase: TestCase,
  state: CollectedTest["state"],
  meta: BehaviourMeta | undefined,
): CollectedTest {
  const errors = (testCase.result().errors ?? []).map(
    (error) => error.message.split("\n")[0] ?? error.message,
  );
  return {
    id: behaviourIdOf(testCase.name),
    state,
    ...(meta === undefined ? {} : { meta }),
    errors,
  };
}

export function behaviourIdOf(testName: string): string {
  return testName.split(":")[0]?.trim() ?? testName;
}
