/**
 * Browser end-to-end, scoring kinds (docs/scoring-kinds.md), at 1440×900 (Sở Tài chính's training dossier) and
 * 390×844 (Sở Nội vụ's): the agency picks a level and types figures and sees the points appear; the council (the
 * chair, in the browser) changes a figure in its round-1 review form and sees the points it gives; the agency sees
 * its figures beside the council's, the difference highlighted, and proposes new figures in its explanation.
 * Screenshots in tests/e2e/artifacts/kinds-*.png. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type Page,
} from "playwright-core";
import type { TDossierDetail, TDossierSummary, TPeriod } from "@ca/shared";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { answerFor } from "../support/kindAnswers";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";

const ARTIFACTS = path.join(__dirname, "artifacts");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);

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

async function api(username: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({
    baseURL: server.baseUrl,
    extraHTTPHeaders: { Origin: server.baseUrl },
  });
  opened.push({ close: () => ctx.dispose() });
  const res = await ctx.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return ctx;
}

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function pageOf(username: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  opened.push(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${username}: ${e.message}`));
  await loginThroughUi(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL(/\/periods\/[0-9a-f-]{36}\/dossiers$/, { timeout: 20_000 });
  return page;
}

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, `kinds-${name}.png`) });
};

const CASES = [
  { width: 1440, height: 900, unit: "stc" },
  { width: 390, height: 844, unit: "snv" },
];

describe.each(CASES)("at $width×$height", ({ width, height, unit }) => {
  it("agency picks a level and types figures; the council changes a figure in its review form; the difference is highlighted", async () => {
    const viewport = { width, height };
    const head = await api(`head.${unit}`);
    const chair = await api("chair");
    const periods = (await ok<{ data: TPeriod[] }>(await head.get("/api/periods"))).data;
    const training = periods.find((p) => p.kind === "training")!;
    const dossiers = await ok<{ data: TDossierSummary[] }>(
      await head.get(`/api/periods/${training.id}/dossiers`),
    );
    const dossierId = dossiers.data.find((d) => d.unit.code === unit)!.id;
    const url = `${server.baseUrl}/dossiers/${dossierId}`;

    // The agency: a level for 1.1.1 (yes/no), figures for 1.1.2 (a rate in bands).
    const page = await pageOf(`editor.${unit}`, viewport);
    await page.goto(url);
    await page.locator('[data-testid="dossier-page"][data-mode="self"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("level-1.1.1-yes").click();
    await expect(page.getByTestId("derived-1.1.1").textContent()).resolves.toBe("= 1 / 1 điểm");
    await page.getByTestId("numerator-1.1.2").pressSequentially("19");
    await page.getByTestId("denominator-1.1.2").pressSequentially("20");
    // 19 of 20 = 95 %: at least 80 %, below 100 % → 1 point, shown as soon as the figures are typed.
    await expect(page.getByTestId("derived-1.1.2").textContent()).resolves.toBe("= 1 / 2 điểm");
    await page.locator('[data-testid="save-1.1.1"][data-state="saved"]').waitFor();
    await page.locator('[data-testid="save-1.1.2"][data-state="saved"]').waitFor();
    // On a phone the two leaves do not fit one screen: the figures and their points are the ones to show.
    await page.getByTestId(width < 600 ? "leaf-1.1.2" : "leaf-1.1.1").scrollIntoViewIfNeeded();
    await shot(page, `self-${width}`);

    // What the server stored: the level and figures, and the points it derived from them.
    let detail = (await ok<{ data: TDossierDetail }>(await head.get(`/api/dossiers/${dossierId}`))).data;
    const of = (code: string) => detail.leaves.find((l) => l.code === code)!;
    expect(of("1.1.1").stages.self).toMatchObject({ score: 1, level: "yes" });
    expect(of("1.1.2").stages.self).toMatchObject({ score: 1, figures: { numerator: 19, denominator: 20 } });

    // The rest through the API, the submission with the signed report.
    for (const leaf of detail.leaves.filter((l) => l.method === "self" && !l.stages.self)) {
      await ok(
        await head.put(`/api/dossiers/${dossierId}/items/${leaf.code}/self`, {
          data: { ...answerFor(leaf, leaf.maxPoints), note: "" },
        }),
      );
      if (leaf.evidenceRequired)
        await ok(
          await head.post(`/api/dossiers/${dossierId}/items/${leaf.code}/evidence`, {
            multipart: { file: { name: `mc-${leaf.code}.pdf`, mimeType: "application/pdf", buffer: PDF } },
          }),
        );
    }
    for (const code of ["1.1.1", "1.1.2"])
      await ok(
        await head.post(`/api/dossiers/${dossierId}/items/${code}/evidence`, {
          multipart: { file: { name: `mc-${code}.pdf`, mimeType: "application/pdf", buffer: PDF } },
        }),
      );
    await ok(
      await head.post(`/api/dossiers/${dossierId}/submit`, {
        multipart: { signedReport: { name: "bao-cao.pdf", mimeType: "application/pdf", buffer: PDF } },
      }),
    );

    // The council, in its round-1 review form in the browser: 15 of 20 = 75 % → 0 points, shown as it is typed;
    // a comment and a request for explanation.
    const council = await pageOf("chair", viewport);
    await council.goto(url);
    await council.locator('[data-testid="dossier-page"][data-mode="review"]').waitFor({ timeout: 20_000 });
    // The agency's figures beside its points, then the council's own.
    await expect(
      council.getByTestId("leaf-1.1.2").getByTestId("self-answer").textContent(),
    ).resolves.toContain("19/20 (95,00 %)");
    const form = council.getByTestId("review-form-1.1.2");
    await form.scrollIntoViewIfNeeded();
    await form.getByTestId("numerator-review-1.1.2").fill("15");
    await form.getByTestId("denominator-review-1.1.2").fill("20");
    await expect(form.getByTestId("derived-review-1.1.2").textContent()).resolves.toBe("= 0 / 2 điểm");
    await form.getByTestId("review-comment-1.1.2").fill("Theo Văn phòng UBND tỉnh: 15/20 nhiệm vụ đúng hạn");
    await form.getByTestId("review-request-1.1.2").check();
    await council.getByTestId("leaf-1.1.2").scrollIntoViewIfNeeded();
    await shot(council, `review-${width}`);
    await form.getByTestId("review-save-1.1.2").click();
    // Saved: the round-1 stage appears beside the agency's with the changed figures.
    const reviewed = council.getByTestId("leaf-1.1.2").getByTestId("answer-round1");
    await reviewed.waitFor({ timeout: 20_000 });
    await expect(reviewed.textContent()).resolves.toContain("15/20 (75,00 %)");
    await council.getByTestId("leaf-1.1.2").scrollIntoViewIfNeeded();
    await shot(council, `review-saved-${width}`);
    detail = (await ok<{ data: TDossierDetail }>(await chair.get(`/api/dossiers/${dossierId}`))).data;
    expect(of("1.1.2").stages.round1).toMatchObject({
      score: 0,
      figures: { numerator: 15, denominator: 20 },
      confirmed: true,
    });
    expect(of("1.1.2").comments[0]).toMatchObject({ kind: "request" });

    // The leaves only the council scores (nothing this year), then the round closed.
    for (const leaf of detail.leaves.filter((l) => l.method === "council"))
      await ok(
        await chair.put(`/api/dossiers/${dossierId}/items/${leaf.code}/review`, {
          data: { round: 1, ...answerFor(leaf, 0) },
        }),
      );
    await ok(await chair.post(`/api/dossiers/${dossierId}/transition`, { data: { to: "round1_done" } }));

    // The agency sees its figures beside the council's: the changed figures highlighted, the points with their delta.
    await page.reload();
    // At round 1 closed, the agency's page is its requests for explanation: the leaf's card shows every stage.
    const leaf = page.getByTestId("request-1.1.2");
    await leaf.getByTestId("answer-round1").waitFor({ timeout: 20_000 });
    await expect(leaf.getByTestId("answer-self").textContent()).resolves.toContain("19/20 (95,00 %)");
    await expect(leaf.getByTestId("answer-round1").textContent()).resolves.toContain("15/20 (75,00 %)");
    await expect(leaf.getByTestId("answer-round1").getAttribute("data-changed")).resolves.toBe("true");
    await expect(leaf.getByTestId("answer-self").getAttribute("data-changed")).resolves.toBeNull();
    await leaf.scrollIntoViewIfNeeded();
    await shot(page, `round1-${width}`);

    // The agency proposes new figures in its explanation (16 of 20 = 80 %, the band's very edge → 1 point).
    const admin = await api("admin");
    await ok(
      await admin.put(`/api/periods/${training.id}/milestones/explanation`, {
        data: {
          startsAt: new Date(Date.now() - 86_400_000).toISOString(),
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          reason: "Mở bước giải trình cho bài tập huấn",
        },
      }),
    );
    await page.reload();
    await leaf.getByTestId("answer-1.1.2").fill("Một nhiệm vụ hoàn thành ngày 30/12, có văn bản kèm theo");
    await leaf.getByTestId("numerator-proposed-1.1.2").fill("16");
    await leaf.getByTestId("denominator-proposed-1.1.2").fill("20");
    await expect(leaf.getByTestId("derived-proposed-1.1.2").textContent()).resolves.toBe("= 1 / 2 điểm");
    await leaf.getByTestId("send-answer-1.1.2").click();
    await leaf.getByTestId("answer-proposal").waitFor({ timeout: 20_000 });
    await expect(leaf.getByTestId("answer-proposal").getAttribute("data-changed")).resolves.toBe("true");
    await shot(page, `proposal-${width}`);
    detail = (await ok<{ data: TDossierDetail }>(await head.get(`/api/dossiers/${dossierId}`))).data;
    expect(detail.leaves.find((l) => l.code === "1.1.2")!.comments[0]).toMatchObject({
      proposedScore: 1,
      proposedFigures: { numerator: 16, denominator: 20 },
    });
    expect(pageErrors).toEqual([]);
  });
});
