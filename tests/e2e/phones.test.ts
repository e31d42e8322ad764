/**
 * Browser end-to-end for issue 14 point 4 — phones: at 390×844 on a touch screen the public results page and the
 * agency's self-assessment page have no horizontal scrolling, the public page says "chưa công bố" for a period
 * not published (no red error), the self-assessment stepper is compact, its sticky toolbar stays one row, and the
 * upload box does not say "drag and drop" on a touch screen. Screenshots at 1440×900 and 390×844 of the public
 * page, the self-assessment page, the survey and the live ranking during self-assessment. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { TDossierSummary, TPeriod } from "@ca/shared";
import { DESKTOP, openScreen, PHONE } from "./support/screens";
import { serverAndBrowser } from "./support/suite";
import { ok, personViaApi } from "./support/workflow";

const ARTIFACTS = path.join(__dirname, "artifacts");
const suite = serverAndBrowser();
const opened: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const o of opened.reverse()) await o.close().catch(() => undefined);
});

const open = (viewport: { width: number; height: number }, username?: string) =>
  openScreen(suite.browser, suite.server.baseUrl, opened, viewport, { username });

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-phone-${name}.png`) });
};

/** How far the page runs past the screen's right edge (0: no horizontal scrolling). */
const overflow = (page: Page) =>
  page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

describe("agency and public screens on a phone", () => {
  let training: TPeriod;
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const admin = await personViaApi(suite.server.baseUrl, "admin", opened);
    training = (await ok<{ data: TPeriod[] }>(await admin.get("/api/periods"))).data.find(
      (p) => p.kind === "training",
    )!;
  });

  it("the public results fit 390 px, and an unpublished period says so", async () => {
    const base = suite.server.baseUrl;
    for (const [viewport, size] of [
      [PHONE, "390"],
      [DESKTOP, "1440"],
    ] as const) {
      const page = await open(viewport);
      await page.goto(`${base}/public/results`);
      await page.getByTestId("final-label").waitFor({ timeout: 20_000 });
      await shot(page, `public-${size}`);
      expect(await overflow(page)).toBe(0);
      // The index and the class of the first unit are on screen, not past its edge.
      const row = page.locator('[data-testid^="published-row-"]').first();
      const cells = row.locator("td");
      const last = await cells.last().boundingBox();
      expect(last!.x + last!.width).toBeLessThanOrEqual(viewport.width);
    }
    const page = await open(PHONE);
    await page.goto(`${base}/public/results/${training.id}`);
    await page.getByText("Kết quả của kỳ này chưa công bố").waitFor({ timeout: 20_000 });
    await expect(page.getByText("Không tải được dữ liệu").count()).resolves.toBe(0);
    await shot(page, "public-unpublished-390");
  });

  it("the self-assessment page works on a phone: compact stepper, one-row toolbar, touch wording", async () => {
    const base = suite.server.baseUrl;
    const head = await personViaApi(base, "head.snv", opened);
    const dossier = (
      await ok<{ data: TDossierSummary[] }>(await head.get(`/api/periods/${training.id}/dossiers`))
    ).data.find((d) => d.unit.code === "snv")!;
    for (const [viewport, size] of [
      [PHONE, "390"],
      [DESKTOP, "1440"],
    ] as const) {
      const page = await open(viewport, "head.snv");
      await page.goto(`${base}/dossiers/${dossier.id}`);
      await page.locator('[data-testid="dossier-page"][data-mode="self"]').waitFor({ timeout: 20_000 });
      await shot(page, `self-assessment-${size}`);
      if (viewport === PHONE) {
        expect(await overflow(page)).toBe(0);
        await page.locator('[data-testid="status-stepper"][data-compact="true"]').waitFor();
        // The sticky toolbar takes one row, not a quarter of the screen.
        const bar = await page.getByTestId("self-toolbar").boundingBox();
        expect(bar!.height).toBeLessThan(viewport.height * 0.1);
        const body = await page.locator("body").innerText();
        expect(body).not.toContain("Kéo thả");
        expect(body).toContain("Chạm “Chọn tệp”");
      } else await expect(page.locator("body").innerText()).resolves.toContain("Kéo thả");
    }
  });

  it("screenshots: the survey and the live ranking during self-assessment, both sizes", async () => {
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
    for (const [viewport, size] of [
      [PHONE, "390"],
      [DESKTOP, "1440"],
    ] as const) {
      const survey = await open(viewport);
      await survey.goto(`${base}${answerPath}`);
      await survey.locator("form, [data-testid]").first().waitFor({ timeout: 20_000 });
      await survey.waitForLoadState("networkidle");
      await shot(survey, `survey-${size}`);
      expect(await overflow(survey)).toBe(0);
      const chair = await open(viewport, "chair");
      await chair.goto(`${base}/periods/${training.id}/ranking`);
      await chair.getByTestId("ranking-row").first().waitFor({ timeout: 20_000 });
      await shot(chair, `ranking-${size}`);
    }
  });
});
