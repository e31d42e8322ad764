/**
 * Takes the screenshots the UI is reviewed by (not a test): every role's landing page and the main pages.
 * Usage: npx tsx tests/e2e/screenshots.ts http://127.0.0.1:3100   (server running with sample data, client built)
 */
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "xlsx";
import { launchChromium, loginThroughUi } from "./support/browser";

const BASE = process.argv[2] ?? "http://127.0.0.1:3100";
const OUT = path.join(__dirname, "artifacts");
const PASSWORD = "Demo@2023";
const ROLES: [string, string][] = [
  ["admin", "admin"],
  ["chair", "council_chair"],
  ["member.home", "council_member"],
  ["wg", "working_group"],
  ["editor.snv", "agency_editor"],
  ["head.tuyhoa", "agency_head"],
  ["leader", "leadership"],
];

function badWorkbook(file: string) {
  const rows = [
    [
      "Mã / Code",
      "Tên tiêu chí / Title",
      "Tên tiếng Anh / English title",
      "Hướng dẫn chấm / Guidance",
      "Điểm tối đa / Max points",
      "Bước điểm / Step",
      "Phương pháp / Method",
      "Bắt buộc minh chứng / Evidence required",
    ],
    ["1", "Chỉ đạo, điều hành", "Leadership", "", 12, 0.25, "tự chấm", "Có"],
    ["1.1", "Kế hoạch công tác năm", "Annual plan", "", 3, 0.25, "tự chấm", "Có"],
    ["1.1", "Kế hoạch trùng mã", "Duplicate", "", 3, 0.25, "tự chấm", "Có"],
    ["1.2", "Báo cáo định kỳ", "Reports", "", 2.555, 0.25, "tự chấm", "Có"],
    ["2.1", "Mục thiếu lĩnh vực cha", "Orphan", "", 4, 0.25, "phỏng vấn", "Có"],
    ["3", "Cải cách hành chính", "Reform", "", 10, 0.3, "hội đồng", "Không"],
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "BoChiSo");
  XLSX.writeFile(wb, file);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  const shot = async (page: import("playwright-core").Page, name: string, fullPage = false) => {
    await page.waitForTimeout(400); // let transitions settle
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage });
    console.log("saved", name);
  };
  const ctx = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await ctx.newPage();
  page.on("console", (m) => m.type() === "error" && console.log("console:", m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));

  await page.goto(`${BASE}/login`);
  await page.getByTestId("login-form").waitFor();
  await shot(page, "login");
  await page.getByTestId("login-username").fill("admin");
  await page.getByTestId("login-password").fill("wrong-password");
  await page.getByTestId("login-submit").click();
  await page.getByTestId("login-error").waitFor();
  await shot(page, "login-error");

  for (const [username, role] of ROLES) {
    await ctx.clearCookies();
    await loginThroughUi(page, BASE, username, PASSWORD);
    await page.getByTestId(`landing-${role}`).waitFor({ timeout: 15000 });
    await page.waitForLoadState("networkidle");
    await shot(page, `landing-${role}`);
  }

  // Error pages: an agency opening an admin page; a period that does not exist.
  await ctx.clearCookies();
  await loginThroughUi(page, BASE, "editor.stc", PASSWORD);
  await page.getByTestId("landing-agency_editor").waitFor();
  await page.goto(`${BASE}/units`);
  await page.getByText("Bạn không có quyền truy cập trang này").waitFor();
  await shot(page, "forbidden");
  await page.goto(`${BASE}/periods/00000000-0000-4000-8000-000000000000/timeline`);
  await page.getByText("Không tìm thấy kỳ đánh giá").waitFor();
  await shot(page, "period-not-found");

  // The admin's pages.
  await ctx.clearCookies();
  await loginThroughUi(page, BASE, "admin", PASSWORD);
  await page.getByTestId("landing-admin").waitFor();
  await page.getByTestId("nav-timeline").click();
  await page.getByTestId("timeline-page").waitFor();
  await shot(page, "timeline-2023");
  await page.getByTestId("period-select").click();
  await page
    .getByRole("option")
    .filter({ hasText: /tập huấn/i })
    .click();
  await page.getByTestId("timeline-page").waitFor();
  await page.waitForLoadState("networkidle");
  await shot(page, "timeline-training", true);
  await page.getByTestId("edit-self_assessment").click();
  await page.getByTestId("milestone-start-date").fill("31/02/2026");
  await page.getByTestId("milestone-save").click();
  await shot(page, "timeline-edit-dialog");
  await page.keyboard.press("Escape");
  await page.getByTestId("nav-dossiers").click();
  await page.getByTestId("dossier-table").waitFor();
  await shot(page, "dossiers-training");
  await page.getByTestId("nav-units").click();
  await page.getByTestId("units-table").waitFor();
  await shot(page, "units");
  await page.getByTestId("unit-create").click();
  await page.getByTestId("unit-save").click();
  await shot(page, "units-dialog");
  await page.keyboard.press("Escape");
  await page.getByTestId("nav-accounts").click();
  await page.getByTestId("accounts-table").waitFor();
  await shot(page, "accounts");
  await page.getByTestId("account-create").click();
  await page.getByTestId("account-save").click();
  await shot(page, "accounts-dialog");
  await page.keyboard.press("Escape");
  await page.getByTestId("nav-indexSets").click();
  await page.getByTestId("index-sets-table").waitFor();
  await shot(page, "index-sets");
  await page.getByTestId("index-set-row").first().click();
  await page.getByTestId("index-tree").waitFor();
  await shot(page, "index-set-tree");
  await page.getByTestId("index-total").scrollIntoViewIfNeeded();
  await shot(page, "index-set-total");
  await page.getByTestId("nav-indexSets").click();
  await page.getByTestId("import-open").click();
  const bad = path.join(OUT, "bad-index-set.xlsx");
  badWorkbook(bad);
  await page.getByTestId("import-file").setInputFiles(bad);
  await page.getByTestId("import-code").fill("bcs-thu");
  await page.getByTestId("import-name").fill("Bộ chỉ số thử nghiệm");
  await page.getByTestId("import-submit").click();
  await page.getByTestId("import-errors").waitFor();
  await shot(page, "import-errors");
  await page.keyboard.press("Escape");

  // English, once, to catch untranslated strings.
  await page.getByTestId("user-menu").click();
  await shot(page, "user-menu");
  await page.getByRole("button", { name: "English" }).click();
  await page.keyboard.press("Escape");
  await page.getByTestId("nav-dossiers").click();
  await page.getByTestId("dossier-table").waitFor();
  await shot(page, "dossiers-en");
  await page.getByTestId("nav-timeline").click();
  await page.getByTestId("timeline-page").waitFor();
  await shot(page, "timeline-en");
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
