import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser";
import { ROOT, startServer, type RunningServer } from "./server";

/**
 * A browser test file's set-up: the built client (client/dist) is required, the real server runs on a fresh
 * embedded database with the sample, and one Chromium serves the file's tests; both stop after them.
 */
export function serverAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
      throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
    suite.server = await startServer(90_000);
    suite.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  }, 30_000);
  return suite;
}
