// Jest runs every test (DESIGN §6). Three projects: pure unit tests, API+database integration tests
// (PGlite by default, PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set), and browser end-to-end tests.
const os = require("node:os");

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
// The projects whose tests open databases: one migrated, sample-loaded template is built per run and cloned for
// each test (tests/support/templateDatabase.ts). Jest runs each of these modules once however many projects
// name it, and only when a selected project does.
const withDatabase = {
  setupFiles: ["<rootDir>/tests/support/env.ts"],
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
};

module.exports = {
  // Integration tests start a real server on a fresh database; browser tests start Chromium.
  testTimeout: 120000,
  // Jest's default (cores - 1) runs everything in one process on a 2-core machine (CI), leaving a core idle: a
  // test file works on one thread (server, PGlite and client in one process). `--runInBand` still overrides.
  // With REDIS_URL too: each test database's servers get their own Redis key (REDIS_KEY, testApp.ts), so files
  // running at once, whose databases are clones sharing every id, do not hear each other's room events.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // Longest files first, from Jest's own record or, in a fresh clone, the committed one (docs/testing.md).
  testSequencer: "<rootDir>/tests/support/testSequencer.js",
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: [
        "<rootDir>/tests/shared/**/*.test.ts",
        "<rootDir>/tests/client/**/*.test.ts",
        "<rootDir>/tests/architecture/**/*.test.ts",
      ],
    },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/server/**/*.test.ts", "<rootDir>/tests/seeds/**/*.test.ts"],
      ...withDatabase,
    },
    {
      // Tests that need the real services (PostgreSQL and Redis): run by `npm run test:pg` only.
      ...common,
      displayName: "services",
      testMatch: ["<rootDir>/tests/services/**/*.test.ts"],
      ...withDatabase,
    },
    {
      // Fault tests (R1, R2, R3): a server killed, PostgreSQL restarted, a client offline, under load; `npm run test:fault`.
      ...common,
      displayName: "fault",
      roots: ["<rootDir>/tests/fault"],
      testMatch: ["<rootDir>/tests/fault/**/*.test.ts"],
      ...withDatabase,
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
      setupFiles: ["<rootDir>/tests/support/env.ts"],
    },
  ],
};
