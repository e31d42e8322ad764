/**
 * Browser end-to-end for issue 14 point 7 — the smaller things a user saw, each checked on screen: the timeline
 * numbers the plan's ten steps; the menu has no two entries of the same name; an ended meeting does not tell the
 * chair he follows the chair, and its empty minutes say so; the meeting and the public score card show English
 * titles in English; the dashboard opens a dossier in a new tab (big-screen mode stays) and its legend names every
 * bar colour; the head sees what is missing before choosing the signed PDF; a read-only 2023 dossier shows its
 * evidence, its signed reports and its explanation history. (The meeting page on a phone: phones.test.ts; the
 * template's own import is an integration test: tests/server/services/spreadsheets/indexSetTemplate.test.ts.) Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { TDossierDetail, TDossierSummary, TPeriod } from "@ca/shared";
import { DESKTOP, openScreen } from "./support/screens";
import { serverAndBrowser } from "./support/suite";
import { ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const suite = serverAndBrowser();
const opened: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
});

const open = (username: string, { viewport = DESKTOP, lang = "vi" as "vi" | "en" } = {}) =>
  openScreen(suite.browser, suite.server.baseUrl, opened, viewport, { username, lang });

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-${name}.png`) });
};

let y2023: TPeriod;
let training: TPeriod;
let meetingId: string;
beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const chair = await personViaApi(suite.server.baseUrl, "chair", opened);
  const periods = (await ok<{ data: TPeriod[] }>(await chair.get("/api/periods"))).data;
  y2023 = periods.find((p) => p.year === 2023 && p.kind !== "training")!;
  training = periods.find((p) => p.kind === "training")!;
  meetingId = (await ok<{ data: { id: string }[] }>(await chair.get(`/api/periods/${y2023.id}/meetings`)))
    .data[0]!.id;
});

describe("what the screens say, point by point", () => {
  it("the timeline keeps the plan's ten steps (the meeting is part of step 9); menu entries are distinct", async () => {
    const page = await open("admin");
    await page.goto(`${suite.server.baseUrl}/periods/${y2023.id}/timeline`);
    await page.getByTestId("milestone-publication").waitFor({ timeout: 20_000 });
    await expect(page.getByTestId("milestone-publication").innerText()).resolves.toContain("Bước 10");
    await expect(page.getByTestId("milestone-round2").innerText()).resolves.toContain("Bước 9");
    await expect(page.getByTestId("milestone-meeting").innerText()).resolves.toContain("Thuộc bước 9");
    const steps = await page
      .locator('[data-testid^="milestone-"][data-step]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-step"))));
    expect(Math.max(...steps)).toBe(10);
    // No menu entry's name is the start of another's ("Tiến độ" next to "Tiến độ hồ sơ").
    const names = (await page.locator('[data-testid^="nav-"]').allInnerTexts())
      .map((s) => s.trim())
      .filter(Boolean);
    expect(names.length).toBeGreaterThan(5);
    for (const a of names)
      for (const b of names) if (a !== b) expect([a, b.startsWith(a)]).toEqual([a, false]);
    await shot(page, "timeline-steps");
  });

  it("an ended meeting: no 'following the chair' for the chair, empty minutes say so", async () => {
    const page = await open("chair");
    await page.goto(`${suite.server.baseUrl}/meetings/${meetingId}`);
    await page.locator('[data-testid="meeting-page"][data-status="ended"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("meeting-workspace").waitFor();
    await page.getByTestId("minutes-empty").waitFor({ timeout: 20_000 });
    await expect(page.getByTestId("minutes-empty").innerText()).resolves.toContain("không có biên bản");
    expect(await page.getByTestId("minutes-editor").isVisible()).toBe(false);
    expect(await page.getByTestId("tracker-mode").count()).toBe(0);
    await expect(page.locator("body").innerText()).resolves.not.toContain("Đang theo màn hình Chủ tịch");
  });

  it("criterion titles are in English in English mode, in the meeting as in the dossier", async () => {
    const chair = await personViaApi(suite.server.baseUrl, "chair", opened);
    const meeting = (
      await ok<{ data: { agenda: { dossierId: string }[] } }>(await chair.get(`/api/meetings/${meetingId}`))
    ).data;
    const detail = (
      await ok<{ data: TDossierDetail }>(await chair.get(`/api/dossiers/${meeting.agenda[0]!.dossierId}`))
    ).data;
    const leaf = detail.leaves.find((l) => l.titleEn && l.titleEn !== l.title)!;
    const page = await open("chair", { lang: "en" });
    await page.goto(`${suite.server.baseUrl}/meetings/${meetingId}`);
    const row = page.getByTestId(`mleaf-${leaf.code}`);
    await row.getByText(leaf.titleEn).waitFor({ timeout: 20_000 });
    await expect(row.innerText()).resolves.not.toContain(leaf.title);
  });

  it("the public score card names the areas in English once the reader switches to English", async () => {
    const page = await openScreen(suite.browser, suite.server.baseUrl, opened, DESKTOP);
    await page.goto(`${suite.server.baseUrl}/public/results`);
    await page.getByTestId("final-label").waitFor({ timeout: 20_000 });
    const row = page.locator('[data-testid^="published-row-"]').first();
    await row.getByRole("button").click();
    const areaCells = page.locator('[data-testid^="score-card-"] tbody tr td:first-child');
    await areaCells.first().waitFor();
    const vi = await areaCells.allInnerTexts();
    expect(vi[0]).toBe("1. Chỉ đạo, điều hành");
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByText("Scores by area —").waitFor({ timeout: 10_000 });
    const en = await areaCells.allInnerTexts();
    // The sample's index sets have an English title for every area: none of them stays Vietnamese.
    expect(en[0]).toBe("1. Leadership and direction");
    expect(en.length).toBe(vi.length);
    for (let i = 0; i < vi.length; i++) expect([i, en[i] === vi[i]]).toEqual([i, false]);
    await shot(page, "public-score-card-en");
  });

  it("the dashboard opens a dossier in a new tab and stays big; its legend names every bar colour", async () => {
    const page = await open("leader");
    await page.goto(`${suite.server.baseUrl}/periods/${y2023.id}/dashboard`);
    await page
      .getByTestId("dash-ranking")
      .locator("svg.recharts-surface")
      .first()
      .waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800); // the bars' first animation
    const bars = await page
      .locator('[data-testid="dash-ranking"] svg.recharts-surface rect[fill^="#"]')
      .evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute("fill")!.toLowerCase()))]);
    expect(bars.length).toBeGreaterThan(1);
    const legend = await page
      .locator('[data-testid="dash-band-legend"] [data-testid="band-swatch"]')
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-color")!.toLowerCase()));
    for (const colour of bars) expect([colour, legend.includes(colour)]).toEqual([colour, true]);
    await page.getByTestId("dash-big").click();
    await page.locator('[data-testid="dashboard-page"][data-big="true"]').waitFor();
    const [tab] = await Promise.all([
      page.context().waitForEvent("page", { timeout: 10_000 }),
      page.getByTestId("dash-open-dossier").click(),
    ]);
    await tab.getByTestId("dossier-page").waitFor({ timeout: 20_000 });
    expect(page.url()).toContain("/dashboard");
    await page.locator('[data-testid="dashboard-page"][data-big="true"]').waitFor();
  });

  it("the head sees what is missing before choosing the signed PDF", async () => {
    const head = await personViaApi(suite.server.baseUrl, "head.snv", opened);
    const dossier = (
      await ok<{ data: TDossierSummary[] }>(await head.get(`/api/periods/${training.id}/dossiers`))
    ).data.find((d) => d.unit.code === "snv")!;
    const page = await open("head.snv");
    await page.goto(`${suite.server.baseUrl}/dossiers/${dossier.id}`);
    await page.locator('[data-testid="dossier-page"][data-mode="self"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("submit-self").click();
    // Said as the dialog opens, no file chosen, nothing sent.
    await page.getByTestId("report-missing").waitFor();
    await expect(page.getByTestId("report-missing").innerText()).resolves.toContain("Hồ sơ chưa đủ để nộp");
    expect(await page.getByTestId("report-missing").getByTestId("missing-code").count()).toBeGreaterThan(0);
    await expect(page.getByTestId("report-submit").isDisabled()).resolves.toBe(true);
    await shot(page, "submit-missing-before");
  });

  it("a read-only 2023 dossier shows its evidence, its signed reports and its explanation history", async () => {
    const head = await personViaApi(suite.server.baseUrl, "head.snv", opened);
    const dossier = (
      await ok<{ data: TDossierSummary[] }>(await head.get(`/api/periods/${y2023.id}/dossiers`))
    ).data[0]!;
    const page = await open("head.snv");
    await page.goto(`${suite.server.baseUrl}/dossiers/${dossier.id}`);
    await page.locator('[data-testid="dossier-page"][data-mode="read"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("signed-reports").waitFor();
    await expect(page.getByTestId("signed-reports").innerText()).resolves.toMatch(/giải trình/i);
    await page.getByTestId("agency-requests").waitFor();
    expect(await page.getByTestId("evidence-list").locator("a").count()).toBeGreaterThan(0);
    // The evidence opens: the stored sample document, not an error.
    const href = await page.getByTestId("evidence-list").locator("a").first().getAttribute("href");
    const res = await page.request.get(new URL(href!, suite.server.baseUrl).toString());
    expect([res.status(), res.headers()["content-type"]]).toEqual([200, "application/pdf"]);
    await shot(page, "readonly-2023");
  });
});
