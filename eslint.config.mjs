import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "client/dist/**",
      "data/**",
      "server/drizzle/**",
      "tests/e2e/artifacts/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-namespace": "off",
      // process.env is read in one place only (CONVENTIONS: config module).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through server/src/config." },
      ],
    },
  },
  {
    files: [
      "server/src/config/**",
      "scripts/**",
      "client/vite.config.ts",
      "tests/**",
      "seeds/src/cli.ts",
      "server/drizzle.config.ts",
      "jest.config.js",
      ".ci/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["jest.config.js", "tests/support/testSequencer.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["client/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    // shared/ is pure: no Node or browser globals (CONVENTIONS §5).
    files: ["shared/src/**"],
    languageOptions: { globals: {} },
  },
);
