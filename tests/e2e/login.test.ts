/**
 * Browser end-to-end: every demo account signs in through the real login page and lands on its role's page;
 * a wrong password shows the Vietnamese message. Expects a built client (npm run build) in client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { ERROR_MESSAGES } from "@ca/shared";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { primaryRole } from "../../client/src/auth/persona";
import { launchChromium, loginThroughUi } from "./support/browser";
import vi from "../../client/src/i18n/vi.json";
import { ROOT, startServer, type RunningServer } from "./support/server";

const ARTIFACTS = path.join(__dirname, "artifacts");
const VIEWPORT = { width: 1440, height: 900 };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
    throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(90_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

describe("login", () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.username, primaryRole(a.roles)] as const))(
    "%s lands on the %s page",
    async (username, role) => {
      // A fresh context per account: no cookie or remembered choice leaks from one person to the next.
      const context = await browser.newContext({
        viewport: VIEWPORT,
        locale: "vi-VN",
        timezoneId: "Asia/Ho_Chi_Minh",
      });
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      try {
        await loginThroughUi(page, server.baseUrl, username, DEMO_PASSWORD);
        const landing = page.getByTestId(`landing-${role}`);
        await landing.waitFor({ state: "visible", timeout: 20_000 });
        await page.waitForLoadState("networkidle");
        expect(await page.getByTestId("product-name").textContent()).toBe(
          "Hệ thống Thẩm định Chất lượng Hoạt động",
        );
        expect(new URL(page.url()).pathname).toMatch(/^\/periods\/[0-9a-f-]{36}\/dossiers$/);
        await page.screenshot({ path: path.join(ARTIFACTS, `e2e-landing-${username}.png`) });
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it("sends an open page to the login screen, saying why, when its session is ended elsewhere (S11)", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "vi-VN" });
    const page = await context.newPage();
    try {
      await loginThroughUi(page, server.baseUrl, "leader", DEMO_PASSWORD);
      await page.waitForURL(/\/periods\/[0-9a-f-]{36}\/dossiers$/, { timeout: 20_000 });
      const periodId = new URL(page.url()).pathname.split("/")[2];
      await page.goto(`${server.baseUrl}/periods/${periodId}/dashboard`);
      await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 20_000 });
      // The same session signed out from another tab: this page's live connection is told, and the page follows.
      const ended = Date.now();
      const logout = await context.request.post(`${server.baseUrl}/api/auth/logout`, {
        headers: { Origin: server.baseUrl },
      });
      expect(logout.status()).toBe(204);
      await page.waitForURL(/\/login$/, { timeout: 10_000 });
      await page.getByText(vi.auth.sessionExpired).waitFor({ state: "visible", timeout: 5_000 });
      console.info(
        `session ended elsewhere: the page was on the login screen ${Date.now() - ended} ms later`,
      );
      await page.screenshot({ path: path.join(ARTIFACTS, "e2e-login-session-ended.png") });
    } finally {
      await context.close();
    }
  }, 60_000);

  it("shows the Vietnamese message for a wrong password", async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: "vi-VN" });
    const page = await context.newPage();
    try {
      await loginThroughUi(page, server.baseUrl, "admin", "Sai-mat-khau-1");
      const error = page.getByTestId("login-error");
      await error.waitFor({ state: "visible", timeout: 15_000 });
      expect((await error.textContent())?.trim()).toBe(ERROR_MESSAGES.invalid_credentials.vi);
      expect(new URL(page.url()).pathname).toBe("/login");
      await page.screenshot({ path: path.join(ARTIFACTS, "e2e-login-wrong-password.png") });
    } finally {
      await context.close();
    }
  }, 60_000);
});
