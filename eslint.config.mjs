import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

// Node's globals for plain .mjs/.js scripts (TypeScript files get theirs from the compiler).
const nodeGlobals = Object.fromEntries(
  ["process", "console", "Buffer", "URL", "URLSearchParams", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "fetch", "AbortController", "TextEncoder", "TextDecoder", "structuredClone", "performance", "__dirname", "__filename"].map((g) => [g, "readonly"]),
);

export default defineConfig(
  {
    ignores: ["node_modules/", ".next*/", "lib/db/generated/", "data/", ".e2e/", "test-results/", "playwright-report/", "bench/out/", "ingest/demo/out/", "next-env.d.ts"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: nodeGlobals },
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders, destructuring to omit a key).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Playwright fixtures must destructure `{}` when they use no other fixture.
      "no-empty-pattern": "off",
      // Validation rejects control characters on purpose, which takes them in a regex.
      "no-control-regex": "off",
      // Cosmetic (e.g. a defensive `\-` in a character class): reported, never failing a build.
      "no-useless-escape": "warn",
    },
  },
);
