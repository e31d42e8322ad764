import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./browser";
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

/**
 * Demo accounts signed in through the login page, each in its own browser context (Vietnamese, Vietnam time),
 * closed after the file's tests with whatever else was pushed to `opened` (API contexts).
 */
export function signedInPeople(suite: { readonly server: RunningServer; readonly browser: Browser }) {
  const opened: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened.reverse()) await o.close().catch(() => undefined);
  });
  async function signedIn(username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
    const context = await suite.browser.newContext({
      viewport,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    opened.push(context);
    const page = await context.newPage();
    await loginThroughUi(page, suite.server.baseUrl, username, DEMO_PASSWORD);
    await page.waitForURL(/\/periods\/[0-9a-f-]{36}\//, { timeout: 20_000 });
    return page;
  }
  return { opened, signedIn };
}
