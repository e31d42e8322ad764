/**
 * The Content-Security-Policy and the Origin check as Debian's Chromium applies them: the page's scripts open
 * WebSockets to this server (Socket.IO, Yjs) and to no other host; a multipart upload sent the way the client
 * sends it (XMLHttpRequest) carries its Origin, so the server's Origin check lets it through.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
    throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
  server = await startServer(90_000);
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: "vi-VN" })).newPage();
  await loginThroughUi(page, server.baseUrl, "editor.snv", DEMO_PASSWORD);
  await page.waitForURL(/\/periods\//, { timeout: 30_000 });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

/**
 * Opens a WebSocket from the page: whether it opened, and the CSP directive it violated, if any. (Page scripts are
 * strings: this project's TypeScript has no DOM library.)
 */
function openSocket(url: string): Promise<{ opened: boolean; violated: string | null }> {
  return page.evaluate(`new Promise((resolve) => {
    let violated = null;
    document.addEventListener("securitypolicyviolation", (e) => (violated = e.effectiveDirective), { once: true });
    let ws;
    try {
      ws = new WebSocket(${JSON.stringify(url)});
    } catch {
      return resolve({ opened: false, violated: "constructor" });
    }
    const done = (opened) => setTimeout(() => resolve({ opened, violated }), 100);
    ws.onopen = () => { ws.close(); done(true); };
    ws.onerror = () => done(false);
  })`);
}

describe("CSP connect-src in Chromium", () => {
  it("lets the page open a WebSocket to its own server", async () => {
    const own = `${server.baseUrl.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`;
    expect(await openSocket(own)).toEqual({ opened: true, violated: null });
  });

  it("blocks a WebSocket to any other host", async () => {
    const port = new URL(server.baseUrl).port;
    const other = await openSocket(`ws://127.0.0.2:${port}/socket.io/?EIO=4&transport=websocket`);
    expect(other).toEqual({ opened: false, violated: "connect-src" });
    const elsewhere = await openSocket("wss://example.org/socket");
    expect(elsewhere.violated).toBe("connect-src");
  });
});

describe("Origin on the browser's state-changing requests", () => {
  it("a multipart XMLHttpRequest carries Origin and passes the check", async () => {
    const sent = page.waitForRequest((r) => r.url().endsWith("/api/auth/logout"));
    // As client/src/api/upload.ts sends files: XMLHttpRequest with a FormData body.
    const status = await page.evaluate(`new Promise((resolve) => {
      const form = new FormData();
      form.append("file", new Blob(["%PDF-1.4\\n"], { type: "application/pdf" }), "a.pdf");
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/auth/logout");
      xhr.onload = () => resolve(xhr.status);
      xhr.send(form);
    })`);
    const headers = await (await sent).allHeaders();
    expect(headers.origin).toBe(server.baseUrl);
    expect(status).toBe(204);
  });
});
