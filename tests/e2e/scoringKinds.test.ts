/**
 * Browser end-to-end, scoring kinds (docs/scoring-kinds.md), at 1440×900 and 390×844: the agency picks a level and
 * types figures on Sở Tài chính's training dossier and sees the points appear; the council (the chair, through the
 * API) changes a figure in round 1; the agency sees its figures beside the council's, the difference highlighted.
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

it("agency picks a level and types figures; the council changes a figure; the difference is highlighted", async () => {
  const head = await api("head.stc");
  const chair = await api("chair");
  const periods = (await ok<{ data: TPeriod[] }>(await head.get("/api/periods"))).data;
  const training = periods.find((p) => p.kind === "training")!;
  const dossiers = await ok<{ data: TDossierSummary[] }>(
    await head.get(`/api/periods/${training.id}/dossiers`),
  );
  const dossierId = dossiers.data.find((d) => d.unit.code === "stc")!.id;
  const url = `${server.baseUrl}/dossiers/${dossierId}`;

  // The agency, on a desktop: a level for 1.1.1 (yes/no), figures for 1.1.2 (a rate in bands).
  const page = await pageOf("editor.stc", { width: 1440, height: 900 });
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
  await page.getByTestId("leaf-1.1.1").scrollIntoViewIfNeeded();
  await shot(page, "self-1440");

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

  // The council changes a figure in round 1 (15 of 20 = 75 % → 0) and asks for an explanation; round closed.
  await ok(
    await chair.put(`/api/dossiers/${dossierId}/items/1.1.2/review`, {
      data: {
        round: 1,
        figures: { numerator: 15, denominator: 20 },
        comment: "Theo Văn phòng UBND tỉnh: 15/20 nhiệm vụ đúng hạn",
        requestExplanation: true,
      },
    }),
  );
  detail = (await ok<{ data: TDossierDetail }>(await chair.get(`/api/dossiers/${dossierId}`))).data;
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
  await shot(page, "round1-1440");

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
  await shot(page, "proposal-1440");
  detail = (await ok<{ data: TDossierDetail }>(await head.get(`/api/dossiers/${dossierId}`))).data;
  expect(detail.leaves.find((l) => l.code === "1.1.2")!.comments[0]).toMatchObject({
    proposedScore: 1,
    proposedFigures: { numerator: 16, denominator: 20 },
  });

  // The same on a phone.
  const phone = await pageOf("editor.stc", { width: 390, height: 844 });
  await phone.goto(url);
  const small = phone.getByTestId("request-1.1.2");
  await small.getByTestId("answer-round1").waitFor({ timeout: 20_000 });
  await expect(small.getByTestId("answer-round1").getAttribute("data-changed")).resolves.toBe("true");
  await small.scrollIntoViewIfNeeded();
  await shot(phone, "round1-390");
  expect(pageErrors).toEqual([]);
});
