// Lint, and the walls between rooms (ARCHITECTURE.md): imports flow one way, and the
// oracle (src/) and the judged server (fixtures/) never import each other.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const walls = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const room = (names, message) => ({ group: names, message });

export default tseslint.config(
  { ignores: ["node_modules/", "reports/", "allure-results/", "allure-report/", ".tmp/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        AbortSignal: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      // Prettier wraps code at 100 columns; this holds comments to the same width. Strings,
      // URLs and test titles may run longer: breaking them would hurt more than it helps.
      "max-len": [
        "error",
        {
          code: 100,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: walls([
      room(
        ["**/fixtures/**"],
        "src/ is the oracle: it never imports the judged reference server (fixtures/).",
      ),
      room(
        ["**/suites/**", "**/reporters/**", "**/bin/**", "**/test/**"],
        "src/ sits below suites, reporters and the CLI.",
      ),
    ]),
  },
  {
    files: ["src/config/**/*.ts"],
    // Only the leaf src/errors.ts (SmcError and the SMC_ERR_* codes), which imports nothing.
    rules: walls([
      room(
        ["../*", "!../config/*", "!../errors.ts"],
        "src/config imports nothing of ours but src/errors.ts.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/errors.ts"],
    rules: walls([
      room(
        ["./*", "../*"],
        "src/errors.ts imports nothing, so every room (config included) may import it.",
      ),
    ]),
  },
  {
    files: ["src/spec/**/*.ts"],
    rules: walls([
      room(
        [
          "../http/*",
          "../checks/*",
          "../behaviours/*",
          "../vitest/*",
          "../run/*",
          "../catalogue/*",
        ],
        "src/spec sits below http, checks and the runner.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/arbitraries/**/*.ts"],
    rules: walls([
      room(
        ["../http/*", "../checks/*", "../behaviours/*", "../vitest/*", "../run/*"],
        "arbitraries sit below http, checks and the runner.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/http/**/*.ts"],
    rules: walls([
      room(
        ["../checks/*", "../behaviours/*", "../vitest/*", "../run/*"],
        "src/http sits below checks and the runner.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/checks/**/*.ts"],
    rules: walls([
      room(
        ["vitest", "undici", "node:http", "../behaviours/*", "../vitest/*", "../run/*"],
        "checks are pure: no I/O, no test runner.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/fuzz/**/*.ts"],
    rules: walls([
      room(
        ["vitest", "../behaviours/*", "../vitest/*", "../run/*", "../model/*"],
        "the fuzz engine sits below the runner: behaviours use it.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/linearizability/**/*.ts"],
    rules: walls([
      room(
        [
          "vitest",
          "undici",
          "node:*",
          "../http/*",
          "../checks/*",
          "../behaviours/*",
          "../vitest/*",
          "../run/*",
          "../model/*",
          "../fuzz/*",
        ],
        "the checker is a pure library: no I/O, no other room but spec.",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["src/model/**/*.ts"],
    rules: walls([
      room(
        [
          "vitest",
          "../behaviours/*",
          "../../behaviours/*",
          "../vitest/*",
          "../../vitest/*",
          "../run/*",
          "../../run/*",
        ],
        "the model sits below the runner: behaviours use it, not the other way round.",
      ),
      room(["**/fixtures/**"], "the model is the oracle: it never sees the reference server."),
    ]),
  },
  {
    files: ["src/behaviours/**/*.ts", "src/run/**/*.ts", "src/catalogue/**/*.ts"],
    rules: walls([
      room(
        ["vitest", "../vitest/*"],
        "the runner works without vitest (the meta-suite uses it directly).",
      ),
      room(["**/fixtures/**"], "never fixtures"),
    ]),
  },
  {
    files: ["fixtures/**/*.ts"],
    rules: walls([
      room(
        ["**/src/**", "**/suites/**", "**/reporters/**", "**/bin/**"],
        "fixtures/ is the judged server: it never imports the oracle (src/).",
      ),
    ]),
  },
  {
    files: ["suites/**/*.ts"],
    rules: walls([
      room(
        ["**/fixtures/**", "**/reporters/**"],
        "conformance behaviours judge any target; they never see the reference server.",
      ),
    ]),
  },
  {
    files: ["reporters/**/*.ts"],
    rules: walls([
      room(
        ["**/fixtures/**", "**/suites/**"],
        "reporters read results, not servers or behaviours.",
      ),
    ]),
  },
);
