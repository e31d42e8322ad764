/**
 * Browser end-to-end for issue 6: the public results page of the sample 2023 period opens without signing in
 * (final label, both rankings, a unit's score card, nothing unpublished), and the admin downloads exports from the
 * results page; the heads' and deputies' report renders. Screenshots go to tests/e2e/artifacts. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "xlsx";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";

const ARTIFACTS = path.join(__dirname, "artifacts");
const VIEWPORT = { width: 1440, height: 900 };

let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "client", "dist", "index.html")))
    throw new Error("client/dist is missing: run `npm run build` before the e2e tests");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer(90_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 30_000);

const shot = async (page: Page, name: string, fullPage = false) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-results-${name}.png`), fullPage });
};

async function newPage(locale = "vi-VN") {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale,
    timezoneId: "Asia/Ho_Chi_Minh",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  return { context, page };
}

describe("results in the browser", () => {
  it("shows the published 2023 results to someone who never signed in", async () => {
    const { context, page } = await newPage();
    const apiCalls: string[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/api/")) apiCalls.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${server.baseUrl}/public/results`);
    await page.getByTestId("final-label").waitFor({ timeout: 20_000 });
    await page.getByRole("heading", { name: /Kết quả Năm 2023/ }).waitFor();
    const tables = page.getByTestId("published-table");
    expect(await tables.count()).toBe(2);
    expect(await tables.nth(0).locator("tbody tr[data-testid^='published-row-']").count()).toBe(21);
    expect(await tables.nth(1).locator("tbody tr[data-testid^='published-row-']").count()).toBe(9);
    await shot(page, "public");
    // A unit's score card by area opens in place.
    await page.getByTestId("published-row-stc").getByRole("button").click();
    await page.getByTestId("score-card-stc").waitFor();
    expect(await page.getByTestId("score-card-stc").locator("tbody tr").count()).toBeGreaterThanOrEqual(7);
    await page.getByTestId("score-card-stc").scrollIntoViewIfNeeded();
    await shot(page, "public-score-card");
    // Nothing unpublished on the page: no comment, note, answer or file from the council's work.
    const html = await page.content();
    for (const secret of [
      "Ghi chú nội bộ",
      "Đề nghị bổ sung số liệu",
      "Đơn vị đã bổ sung",
      "minh-chung",
      ".pdf",
    ])
      expect(html).not.toContain(secret);
    // Only the public API was asked (and /me, which answered 401: nobody is signed in).
    expect(apiCalls.filter((c) => !c.includes("/api/public/") && !c.startsWith("401 /api/me"))).toEqual([]);
    // English works too.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText("Final results").waitFor();
    await shot(page, "public-en");
    await context.close();
  }, 90_000);

  it("lets the admin download the report and the ranking from the results page", async () => {
    const { context, page } = await newPage();
    await loginThroughUi(page, server.baseUrl, "admin", DEMO_PASSWORD);
    await page.waitForURL(/\/periods\/[0-9a-f-]{36}\//, { timeout: 20_000 });
    const periods = (await (await page.request.get(`${server.baseUrl}/api/periods`)).json()).data as {
      id: string;
      code: string;
    }[];
    const p2023 = periods.find((p) => p.code === "2023")!;
    await page.goto(`${server.baseUrl}/periods/${p2023.id}/results`);
    await page.getByTestId("publication-panel").waitFor({ timeout: 20_000 });
    await page.getByTestId("exports-panel").waitFor();
    await page.getByTestId("published-table").first().waitFor();
    // The navigation names the two pages in Vietnamese (not their i18n keys).
    expect(await page.getByTestId("nav-results").innerText()).toBe("Kết quả, công bố");
    expect(await page.getByTestId("nav-responsibility").innerText()).toBe("Người đứng đầu, cấp phó");
    await shot(page, "admin-results");
    const [ranking] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-ranking.xlsx").click(),
    ]);
    expect(ranking.suggestedFilename()).toBe("2023-xep-hang.xlsx");
    const file = path.join(ARTIFACTS, "e2e-results-ranking.xlsx");
    await ranking.saveAs(file);
    const wb = XLSX.read(fs.readFileSync(file), { type: "buffer" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1 });
    const pub = (
      await (await page.request.get(`${server.baseUrl}/api/public/periods/${p2023.id}/results`)).json()
    ).data;
    expect(rows.slice(3).map((r) => [r[0], r[2], r[3]])).toEqual(
      pub.unitTypes[0].rows.map((r: { rank: number; unit: { name: string }; total: number }) => [
        r.rank,
        r.unit.name,
        r.total,
      ]),
    );
    const [report] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-report.docx").click(),
    ]);
    expect(report.suggestedFilename()).toBe("2023-bao-cao.docx");
    const docx = path.join(ARTIFACTS, "e2e-results-report.docx");
    await report.saveAs(docx);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");

    // The heads' and deputies' report.
    await page.goto(`${server.baseUrl}/periods/${p2023.id}/responsibility`);
    await page.getByTestId("responsibility-unit-sct").waitFor({ timeout: 20_000 });
    await page.getByTestId("rules-summary").waitFor();
    await shot(page, "responsibility");
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
  it("shows an agency head the published ranking and their own unit's heads and deputies", async () => {
    const { context, page } = await newPage();
    await loginThroughUi(page, server.baseUrl, "head.snv", DEMO_PASSWORD);
    await page.waitForURL(/\/periods\/[0-9a-f-]{36}\//, { timeout: 20_000 });
    const periods = (await (await page.request.get(`${server.baseUrl}/api/periods`)).json()).data as {
      id: string;
      code: string;
    }[];
    const p2023 = periods.find((p) => p.code === "2023")!;
    await page.goto(`${server.baseUrl}/periods/${p2023.id}/results`);
    await page.getByTestId("unit-responsibility").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("published-table").count()).toBe(2);
    // No exports and no publishing for an agency.
    expect(await page.getByTestId("exports-panel").count()).toBe(0);
    expect(await page.getByTestId("publish-next").count()).toBe(0);
    expect(await page.getByTestId("unit-responsibility").locator("tbody tr").count()).toBe(3);
    await page.getByTestId("unit-responsibility").scrollIntoViewIfNeeded();
    await shot(page, "agency");
    await context.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
