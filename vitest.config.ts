import { defineConfig } from "vitest/config";

// Projects: "unit", "meta" and "e2e" are the project's own tests (npm test);
// "conformance" is the suite itself, normally started by the CLI with a target.
export default defineConfig({
  test: {
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
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
