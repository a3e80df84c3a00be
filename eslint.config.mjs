// ESLint flat config: Next.js (core web vitals + TypeScript) with a few pragmatic project rules.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import globals from "globals";

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      ".data-*/**",
      ".cache/**",
      "bench/results/**",
      "test-results/**",
      "playwright-report/**",
      "blob-report/**",
      "coverage/**",
      "next-env.d.ts",
      "lib/db/generated/**",
      "*.tsbuildinfo",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // Unused names are errors, except the deliberate `_ignored` ones.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "no-console": "off",
      eqeqeq: ["error", "smart"],
      "prefer-const": "error",
    },
  },
  {
    // One unit of work: every write transaction goes through runTransaction (lib/db/run-transaction.ts), which starts
    // the queue, retries deadlock victims, writes events and jobs, and publishes after commit. Nothing outside
    // lib/db opens a transaction of its own. (bench/ is exempt: it measures bare pg and other layers on purpose.)
    files: ["lib/**", "app/**", "components/**", "scripts/**", "prisma/**", "test/**", "e2e/**"],
    ignores: ["lib/db/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='$transaction']",
          message: "Open write transactions with runTransaction((tx, outbox) => …) from lib/db/run-transaction.ts.",
        },
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.length=0]",
          message: "Open write transactions with runTransaction((tx, outbox) => …) from lib/db/run-transaction.ts.",
        },
        {
          selector: "Literal[value=/^\\s*(BEGIN|START\\s+TRANSACTION)\\b/i]",
          message: "No raw BEGIN: open write transactions with runTransaction from lib/db/run-transaction.ts.",
        },
        {
          selector: "TemplateElement[value.raw=/^\\s*(BEGIN|START\\s+TRANSACTION)\\b/i]",
          message: "No raw BEGIN: open write transactions with runTransaction from lib/db/run-transaction.ts.",
        },
      ],
    },
  },
  {
    // The arrows run one way: app/ (routing) uses lib/ (the domain), never the reverse. Tests of lib may call routes.
    files: ["lib/**"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*"], message: "lib must not import app: put shared code in lib/." }] },
      ],
    },
  },
  {
    // The service worker runs in its own global scope, not the window.
    files: ["public/sw.js", "public/**/*.sw.js"],
    languageOptions: { globals: { ...globals.serviceworker }, sourceType: "script" },
  },
  {
    // Node scripts, tests, the benchmark harness and config files run under Node.
    files: ["scripts/**", "test/**", "bench/**", "e2e/**", "prisma/**", "*.config.*", "**/*.test.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's `use` hook.
    files: ["e2e/**", "test/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
