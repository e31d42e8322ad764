/**
 * Browser end-to-end: the dossier workflow of steps 6–9 on Sở Nội vụ's training dossier, with three people at
 * work in their own browsers — the agency head (head.snv), the working group (wg) and a council member
 * (member.finance) — plus the chair and the admin acting through the API. The agency's page stays open the whole
 * time: the council's request for explanation and every status change reach it live. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "playwright-core";
import type { TDossierDetail, TDossierSummary, TPeriod } from "@ca/shared";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";

const ARTIFACTS = path.join(__dirname, "artifacts");
const VIEWPORT = { width: 1440, height: 900 };
const LIVE_TIMEOUT = 15_000;
// The smallest file the server's sniffer accepts as a PDF: enough for evidence and the signed reports.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The page's own globals used below, typed here because the tests compile without the DOM library. */
interface PageGlobals {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
  DragEvent: new (type: string, init: Record<string, unknown>) => unknown;
  Uint8Array: typeof Uint8Array;
  __stayed?: boolean;
  scrollTo(x: number, y: number): void;
}

let server: RunningServer;
let browser: Browser;
const opened: { close: () => Promise<void> }[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
    throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(90_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
}, 30_000);

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300); // let transitions settle
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-wf-${name}.png`) });
};

/** A signed-in browser of one demo account, on Vietnamese and Vietnam time. */
async function personInBrowser(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  opened.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${username}: ${e.message}`));
  await loginThroughUi(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL(/\/periods\/[0-9a-f-]{36}\/dossiers$/, { timeout: 20_000 });
  return { context, page };
}

/** A signed-in API client (the chair and the admin act through the API in this test). */
async function personViaApi(username: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({
    baseURL: server.baseUrl,
    extraHTTPHeaders: { Origin: server.baseUrl },
  });
  opened.push({ close: () => api.dispose() });
  const res = await api.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

const status = (page: Page) => page.getByTestId("dossier-status");

describe("dossier workflow (steps 6–9) across three browsers", () => {
  it("self-assessment, round 1 with a live request, explanation, round 2", async () => {
    const head = await personInBrowser("head.snv");
    const wg = await personInBrowser("wg");
    const member = await personInBrowser("member.finance");
    const chair = await personViaApi("chair");
    const admin = await personViaApi("admin");
    const headApi = head.context.request;
    const origin = { Origin: server.baseUrl };

    // The training period and Sở Nội vụ's dossier in it, as the head sees them.
    const periods = (await ok<{ data: TPeriod[] }>(await headApi.get(`${server.baseUrl}/api/periods`))).data;
    const training = periods.find((p) => p.kind === "training")!;
    const mine = await ok<{ data: TDossierSummary[] }>(
      await headApi.get(`${server.baseUrl}/api/periods/${training.id}/dossiers`),
    );
    const dossierId = mine.data.find((d) => d.unit.code === "snv")!.id;
    const dossierUrl = `${server.baseUrl}/dossiers/${dossierId}`;

    // ── Step 6: the head scores two leaves by typing, uploads evidence (file input and drag-and-drop) ──
    await head.page.goto(dossierUrl);
    await head.page.locator('[data-testid="dossier-page"][data-mode="self"]').waitFor({ timeout: 20_000 });
    await head.page.getByTestId("live-status").and(head.page.locator('[data-status="connected"]')).waitFor();
    // 1.1.1 is yes/no (issued on time: 1 point), 1.1.2 a rate in bands (17 of 20 = 85 % ≥ 80 %: 1 point).
    await head.page.getByTestId("level-1.1.1-yes").click();
    await head.page.getByTestId("numerator-1.1.2").pressSequentially("17");
    await head.page.getByTestId("denominator-1.1.2").pressSequentially("20");
    await head.page.getByTestId("note-1.1.2").fill("Hoàn thành 85% kế hoạch năm");
    await head.page.locator('[data-testid="save-1.1.1"][data-state="saved"]').waitFor();
    await head.page.locator('[data-testid="save-1.1.2"][data-state="saved"]').waitFor();
    // The running totals come from the shared scoring engine in the browser, with a decimal comma.
    await expect(head.page.getByTestId("self-total-value").textContent()).resolves.toBe("2,00");
    await expect(head.page.getByTestId("area-1-figures").textContent()).resolves.toContain("2,00 / 12");

    // A save that fails while the network is down is made by itself once it is back: no retyping, nothing lost.
    await head.context.setOffline(true);
    await head.page.getByTestId("score-1.4").fill("1,75");
    await head.page.locator('[data-testid="save-1.4"][data-state="error"]').waitFor({ timeout: 10_000 });
    await head.context.setOffline(false);
    await head.page.locator('[data-testid="save-1.4"][data-state="saved"]').waitFor({ timeout: 15_000 });
    const saved = await ok<{ data: TDossierDetail }>(
      await headApi.get(`${server.baseUrl}/api/dossiers/${dossierId}`),
    );
    expect(saved.data.leaves.find((l) => l.code === "1.4")?.stages.self?.score).toBe(1.75);
    // A saved score is taken back by emptying its field (the leaf has no note): unscored again, here and on the
    // server; then typed again.
    await head.page.getByTestId("score-1.4").fill("");
    await head.page.locator('[data-testid="save-1.4"][data-state="empty"]').waitFor({ timeout: 10_000 });
    const cleared = await ok<{ data: TDossierDetail }>(
      await headApi.get(`${server.baseUrl}/api/dossiers/${dossierId}`),
    );
    expect(cleared.data.leaves.find((l) => l.code === "1.4")?.stages.self).toBeUndefined();
    await head.page.getByTestId("score-1.4").fill("1,75");
    await head.page.locator('[data-testid="save-1.4"][data-state="saved"]').waitFor({ timeout: 10_000 });

    await head.page.getByTestId("evidence-1.1.1-input").setInputFiles({
      name: "ke-hoach-2026.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await head.page.getByTestId("leaf-1.1.1").getByRole("link", { name: "ke-hoach-2026.pdf" }).waitFor();
    // A file dropped on the zone goes through the same upload (a real DataTransfer, as a browser builds it).
    await head.page.getByTestId("evidence-1.1.2").evaluate(
      (zone, bytes) => {
        const g = globalThis as unknown as PageGlobals;
        const data = new g.DataTransfer();
        data.items.add(
          new g.File([new g.Uint8Array(bytes)], "bao-cao-tien-do.pdf", { type: "application/pdf" }),
        );
        zone.dispatchEvent(
          new g.DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }) as never,
        );
      },
      [...PDF],
    );
    await head.page.getByTestId("leaf-1.1.2").getByRole("link", { name: "bao-cao-tien-do.pdf" }).waitFor();
    // A file uploaded by mistake is taken back, after a confirmation; the other file of the leaf stays.
    await head.page.getByTestId("evidence-1.1.1-input").setInputFiles({
      name: "nham-tep.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([PDF, Buffer.from("% nham\n")]),
    });
    const mistaken = head.page.getByTestId("leaf-1.1.1").getByRole("link", { name: "nham-tep.pdf" });
    await mistaken.waitFor();
    await head.page.getByTestId("leaf-1.1.1").getByRole("button", { name: "Gỡ tệp nham-tep.pdf" }).click();
    await head.page.getByTestId("evidence-remove-confirm").click();
    await mistaken.waitFor({ state: "detached" });
    await head.page.getByTestId("leaf-1.1.1").getByRole("link", { name: "ke-hoach-2026.pdf" }).waitFor();
    await shot(head.page, "01-self-typed");

    // The remaining leaves through the API, for speed; the open page follows by itself (dossier:update).
    const detail = (
      await ok<{ data: TDossierDetail }>(await headApi.get(`${server.baseUrl}/api/dossiers/${dossierId}`))
    ).data;
    for (const leaf of detail.leaves.filter((l) => l.method === "self" && l.applicable)) {
      if (!leaf.stages.self)
        await ok(
          await headApi.put(`${server.baseUrl}/api/dossiers/${dossierId}/items/${leaf.code}/self`, {
            headers: origin,
            data: { score: leaf.maxPoints, note: `Căn cứ báo cáo ${leaf.code}` },
          }),
        );
      if (leaf.evidenceRequired && leaf.evidence.length === 0)
        await ok(
          await headApi.post(`${server.baseUrl}/api/dossiers/${dossierId}/items/${leaf.code}/evidence`, {
            headers: origin,
            multipart: {
              file: { name: `minh-chung-${leaf.code}.pdf`, mimeType: "application/pdf", buffer: PDF },
            },
          }),
        );
    }
    await head.page.getByTestId("filter-unscored").getByText("(0)").waitFor({ timeout: LIVE_TIMEOUT });
    await head.page.getByTestId("filter-missingEvidence").getByText("(0)").waitFor({ timeout: LIVE_TIMEOUT });

    // Submission with the signed report, through the dialog.
    await head.page.getByTestId("submit-self").click();
    await head.page.getByTestId("report-input").setInputFiles({
      name: "bao-cao-tu-danh-gia-da-ky.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await shot(head.page, "02-submit-dialog");
    await head.page.getByTestId("report-submit").click();
    await head.page.locator('[data-testid="dossier-status"][data-status="self_submitted"]').waitFor();
    await shot(head.page, "03-submitted");

    // ── Step 7: the working group drafts a round-1 score on 5.1; member.finance confirms it ──
    await wg.page.goto(dossierUrl);
    await wg.page.locator('[data-testid="dossier-page"][data-mode="review"]').waitFor({ timeout: 20_000 });
    await wg.page.getByTestId("review-score-5.1").fill("2,5");
    await wg.page.getByTestId("review-save-5.1").click();
    await wg.page
      .getByTestId("leaf-5.1")
      .locator('[data-testid="stage-round1"][data-draft="true"]')
      .waitFor();
    await wg.page.getByTestId("leaf-5.1").scrollIntoViewIfNeeded();
    await shot(wg.page, "04-wg-draft");

    await member.page.goto(dossierUrl);
    await member.page
      .locator('[data-testid="dossier-page"][data-mode="review"]')
      .waitFor({ timeout: 20_000 });
    const memberLeaf = member.page.getByTestId("leaf-5.1");
    await memberLeaf.getByText("Dự thảo (Tổ công tác)").waitFor();
    await memberLeaf.scrollIntoViewIfNeeded();
    await shot(member.page, "05-member-sees-draft");
    await member.page.getByTestId("confirm-draft-5.1").click();
    await memberLeaf.locator('[data-testid="stage-round1"]:not([data-draft])').waitFor();

    // The head's page is still the one opened at the start: mark it, to prove nothing reloads it.
    await head.page.evaluate(() => ((globalThis as unknown as PageGlobals).__stayed = true));
    await member.page
      .getByTestId("review-comment-5.1")
      .fill("Đề nghị bổ sung báo cáo giải ngân quý IV có xác nhận của Kho bạc Nhà nước.");
    await member.page.getByTestId("review-request-5.1").check();
    await member.page.getByTestId("review-save-5.1").click();
    await memberLeaf.locator('[data-testid="comment"][data-kind="request"]').waitFor();
    await shot(member.page, "06-member-request");

    // The request reaches the agency live (comment:new), before round 1 is even closed.
    await head.page.getByText("Có yêu cầu giải trình mới").waitFor({ timeout: LIVE_TIMEOUT });
    await head.page
      .getByTestId("agency-request-body")
      .getByText("Đề nghị bổ sung báo cáo giải ngân quý IV")
      .waitFor({ timeout: LIVE_TIMEOUT });
    expect(await head.page.evaluate(() => (globalThis as unknown as PageGlobals).__stayed)).toBe(true);
    await shot(head.page, "07-agency-live-request");

    // The chair closes round 1; the open pages follow.
    await ok(await chair.post(`/api/dossiers/${dossierId}/transition`, { data: { to: "round1_done" } }));
    await head.page.locator('[data-testid="dossier-status"][data-status="round1_done"]').waitFor({
      timeout: LIVE_TIMEOUT,
    });
    expect(await head.page.evaluate(() => (globalThis as unknown as PageGlobals).__stayed)).toBe(true);

    // ── Step 8: the admin opens the explanation window; the head answers and submits ──
    const now = Date.now();
    await ok(
      await admin.put(`/api/periods/${training.id}/milestones/explanation`, {
        data: {
          startsAt: new Date(now - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          deadline: new Date(now + 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
          reason: "Mở giải trình cho buổi tập huấn",
        },
      }),
    );
    // A moved milestone sends no event; a reload shows the window's new countdown.
    await head.page.reload();
    await head.page.locator('[data-testid="dossier-page"][data-mode="answer"]').waitFor({ timeout: 20_000 });
    await head.page.locator('[data-testid="window-countdown"] [data-state="open"]').waitFor();
    const request = head.page.getByTestId("request-5.1");
    await request
      .getByTestId("answer-5.1")
      .fill("Đơn vị đã bổ sung báo cáo giải ngân quý IV có xác nhận của Kho bạc.");
    await request.getByTestId("proposed-5.1").pressSequentially("2,6");
    await request.getByText("Điểm phải là bội số của 0,25.").waitFor(); // validated while typing
    await shot(head.page, "08a-proposed-score-invalid");
    await request.getByTestId("proposed-5.1").fill("2,75");
    await request.getByTestId("explanation-evidence-5.1-input").setInputFiles({
      name: "xac-nhan-kho-bac.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await request.getByRole("link", { name: "xac-nhan-kho-bac.pdf" }).waitFor();
    await request.getByTestId("send-answer-5.1").click();
    await request.locator('[data-testid="comment-status"][data-status="answered"]').waitFor();
    await shot(head.page, "08-agency-answered");

    // The reviewer sees the answer arrive without reloading.
    await member.page.getByText("Đơn vị đã trả lời yêu cầu giải trình").waitFor({ timeout: LIVE_TIMEOUT });
    await memberLeaf
      .getByTestId("comment-answer")
      .getByText("đề xuất 2,75 điểm")
      .waitFor({ timeout: LIVE_TIMEOUT });
    await memberLeaf.scrollIntoViewIfNeeded();
    await shot(member.page, "09-member-answer-arrived");

    await head.page.getByTestId("submit-explanation").click();
    await head.page.getByTestId("report-input").setInputFiles({
      name: "bao-cao-giai-trinh-da-ky.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await head.page.getByTestId("report-submit").click();
    await head.page.locator('[data-testid="dossier-status"][data-status="explained"]').waitFor();

    // ── Step 9: member.finance scores round 2 and resolves the request, in the same open page ──
    await member.page
      .locator('[data-testid="dossier-status"][data-status="explained"]')
      .waitFor({ timeout: LIVE_TIMEOUT });
    await member.page.getByTestId("review-score-5.1").fill("2,75");
    await member.page.getByTestId("review-comment-5.1").fill("Chấp nhận giải trình của đơn vị.");
    await member.page.getByTestId("review-save-5.1").click();
    await memberLeaf.getByTestId("stage-round2").waitFor();
    await memberLeaf.getByTestId("resolve").click();
    await memberLeaf.locator('[data-testid="comment-status"][data-status="resolved"]').waitFor();
    await memberLeaf.scrollIntoViewIfNeeded();
    await shot(member.page, "10-member-round2-resolved");

    // The chair closes round 2; all three open pages show it.
    await ok(await chair.post(`/api/dossiers/${dossierId}/transition`, { data: { to: "round2_done" } }));
    for (const [name, page] of [
      ["head", head.page],
      ["wg", wg.page],
      ["member", member.page],
    ] as const) {
      await page
        .locator('[data-testid="dossier-status"][data-status="round2_done"]')
        .waitFor({ timeout: LIVE_TIMEOUT });
      await expect(status(page).textContent()).resolves.toBe("Đã thẩm định lần 2");
      await page.evaluate(() => (globalThis as unknown as PageGlobals).scrollTo(0, 0));
      await shot(page, `11-round2-done-${name}`);
    }
    // The agency now sees the council's round 2 on 5.1 (its area opens by itself: it holds a request).
    await head.page.getByTestId("leaf-5.1").scrollIntoViewIfNeeded();
    await head.page.getByTestId("leaf-5.1").getByTestId("stage-round2").waitFor();
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
