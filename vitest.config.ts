import { defineConfig } from "vitest/config";

// Projects: "unit", "meta" and "e2e" are the project's own tests (npm test);
// "conformance" is the suite itself, normally started by the CLI with a target.
//
// Three workers even on two cores: the e2e files mostly wait on the CLIs they spawn (the
// CPU is the children's), so a file waiting on a child leaves room for a meta or unit file.
// The concurrent tests of a meta file (one fault, one variant each) overlap their waits
// (sleeps between writes, expiry pauses) up to maxConcurrency at a time.
export default defineConfig({
  test: {
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/meta/**", "test/e2e/**"],
        },
      },
      {
        test: {
          name: "meta",
          include: ["test/meta/**/*.test.ts"],
          maxConcurrency: 12,
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
