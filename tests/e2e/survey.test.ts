/**
 * Browser end-to-end for the survey (issue 5): a respondent answers through their single-use link on a phone
 * (390×844, Debian Chromium), one unit per step; the admin then locks the results and Sở Nội vụ's total and rank
 * change live on the ranking page. Screenshots in tests/e2e/artifacts/e2e-survey-*.png. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import {
  request as playwrightRequest,
  type APIRequestContext,
  type Browser,
  type Page,
} from "playwright-core";
import type { TDossierSummary, TPeriod, TSurveyLink, TSurveyPublic, TSurveySummary } from "@ca/shared";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";
import { fillAndSubmit, ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const PHONE = { width: 390, height: 844 };
let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
    throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(90_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of closers.reverse()) await c().catch(() => undefined);
  await browser?.close();
  await server?.stop();
}, 30_000);

const shot = async (page: Page, name: string, fullPage = false) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-survey-${name}.png`), fullPage });
};

async function apiAs(username: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({
    baseURL: server.baseUrl,
    extraHTTPHeaders: { Origin: server.baseUrl },
  });
  closers.push(() => api.dispose());
  const res = await api.post("/api/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return api;
}

/** The rank and total cells of a unit's row on the ranking page. */
async function rowOf(page: Page, unitName: string) {
  const row = page.getByTestId("ranking-row").filter({ has: page.getByText(unitName, { exact: true }) });
  await row.waitFor({ timeout: 20_000 });
  const cells = row.locator("td");
  return { rank: (await cells.nth(0).innerText()).trim(), total: (await cells.nth(2).innerText()).trim() };
}

describe("survey: links sheet and keyboard-only paper entry", () => {
  it("the admin prints links with QR codes and types two paper forms with the keyboard only", async () => {
    const admin = await apiAs("admin");
    const training = (await ok<{ data: TPeriod[] }>(await admin.get("/api/periods"))).data.find(
      (p) => p.kind === "training",
    )!;
    const surveys = (
      await ok<{ data: TSurveySummary[] }>(await admin.get(`/api/periods/${training.id}/surveys`))
    ).data;
    // The district questionnaire: the provincial ranking of the next test stays untouched.
    const survey = surveys.find(
      (s) => s.respondentGroup === "delegates" && s.unitTypeName === "UBND cấp huyện",
    )!;
    const ctx = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    closers.push(() => ctx.close());
    const page = await ctx.newPage();
    page.on("pageerror", (e) => pageErrors.push(`admin: ${e.message}`));
    await loginThroughUi(page, server.baseUrl, "admin", DEMO_PASSWORD);
    await page.waitForURL(/\/periods\//, { timeout: 20_000 });

    await page.goto(`${server.baseUrl}/surveys/${survey.id}`);
    await page.getByTestId("issue-links").click();
    // Asked first, naming how many get a link (none was sent yet: nothing stops working).
    await expect(page.getByRole("dialog").textContent()).resolves.toContain("cho 12 người chưa trả lời");
    await page.getByRole("dialog").getByTestId("confirm").click();
    await page.getByTestId("links-sheet").waitFor({ timeout: 20_000 });
    await expect(page.getByTestId("link-url").count()).resolves.toBe(12);
    await page.getByTestId("links-sheet").locator("img").nth(11).waitFor();
    const firstUrl = await page.getByTestId("link-url").first().innerText();
    expect(firstUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    await shot(page, "20-links-sheet");

    // A second click asks first, naming how many links would stop working; cancelling changes nothing.
    await page.getByRole("dialog").getByRole("button", { name: "Đóng", exact: true }).last().click();
    await page.getByTestId("issue-links").click();
    await expect(page.getByRole("dialog").textContent()).resolves.toContain(
      "12 đường dẫn đã gửi trước đây sẽ ngừng hoạt động",
    );
    await shot(page, "21-reissue-confirm");
    await page.getByRole("dialog").getByRole("button", { name: "Hủy" }).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    // One respondent's link is re-issued alone: a sheet with one link; the others keep theirs.
    await page.locator('[data-testid^="reissue-"]').last().click();
    await expect(page.getByRole("dialog").textContent()).resolves.toContain(
      "Đường dẫn của những người khác không đổi",
    );
    await page.getByRole("dialog").getByTestId("confirm").click();
    await page.getByTestId("links-sheet").waitFor({ timeout: 20_000 });
    await expect(page.getByTestId("link-url").count()).resolves.toBe(1);
    expect(await page.getByTestId("link-url").first().innerText()).not.toBe(firstUrl);
    await page.getByRole("dialog").getByRole("button", { name: "Đóng", exact: true }).last().click();

    await page.goto(`${server.baseUrl}/surveys/${survey.id}/paper`);
    await page.getByTestId("paper-number").waitFor({ timeout: 20_000 });
    // Keyboard only: the number field has the focus; Tab moves to the first unit's row; Enter saves.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1");
    // One Tab: the save button is disabled (not focusable) until a row is typed.
    await page.keyboard.press("Tab");
    await page.keyboard.type("abcdx");
    await page.keyboard.press("Tab");
    await page.keyboard.type("AA.AA");
    await page.keyboard.press("Enter");
    await page.getByTestId("paper-saved").waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("paper-saved").innerText()).resolves.toContain("phiếu số 1");
    await expect(page.getByTestId("paper-number").inputValue()).resolves.toBe("2");
    await shot(page, "21-paper-saved");
    // The same number again is refused clearly.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("1");
    // One Tab: the save button is disabled (not focusable) until a row is typed.
    await page.keyboard.press("Tab");
    await page.keyboard.type("BBBBB");
    await page.keyboard.press("Enter");
    await page.getByTestId("paper-error").waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("paper-error").innerText()).resolves.toContain("Phiếu số 1 đã được nhập");
    await shot(page, "22-paper-duplicate");

    const results = (
      await ok<{
        data: { questionnaires: { id: string; paperForms: number; units: { responses: number }[] }[] };
      }>(await admin.get(`/api/periods/${training.id}/survey-results`))
    ).data.questionnaires.find((q) => q.id === survey.id)!;
    expect(results.paperForms).toBe(1);
    expect(results.units.slice(0, 3).map((u) => u.responses)).toEqual([1, 1, 0]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

describe("survey: answer by link on a phone, lock, ranking", () => {
  it("a respondent answers; the admin locks; Sở Nội vụ's total and rank change", async () => {
    const admin = await apiAs("admin");
    const training = (await ok<{ data: TPeriod[] }>(await admin.get("/api/periods"))).data.find(
      (p) => p.kind === "training",
    )!;
    const surveys = (
      await ok<{ data: TSurveySummary[] }>(await admin.get(`/api/periods/${training.id}/surveys`))
    ).data;
    const survey = surveys.find(
      (s) => s.respondentGroup === "delegates" && s.unitTypeName === "Cơ quan cấp tỉnh",
    )!;
    const links = (
      await ok<{ data: TSurveyLink[] }>(await admin.post(`/api/surveys/${survey.id}/links`, { data: {} }))
    ).data;
    expect(links).toHaveLength(12);

    // Sở Tài chính self-scores one leaf (2 points) so that the ranking is not a 21-way tie before the lock.
    const stcApi = await apiAs("editor.stc");
    const dossiers = (
      await ok<{ data: { id: string; unit: { code: string } }[] }>(
        await stcApi.get(`/api/periods/${training.id}/dossiers`),
      )
    ).data;
    await ok(
      await stcApi.put(`/api/dossiers/${dossiers.find((d) => d.unit.code === "stc")!.id}/items/1.2/self`, {
        data: { score: 2, note: "" },
      }),
    );

    // ── The respondent, on a phone, through the link (no account) ──
    const phone = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    closers.push(() => phone.close());
    const page = await phone.newPage();
    page.on("pageerror", (e) => pageErrors.push(`phone: ${e.message}`));
    const link = links[0].url.replace(/^https?:\/\/[^/]+/, server.baseUrl);
    await page.goto(link);
    await page.getByTestId("survey-next").waitFor({ timeout: 20_000 });
    await shot(page, "01-phone-intro");
    await page.getByTestId("survey-next").click();

    const form = (
      await ok<{ data: TSurveyPublic }>(await admin.get(`/api/survey/${links[0].url.split("/").pop()}`))
    ).data;
    for (let step = 0; step < form.units.length; step++) {
      const name = (await page.getByTestId("survey-unit-name").innerText()).trim();
      const option = name === "Sở Nội vụ" ? "A" : step % 3 === 0 ? "X" : "D";
      for (let q = 0; q < form.questions.length; q++) await page.getByTestId(`answer-${q}-${option}`).click();
      if (step === 0) await shot(page, "02-phone-unit-1", true);
      if (name === "Sở Nội vụ") await shot(page, "03-phone-snv");
      // Resumable: halfway, the respondent closes the page and opens the link again.
      if (step === 10) {
        await page.getByTestId("survey-next").click();
        await page.reload();
        await page.getByTestId("survey-progress").waitFor();
        await expect(page.getByTestId("survey-progress").innerText()).resolves.toContain("Đơn vị 12/21");
        await shot(page, "04-phone-resumed");
        continue;
      }
      await page.getByTestId("survey-next").click();
    }
    await page.getByTestId("survey-submit").waitFor();
    await shot(page, "05-phone-review");
    await page.getByTestId("survey-submit").click();
    await page.getByTestId("survey-thanks").waitFor({ timeout: 15_000 });
    await shot(page, "06-phone-thanks");
    // The link is spent: opening it again says so clearly.
    await page.goto(link);
    await page.getByTestId("survey-refused").waitFor({ timeout: 15_000 });
    await expect(page.getByTestId("survey-refused").innerText()).resolves.toContain("đã được dùng");
    await shot(page, "07-phone-used");

    // ── The admin: ranking before, the results, the lock, the ranking after (live) ──
    const adminCtx = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    closers.push(() => adminCtx.close());
    const ranking = await adminCtx.newPage();
    ranking.on("pageerror", (e) => pageErrors.push(`admin: ${e.message}`));
    await loginThroughUi(ranking, server.baseUrl, "admin", DEMO_PASSWORD);
    await ranking.waitForURL(/\/periods\//, { timeout: 20_000 });
    await ranking.goto(`${server.baseUrl}/periods/${training.id}/ranking`);
    // A draft, even scored, is listed unranked without a total (docs/api.md, ranking rows).
    expect(await rowOf(ranking, "Sở Nội vụ")).toEqual({
      rank: expect.stringMatching(/^Chưa xếp hạng/),
      total: "—",
    });
    // Its head submits it with nothing claimed (every self leaf at 0): ranked at 0 points, last of the scored.
    const head = await personViaApi(server.baseUrl, "head.snv");
    closers.push(() => head.dispose());
    const snv = (
      await ok<{ data: TDossierSummary[] }>(await head.get(`/api/periods/${training.id}/dossiers`))
    ).data.find((d) => d.unit.code === "snv")!;
    await fillAndSubmit(head, snv.id, () => 0);
    await ranking
      .getByTestId("ranking-row")
      .filter({ has: ranking.getByText("Sở Nội vụ", { exact: true }) })
      .filter({ hasText: "0,00" })
      .waitFor({ timeout: 20_000 });
    const before = await rowOf(ranking, "Sở Nội vụ");
    expect(before.total).toBe("0,00");
    await shot(ranking, "08-ranking-before");

    const results = await adminCtx.newPage();
    results.on("pageerror", (e) => pageErrors.push(`admin: ${e.message}`));
    await results.goto(`${server.baseUrl}/periods/${training.id}/survey`);
    await results.getByTestId("survey-card-delegates").first().waitFor({ timeout: 20_000 });
    await shot(results, "09-surveys");
    await results.getByTestId("survey-results-link").click();
    await results.getByTestId("survey-lock").waitFor({ timeout: 20_000 });
    await shot(results, "10-results-before-lock");
    await results.getByTestId("survey-lock").click();
    await results.getByTestId("survey-lock-confirm").click();
    await results.getByTestId("survey-locked").waitFor({ timeout: 15_000 });
    await shot(results, "11-results-locked");

    // The ranking page, untouched since, moves with the live ranking:update: 5 leaves × 2 points, all A.
    await ranking.bringToFront();
    await ranking
      .getByTestId("ranking-row")
      .filter({ has: ranking.getByText("Sở Nội vụ", { exact: true }) })
      .filter({ hasText: "10,00" })
      .waitFor({ timeout: 20_000 });
    const after = await rowOf(ranking, "Sở Nội vụ");
    // Ranked now, at the place its 10 points give it among the training sample's scored units (the API's rank).
    const res = await adminCtx.request.get(
      `${server.baseUrl}/api/periods/${training.id}/ranking?unitType=provincial_agency`,
    );
    expect(res.status()).toBe(200);
    const rows = ((await res.json()) as { data: { unit: { code: string }; rank: number | null }[] }).data;
    const rank = rows.find((r) => r.unit.code === "snv")!.rank;
    expect(rank).not.toBeNull();
    expect(after).toEqual({ rank: expect.stringMatching(new RegExp(`^${rank}\\b`)), total: "10,00" });
    await shot(ranking, "12-ranking-after");
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
