import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./test/support/sequencer.ts";

// Projects: "unit", "meta" and "e2e" are the project's own tests (npm test);
// "conformance" is the suite itself, normally started by the CLI with a target.
//
// Three files at a time on two cores: many of the long files mostly wait (on latency, a rate
// limit, held race windows, the CLIs they spawn), and with two at a time a third of the CPU
// sat idle. The longest start first, whatever their project (test/support/sequencer.ts).
// Modules are shared between the files of a worker (isolate: false): no file mocks a module or
// stubs the environment (the spies on stdout two files set are restored after each test), and
// loading the suite anew for every file cost a fifth of the CPU.
export default defineConfig({
  test: {
    maxWorkers: 3,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          isolate: false,
          exclude: ["test/meta/**", "test/e2e/**"],
          // Speed is measured by the benchmarks, not here: a unit test that compiles the spec
          // or runs a property may take seconds while meta and e2e files load both cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "meta",
          include: ["test/meta/**/*.test.ts"],
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "conformance",
          include: ["suites/**/*.test.ts"],
          isolate: false,
          sequence: { concurrent: true },
          testTimeout: 180_000,
        },
      },
    ],
  },
});
