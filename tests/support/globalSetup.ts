import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEMPLATE_ENV } from "./templateDatabase";

/**
 * Jest global setup of the database-backed projects: builds this run's template databases once (see
 * templateDatabase.ts) and passes their location to the test files through the environment. Jest runs a setup
 * module once per run however many selected projects name it; the first check keeps a second build out anyway.
 *
 * The build runs as its own process so that no server module (and no global it sets) is loaded into Jest's own
 * process, where in-band test files would see it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEMPLATE_ENV.pgliteDir] || process.env[TEMPLATE_ENV.pgSample]) return;
  // CA_TEST_NO_TEMPLATE=1: every test prepares its own database as before (to measure, or to rule templates out).
  if (process.env.CA_TEST_NO_TEMPLATE === "1") return;
  const root = path.resolve(__dirname, "../..");
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ca-test-setup-")), "templates.json");
  const started = Date.now();
  try {
    execFileSync(process.execPath, ["--import", "tsx", path.join(__dirname, "buildTemplates.ts"), out], {
      cwd: root,
      // The same quiet, cheap-hashing environment the test files get from tests/support/env.ts.
      env: { FAST_HASH: "1", LOG_LEVEL: "silent", NODE_ENV: "test", ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    Object.assign(process.env, JSON.parse(fs.readFileSync(out, "utf8")));
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
  if (process.env.CA_TEST_VERBOSE) console.log(`\ntemplate databases built in ${Date.now() - started} ms`);
}
