import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../../seeds/src/data/accounts";
import { loginThroughUi } from "./browser";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * A new browser context at a size (a phone is a touch screen), in Vietnamese unless `lang` says English, signed in
 * as `username` through the login page when one is given. The context is added to `opened` to be closed after.
 */
export async function openScreen(
  browser: Browser,
  baseUrl: string,
  opened: { close: () => Promise<void> }[],
  viewport: { width: number; height: number },
  { username, lang = "vi" }: { username?: string; lang?: "vi" | "en" } = {},
): Promise<Page> {
  const phone = viewport.width < 600;
  const context = await browser.newContext({
    viewport,
    isMobile: phone,
    hasTouch: phone,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  opened.push(context);
  if (lang === "en") await context.addInitScript("localStorage.setItem('ca.lang', 'en')");
  const page = await context.newPage();
  if (username) {
    await loginThroughUi(page, baseUrl, username, DEMO_PASSWORD);
    await page.waitForURL(/\/periods\/[0-9a-f-]{36}\//, { timeout: 20_000 });
  }
  return page;
}
