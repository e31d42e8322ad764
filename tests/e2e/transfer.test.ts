/**
 * Browser: what a first visit really transfers (docs/targets.md P9), read from Chromium's network log — the encoded
 * bytes on the wire, headers included, as DevTools counts them — not estimated from the build. Three pages, each
 * in a fresh context (empty cache): the login page, the leadership dashboard (`leader`) and the council meeting
 * page (`chair`, the 2023 meeting, with its minutes). The dashboard's first route must stay within 350 KiB of JavaScript, all of it
 * sent compressed; the time from navigation start to the ranking chart's first bar is printed beside it.
 * Expects client/dist (`npm run build`).
 */
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { TPeriod } from "@ca/shared";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { ROOT } from "./support/server";
import { serverAndBrowser } from "./support/suite";

const VIEWPORT = { width: 1440, height: 900 };
const FIRST_ROUTE_BUDGET_KIB = 350;
const INTERACTIVE_BUDGET_MS = 1500;

const suite = serverAndBrowser();

interface Transfer {
  url: string;
  type: string;
  encoding: string;
  /** Bytes received for the response, headers included (CDP `encodedDataLength`). */
  bytes: number;
}

/** Records every response of the page with its encoding and transferred size, through the DevTools protocol. */
async function networkLog(context: BrowserContext, page: Page): Promise<() => Transfer[]> {
  const cdp = await context.newCDPSession(page);
  const seen = new Map<string, Omit<Transfer, "bytes">>();
  const done: Transfer[] = [];
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type ?? "Other",
      encoding: headers["content-encoding"] ?? "identity",
    });
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = seen.get(e.requestId);
    if (r) done.push({ ...r, bytes: e.encodedDataLength });
  });
  await cdp.send("Network.enable");
  return () => [...done];
}

/** The scripts that went out uncompressed although the build wrote a Brotli copy of them. */
function uncompressed(js: Transfer[]): string[] {
  return js
    .filter((t) => t.encoding !== "br")
    .map((t) => new URL(t.url).pathname)
    .filter((p) => fs.existsSync(path.join(ROOT, "client", "dist", `${p}.br`)));
}

async function signedInContext(username: string): Promise<BrowserContext> {
  const context = await suite.browser.newContext({ viewport: VIEWPORT, locale: "vi-VN" });
  const res = await context.request.post(`${suite.server.baseUrl}/api/auth/login`, {
    headers: { Origin: suite.server.baseUrl },
    data: { username, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(200);
  return context;
}

async function official2023(context: BrowserContext): Promise<TPeriod> {
  const res = await context.request.get(`${suite.server.baseUrl}/api/periods`);
  const periods = ((await res.json()) as { data: TPeriod[] }).data;
  return periods.find((p) => p.kind === "official")!;
}

/** Opens `url` in `context` with an empty cache, waits for `ready` and a quiet network, returns the log. */
async function firstVisit(context: BrowserContext, url: string, ready: string, label: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The instant the first ranking bar is in the document, measured from navigation start by the page itself.
  await page.addInitScript(`
    new MutationObserver((_records, observer) => {
      if (document.querySelector('[data-testid="race-row"]')) {
        window.__chartAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  `);
  const log = await networkLog(context, page);
  await page.goto(url);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  const transfers = log();
  const js = transfers.filter((t) => t.type === "Script");
  const kib = js.reduce((s, t) => s + t.bytes, 0) / 1024;
  const all = transfers.reduce((s, t) => s + t.bytes, 0) / 1024;
  const encodings = [...new Set(js.map((t) => t.encoding))].join(", ");
  console.info(
    `P9 ${label}: ${kib.toFixed(1)} KiB JS transferred in ${js.length} files (${encodings}); ` +
      `${all.toFixed(1)} KiB in all`,
  );
  const chartAt = (await page.evaluate("window.__chartAt")) as number | undefined;
  expect(errors).toEqual([]);
  await page.close();
  return { js, kib, chartAt };
}

describe("P9: JavaScript transferred on a first visit (Chromium's network log)", () => {
  it("login page", async () => {
    const context = await suite.browser.newContext({ viewport: VIEWPORT, locale: "vi-VN" });
    try {
      const { js, kib } = await firstVisit(
        context,
        `${suite.server.baseUrl}/login`,
        '[data-testid="login-page"]',
        "login page",
      );
      expect(js.length).toBeGreaterThan(0);
      expect(uncompressed(js)).toEqual([]);
      expect(kib).toBeLessThanOrEqual(FIRST_ROUTE_BUDGET_KIB);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("leadership dashboard as the first route, and its time to the first ranking bar", async () => {
    const times: number[] = [];
    let kib = 0;
    // Three cold visits: the transferred bytes are the same each time; the time is the best of three (the box
    // is shared, and a slow run says more about the neighbours than about the page).
    for (let i = 0; i < 3; i++) {
      const context = await signedInContext("leader");
      try {
        const period = await official2023(context);
        const visit = await firstVisit(
          context,
          `${suite.server.baseUrl}/periods/${period.id}/dashboard`,
          '[data-testid="race-row"]',
          "dashboard first route",
        );
        expect(uncompressed(visit.js)).toEqual([]);
        expect(visit.chartAt).toBeGreaterThan(0);
        kib = visit.kib;
        times.push(visit.chartAt!);
      } finally {
        await context.close();
      }
    }
    const best = Math.min(...times);
    console.info(
      `P9 dashboard first route: ${kib.toFixed(1)} KiB JS transferred (target ≤ ${FIRST_ROUTE_BUDGET_KIB}); ` +
        `first ranking bar at ${times.map((t) => t.toFixed(0)).join(" / ")} ms after navigation start ` +
        `(best ${best.toFixed(0)}, target ≤ ${INTERACTIVE_BUDGET_MS})`,
    );
    // The time is printed, not asserted: on a shared 2-core box it measures the neighbours as much as the page.
    expect(kib).toBeLessThanOrEqual(FIRST_ROUTE_BUDGET_KIB);
  }, 180_000);

  it("council meeting page", async () => {
    const context = await signedInContext("chair");
    try {
      const period = await official2023(context);
      const meetings = (await (
        await context.request.get(`${suite.server.baseUrl}/api/periods/${period.id}/meetings`)
      ).json()) as { data: { id: string }[] };
      const { js, kib } = await firstVisit(
        context,
        `${suite.server.baseUrl}/meetings/${meetings.data[0].id}`,
        // The ended 2023 meeting's minutes: the editor, or the note that it has none (shown read-only).
        '[data-testid="minutes-empty"], [data-testid="minutes-editor"]:visible',
        "meeting page",
      );
      expect(uncompressed(js)).toEqual([]);
      expect(kib).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 90_000);
});
