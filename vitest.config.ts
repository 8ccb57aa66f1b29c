import { defineConfig } from "vitest/config";

// Projects: "unit", "meta" and "e2e" are the project's own tests (npm test);
// "conformance" is the suite itself, normally started by the CLI with a target.
//
// Two workers even where vitest would take one (it leaves a core free): the e2e files mostly
// wait on the CLIs they spawn, so a file waiting on a child leaves room for a meta or unit
// file. More would crowd two cores and make the tight timeouts of some e2e tests flaky.
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
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
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
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
