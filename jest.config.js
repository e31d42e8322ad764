// Jest runs every test (DESIGN §6). Three projects: pure unit tests, API+database integration tests
// (PGlite by default, PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set), and browser end-to-end tests.
const transform = {
  "^.+\\.(t|j)sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true },
        target: "es2022",
        transform: { react: { runtime: "automatic" } },
      },
      module: { type: "commonjs" },
    },
  ],
};
const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["ts", "tsx", "js", "mjs", "cjs", "json"],
  // lib0/y-* ship ESM only; they are transformed like our own sources.
  transformIgnorePatterns: ["/node_modules/(?!(lib0|y-protocols|y-websocket|y-utility|yjs)/)"],
};

module.exports = {
  // Integration tests start a real server on a fresh database; browser tests start Chromium.
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/tests/shared/**/*.test.ts", "<rootDir>/tests/client/**/*.test.ts"],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/server/**/*.test.ts", "<rootDir>/tests/seeds/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/env.ts"],
    },
    {
      // Tests that need the real services (PostgreSQL and Redis): run by `npm run test:pg` only.
      ...common,
      displayName: "services",
      testMatch: ["<rootDir>/tests/services/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/env.ts"],
    },
    {
      // Fault tests (TARGETS R1, R3): a server killed or a client offline under load; run by `npm run test:fault`.
      ...common,
      displayName: "fault",
      roots: ["<rootDir>/tests/fault"],
      testMatch: ["<rootDir>/tests/fault/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/env.ts"],
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/env.ts"],
    },
  ],
};
