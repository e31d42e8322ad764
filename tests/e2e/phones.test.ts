/**
 * Browser end-to-end for issue 14 point 4 — phones, and the acceptance screenshots. At 390×844 on a touch
 * screen the public results page, the agency's self-assessment page, the respondent's survey form, the live ranking
 * during self-assessment and the council meeting have no horizontal scrolling and show their key figure on screen;
 * the public page says "chưa công bố" for a period not published (no red error); the self-assessment stepper is
 * compact, its header leaves room for the work on the first screen, its sticky toolbar stays one row, and the
 * upload box does not say "drag and drop" on a touch screen; the meeting's agreement chip is whole. Each of the five pages is photographed at 1440×900 and at 390×844 into
 * tests/e2e/artifacts/accept-<page>-<width>.png. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import type { TDossierSummary, TPeriod } from "@ca/shared";
import { DESKTOP, openScreen, PHONE } from "./support/screens";
import { serverAndBrowser } from "./support/suite";
import { ok, PDF, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const SIZES = [
  [PHONE, "390"],
  [DESKTOP, "1440"],
] as const;
const suite = serverAndBrowser();
const opened: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
});

const open = (viewport: { width: number; height: number }, username?: string) =>
  openScreen(suite.browser, suite.server.baseUrl, opened, viewport, { username });

/** An acceptance screenshot (`accept-…`) or another one taken on the way (`e2e-phone-…`). */
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
};

/** A button or control a finger can hit: at least 44 px high (what the touch theme gives every button). */
const expectFingerSized = async (el: Locator, what: string) => {
  const box = await el.boundingBox();
  if (!box || box.height < 44)
    throw new Error(`"${what}" is ${box?.height ?? 0} px high on a phone, under 44`);
};

/** How far the page runs past the screen's right edge (0: no horizontal scrolling). */
const overflow = (page: Page) =>
  page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

/** The element lies within the screen's width (left and right edges), whatever is scrolled. */
async function expectWithinWidth(el: Locator, width: number, what: string) {
  const box = await el.boundingBox();
  expect([what, box !== null]).toEqual([what, true]);
  expect([what, box!.x >= 0, box!.x + box!.width <= width]).toEqual([what, true, true]);
}

describe("agency and public screens on a phone", () => {
  let training: TPeriod;
  let y2023: TPeriod;
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const admin = await personViaApi(suite.server.baseUrl, "admin", opened);
    const periods = (await ok<{ data: TPeriod[] }>(await admin.get("/api/periods"))).data;
    training = periods.find((p) => p.kind === "training")!;
    y2023 = periods.find((p) => p.year === 2023 && p.kind !== "training")!;
  });

  it("the public results fit 390 px, final and whole, and an unpublished period says so", async () => {
    const base = suite.server.baseUrl;
    for (const [viewport, size] of SIZES) {
      const page = await open(viewport);
      await page.goto(`${base}/public/results`);
      await page.getByTestId("final-label").waitFor({ timeout: 20_000 });
      await shot(page, `accept-public-${size}`);
      expect(await overflow(page)).toBe(0);
      // The index and the class of the first unit are on screen, not past its edge.
      const cells = page.locator('[data-testid^="published-row-"]').first().locator("td");
      await expectWithinWidth(cells.last(), viewport.width, "class");
      await expectWithinWidth(cells.nth(-2), viewport.width, "index");
      await expect(cells.nth(-2).innerText()).resolves.toMatch(/\d+,\d\d/);
      // Published results are final: nothing on the page calls them provisional.
      await expect(page.locator("body").innerText()).resolves.not.toMatch(/tạm tính/i);
    }
    const page = await open(PHONE);
    await page.goto(`${base}/public/results/${training.id}`);
    await page.getByText("Kết quả của kỳ này chưa công bố").waitFor({ timeout: 20_000 });
    await expect(page.getByText("Không tải được dữ liệu").count()).resolves.toBe(0);
    await shot(page, "e2e-phone-public-unpublished-390");
  });

  it("the self-assessment page works on a phone: compact stepper, one-row toolbar, touch wording", async () => {
    const base = suite.server.baseUrl;
    const head = await personViaApi(base, "head.snv", opened);
    const dossier = (
      await ok<{ data: TDossierSummary[] }>(await head.get(`/api/periods/${training.id}/dossiers`))
    ).data.find((d) => d.unit.code === "snv")!;
    // A long evidence name whose end tells it apart (the quarter): cut in the middle on a phone, never at the end.
    const LONG = "minh-chung-bao-cao-tong-ket-cong-tac-cai-cach-hanh-chinh-nam-2026-quy-4.pdf";
    await ok(
      await head.post(`/api/dossiers/${dossier.id}/items/1.1.1/evidence`, {
        multipart: { file: { name: LONG, mimeType: "application/pdf", buffer: PDF } },
      }),
    );
    for (const [viewport, size] of SIZES) {
      const page = await open(viewport, "head.snv");
      await page.goto(`${base}/dossiers/${dossier.id}`);
      await page.locator('[data-testid="dossier-page"][data-mode="self"]').waitFor({ timeout: 20_000 });
      await shot(page, `accept-self-assessment-${size}`);
      const name = page.getByTestId("evidence-name").filter({ hasText: "quy-4.pdf" });
      await expect(name.getAttribute("download")).resolves.toBe(LONG);
      const tail = name.locator("span > span").last();
      await expect(tail.innerText()).resolves.toBe(LONG.slice(-12));
      const box = await tail.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      if (viewport === PHONE) {
        await name.scrollIntoViewIfNeeded();
        await shot(page, "e2e-phone-evidence-name-390");
        await page.evaluate("window.scrollTo(0, 0)");
      }
      // The agency's own running total is the page's key figure.
      await expectWithinWidth(page.getByTestId("self-total-value"), viewport.width, "self total");
      await expect(page.getByTestId("self-total-value").innerText()).resolves.toMatch(/\d/);
      if (viewport === PHONE) {
        expect(await overflow(page)).toBe(0);
        await page.locator('[data-testid="status-stepper"][data-compact="true"]').waitFor();
        // The sticky toolbar takes one row, not a quarter of the screen.
        const bar = await page.getByTestId("self-toolbar").boundingBox();
        expect(bar!.height).toBeLessThan(viewport.height * 0.1);
        // …and where it runs past the screen it fades there, so it reads as a row that scrolls; scrolled to its
        // end, it no longer fades.
        const row = page.getByTestId("self-toolbar").locator(":scope > div");
        if (await row.evaluate((r) => r.scrollWidth > r.clientWidth)) {
          await page.locator('[data-testid="self-toolbar"] > div[data-more="true"]').waitFor();
          await row.evaluate((r) => r.scrollTo({ left: r.scrollWidth }));
          await page.locator('[data-testid="self-toolbar"] > div[data-more="false"]').waitFor();
          await row.evaluate((r) => r.scrollTo({ left: 0 }));
        }
        // The header (unit, stage, both totals, deadline, submit) leaves the lower quarter of the first screen
        // to the toolbar and the first area, so the agency sees where to work without scrolling.
        const header = await page.getByTestId("dossier-header").boundingBox();
        expect(header!.y + header!.height).toBeLessThan(viewport.height * 0.75);
        const body = await page.locator("body").innerText();
        expect(body).not.toContain("Kéo thả");
        expect(body).toContain("Chạm “Chọn tệp”");
        // Every button a finger meets is a finger's height (about 44 px): the header's, and a dialog's.
        await expectFingerSized(page.getByTestId("submit-self"), "submit");
        await page.getByTestId("submit-self").click();
        const dialog = page.getByRole("dialog");
        await dialog.waitFor();
        const buttons = dialog.getByRole("button");
        expect(await buttons.count()).toBeGreaterThan(1);
        for (const b of await buttons.all()) await expectFingerSized(b, await b.innerText());
        await shot(page, "e2e-phone-submit-dialog-390");
        await page.keyboard.press("Escape");
        await dialog.waitFor({ state: "hidden" });
      } else await expect(page.locator("body").innerText()).resolves.toContain("Kéo thả");
    }
    // The editor, who scores but does not submit, is told who submits, and the header still fits the phone.
    const page = await open(PHONE, "editor.snv");
    await page.goto(`${base}/dossiers/${dossier.id}`);
    await page.getByTestId("submit-by-head").waitFor({ timeout: 20_000 });
    await expect(page.getByTestId("submit-by-head").innerText()).resolves.toContain(
      "Thủ trưởng đơn vị nộp hồ sơ",
    );
    expect(await overflow(page)).toBe(0);
    const header = await page.getByTestId("dossier-header").boundingBox();
    expect(header!.y + header!.height).toBeLessThan(PHONE.height * 0.75);
    await shot(page, "e2e-phone-self-editor-390");
  });

  it("the respondent's survey form and the live ranking during self-assessment, both sizes", async () => {
    const base = suite.server.baseUrl;
    const admin = await personViaApi(base, "admin", opened);
    const surveys = (
      await ok<{ data: { id: string }[] }>(await admin.get(`/api/periods/${training.id}/surveys`))
    ).data;
    const respondents = (
      await ok<{ data: { id: string }[] }>(await admin.get(`/api/surveys/${surveys[0]!.id}/respondents`))
    ).data;
    const links = (
      await ok<{ data: { url: string }[] }>(
        await admin.post(`/api/surveys/${surveys[0]!.id}/links`, {
          data: { respondentIds: [respondents[0]!.id], sendEmail: false },
        }),
      )
    ).data;
    const answerPath = new URL(links[0]!.url).pathname;
    for (const [viewport, size] of SIZES) {
      // The form itself: the first unit's questions, past the introduction.
      const survey = await open(viewport);
      await survey.goto(`${base}${answerPath}`);
      await survey.getByTestId("survey-next").click({ timeout: 20_000 });
      await survey.getByTestId("survey-unit-name").waitFor();
      await shot(survey, `accept-survey-${size}`);
      expect(await overflow(survey)).toBe(0);
      await expectWithinWidth(survey.getByTestId("survey-progress"), viewport.width, "progress");
      await expectWithinWidth(
        survey.locator('[data-testid^="answer-0-"]').first(),
        viewport.width,
        "first answer",
      );

      // The provincial leadership follows the live ranking (the chair, recused on a unit, sees no ranks in its type).
      const leader = await open(viewport, "leader");
      await leader.goto(`${base}/periods/${training.id}/ranking`);
      await leader.getByTestId("ranking-row").first().waitFor({ timeout: 20_000 });
      await shot(leader, `accept-ranking-${size}`);
      expect(await overflow(leader)).toBe(0);
      // Each unit's index and class are on screen without scrolling sideways; the ranking says it is provisional.
      const first = leader.getByTestId("ranking-row").first();
      await expectWithinWidth(first.getByTestId("ranking-index"), viewport.width, "ranking index");
      await expectWithinWidth(first.getByTestId("ranking-class"), viewport.width, "ranking class");
      // Nobody is recused here: units not yet appraised are unranked, not hidden for a conflict of interest.
      expect(await leader.getByTestId("ranks-hidden").count()).toBe(0);
      await expect(first.innerText()).resolves.toContain("Tạm thời");
    }
  });

  it("the meeting page fits 390 px: criteria stacked, short sticky header, the agreement chip whole", async () => {
    const base = suite.server.baseUrl;
    const chair = await personViaApi(base, "chair", opened);
    const meetingId = (
      await ok<{ data: { id: string }[] }>(await chair.get(`/api/periods/${y2023.id}/meetings`))
    ).data[0]!.id;
    for (const [viewport, size] of SIZES) {
      const page = await open(viewport, "member.home");
      await page.goto(`${base}/meetings/${meetingId}`);
      await page.getByTestId("marea-1").waitFor({ timeout: 20_000 });
      await page.locator('[data-testid^="agreement-chip-"]').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(600);
      await shot(page, `accept-meeting-${size}`);
      expect(await overflow(page)).toBe(0);
      // The agreement says when and by whom in full: inside the screen, its label not cut short.
      const chips = page.locator('[data-testid^="agreement-chip-"]');
      expect(await chips.count()).toBeGreaterThan(0);
      for (const chip of await chips.all()) {
        await chip.scrollIntoViewIfNeeded();
        await expectWithinWidth(chip, viewport.width, "agreement chip");
        const cut = await chip
          .locator(".MuiChip-label")
          .evaluate((l) => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1);
        expect(cut).toBe(false);
      }
      if (viewport !== PHONE) continue;
      await shot(page, "e2e-phone-meeting-agreement-390");
      // No area of criteria scrolls sideways either: every row's figures and the proposal are on screen.
      const sideways = await page
        .locator('[data-testid^="marea-"]')
        .evaluateAll((areas) => areas.filter((a) => a.scrollWidth > a.clientWidth + 1).length);
      expect(sideways).toBe(0);
      // The sticky header is one short row, not a block over the criteria.
      const header = await page.getByTestId("workspace-header").boundingBox();
      expect(header!.height).toBeLessThan(viewport.height * 0.08);
      await page.getByTestId("marea-1").scrollIntoViewIfNeeded();
      await shot(page, "e2e-phone-meeting-390-criteria");
    }
  });
});
