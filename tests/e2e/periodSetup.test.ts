/**
 * Browser check of the admin's period setup and classification screens (docs/periods-and-classification.md): a
 * period made from the 2026 framework, the unit import refused row by row and then accepted, a quota set, the
 * chair's band cap recorded, and the ranking's footnotes. Screenshots go to tests/e2e/artifacts. Expects client/dist.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../seeds/src/data/accounts";
import { launchChromium, loginThroughUi } from "./support/browser";
import { ROOT, startServer, type RunningServer } from "./support/server";

const ARTIFACTS = path.join(__dirname, "artifacts");
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
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(ARTIFACTS, `e2e-setup-${name}.png`), fullPage });
};

async function signedIn(username: string, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await loginThroughUi(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 20_000 });
  return { context, page };
}

/** Ten communes; `bad` puts an unknown unit type on row 4 of DonVi, a second head, and a bad e-mail. */
async function workbook(bad: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("DonVi");
  const leaders = wb.addWorksheet("LanhDao");
  const accounts = wb.addWorksheet("TaiKhoan");
  units.addRow(["Mã", "Tên", "Tên ngắn", "Loại", "Tiền thân"]);
  leaders.addRow(["Mã", "Họ tên", "Vị trí", "Chức vụ", "Lĩnh vực"]);
  accounts.addRow(["Tên đăng nhập", "Họ tên", "Email", "Vai trò", "Mã đơn vị"]);
  for (let i = 1; i <= 10; i++) {
    const code = `xa-e2e-${i}`;
    units.addRow([
      code,
      `UBND xã Thử ${i}`,
      `Xã Thử ${i}`,
      bad && i === 3 ? "huyen" : "ubnd_cap_xa",
      i === 1 ? "xa-cu-a; xa-cu-b" : "",
    ]);
    leaders.addRow([code, `Nguyễn Văn ${i}`, bad && i === 2 ? "Trưởng" : "Trưởng", "Chủ tịch UBND xã", ""]);
    if (bad && i === 2) leaders.addRow([code, `Trần Văn ${i}`, "Trưởng", "Chủ tịch", ""]);
    accounts.addRow([
      `editor.xa-e2e-${i}`,
      `Cán bộ ${i}`,
      bad && i === 5 ? "sai-email" : `cb${i}@example.vn`,
      "Soạn thảo",
      code,
    ]);
  }
  const file = path.join(ARTIFACTS, bad ? "e2e-units-bad.xlsx" : "e2e-units.xlsx");
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe("period setup and classification in the browser", () => {
  it("the admin makes a period from the 2026 framework and imports units (refused row by row, then accepted)", async () => {
    const { context, page } = await signedIn("admin");
    await page.goto(`${server.baseUrl}/setup`);
    await page.getByTestId("template-summary").waitFor({ timeout: 20_000 });
    // The kinds are named in the reader's language, never as their codes.
    const summary = await page.getByTestId("template-summary").innerText();
    expect(summary).toContain("có/không");
    expect(summary).not.toContain("yesno");
    await shot(page, "new-period");
    await page.getByTestId("create-period").click();
    await page.getByText(/Đã tạo kỳ/).waitFor({ timeout: 20_000 });
    await page.getByTestId("unit-file").setInputFiles(await workbook(true));
    await page.getByTestId("import-errors").waitFor({ timeout: 20_000 });
    const errors = await page.getByTestId("import-errors").locator("tbody tr").count();
    expect(errors).toBe(3);
    await page.getByTestId("import-errors").scrollIntoViewIfNeeded();
    await shot(page, "import-errors");
    await page.getByTestId("unit-file").setInputFiles(await workbook(false));
    await page.getByTestId("import-done").waitFor({ timeout: 20_000 });
    await page.getByTestId("import-done").scrollIntoViewIfNeeded();
    await shot(page, "import-done");
    await context.close();
  }, 120_000);

  it("the admin sets a quota, the chair caps a band, the ranking footnotes both", async () => {
    const admin = await signedIn("admin");
    const periods = await admin.page.evaluate(() =>
      fetch("/api/periods").then((r) => r.json() as Promise<{ data: { id: string; kind: string }[] }>),
    );
    const training = periods.data.find((p) => p.kind === "training")!;
    await admin.page.goto(`${server.baseUrl}/periods/${training.id}/classification`);
    await admin.page.getByTestId("quota-card").waitFor({ timeout: 20_000 });
    // Nothing set yet says so, beside the thresholds the quotas act on (the card was bare).
    await admin.page.getByTestId("no-quotas").waitFor();
    await expect(admin.page.getByTestId("band-thresholds").textContent()).resolves.toMatch(/≥ \d+(,\d+)? %/);
    await admin.page.getByRole("button", { name: "Thêm hạn mức" }).click();
    await admin.page.getByTestId("quota-value-0").fill("10");
    await admin.page.getByTestId("quota-reason").fill("Kế hoạch: Xuất sắc không quá 10%");
    await admin.page.getByTestId("quota-save").click();
    await admin.page.getByText("Đã lưu.").waitFor({ timeout: 20_000 });
    await shot(admin.page, "quota", true);
    await admin.context.close();

    // Sở Nội vụ self-assesses every points leaf in full: appraised, so ranked, so its band can be capped.
    const editor = await signedIn("editor.snv");
    const saved = await editor.page.evaluate(async (periodId: string) => {
      const list = await fetch(`/api/periods/${periodId}/dossiers`).then(
        (r) => r.json() as Promise<{ data: { id: string; unit: { code: string } }[] }>,
      );
      const snv = list.data.find((d: { unit: { code: string } }) => d.unit.code === "snv");
      const detail = await fetch(`/api/dossiers/${snv!.id}`).then(
        (r) =>
          r.json() as Promise<{
            data: { leaves: { code: string; method: string; kind?: string; maxPoints: number }[] };
          }>,
      );
      let n = 0;
      for (const leaf of detail.data.leaves as {
        code: string;
        method: string;
        kind?: string;
        maxPoints: number;
      }[]) {
        if (leaf.method !== "self" || (leaf.kind ?? "points") !== "points") continue;
        const res = await fetch(`/api/dossiers/${snv!.id}/items/${leaf.code}/self`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ score: leaf.maxPoints, note: "" }),
        });
        if (res.ok) n++;
      }
      return n;
    }, training.id);
    expect(saved).toBeGreaterThan(10);
    await editor.context.close();

    const chair = await signedIn("chair");
    await chair.page.goto(`${server.baseUrl}/periods/${training.id}/classification`);
    await chair.page.getByTestId("caps-card").waitFor({ timeout: 20_000 });
    await chair.page.getByTestId("caps-card").getByLabel("Đơn vị").click();
    await chair.page.getByRole("option", { name: "Sở Nội vụ", exact: true }).click();
    await chair.page.getByTestId("caps-card").getByLabel("Không cao hơn mức").click();
    await chair.page.getByRole("option").last().click();
    await chair.page.getByTestId("cap-reason").fill("Người đứng đầu bị kỷ luật khiển trách trong năm");
    await chair.page.getByTestId("cap-doc").fill("45/QĐ-UBND");
    await chair.page.getByTestId("cap-record").click();
    await chair.page.getByTestId("cap-row").waitFor({ timeout: 20_000 });
    await shot(chair.page, "caps", true);
    await chair.page.goto(`${server.baseUrl}/periods/${training.id}/ranking`);
    await chair.page.getByTestId("ranking-table").first().waitFor({ timeout: 20_000 });
    await shot(chair.page, "ranking-footnotes", true);
    await chair.context.close();

    const mobile = await signedIn("admin", { width: 390, height: 844 });
    await mobile.page.goto(`${server.baseUrl}/setup`);
    await mobile.page.getByTestId("template-summary").waitFor({ timeout: 20_000 });
    await shot(mobile.page, "new-period-mobile", true);
    await mobile.context.close();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
