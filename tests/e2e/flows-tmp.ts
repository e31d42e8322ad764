import path from "node:path";
import * as XLSX from "xlsx";
import { launchChromium, loginThroughUi } from "./support/browser";
const BASE = "http://127.0.0.1:3100";
const SUF = String(Date.now() % 100000);
const OUT = path.join(__dirname, "artifacts");
(async () => {
  const b = await launchChromium();
  const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
  const p = await ctx.newPage();
  p.on("pageerror", (e) => console.log("pageerror", e.message));
  const api: string[] = [];
  p.on("response", (r) => {
    if (r.url().includes("/api/") && r.request().method() !== "GET")
      api.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
  });
  await loginThroughUi(p, BASE, "admin", "Demo@2023");
  await p.getByTestId("landing-admin").waitFor();
  // milestone edit
  await p.getByTestId("nav-timeline").click();
  await p.getByTestId("edit-round1").click();
  await p.getByTestId("milestone-deadline-date").fill("16/12/2023");
  await p.getByTestId("milestone-deadline-time").fill("23:59");
  await p.getByTestId("milestone-reason").fill("Lùi hạn theo văn bản số 12/SNV");
  await p.getByTestId("milestone-save").click();
  await p.getByText("Đã lưu mốc thời gian.").waitFor();
  console.log("round1 row:", (await p.getByTestId("milestone-round1").innerText()).replace(/\n/g, " | "));
  // start after deadline → client error; bypass client? just check message
  await p.getByTestId("edit-round1").click();
  await p.getByTestId("milestone-start-date").fill("20/12/2023");
  await p.getByTestId("milestone-reason").fill("thử");
  await p.getByTestId("milestone-save").click();
  console.log("start>deadline:", await p.getByText("Ngày bắt đầu phải trước hạn chót.").count());
  await p.keyboard.press("Escape");
  // unit create
  await p.getByTestId("nav-units").click();
  await p.getByTestId("unit-create").click();
  await p.getByTestId("unit-code").fill("snv");
  await p.getByTestId("unit-name").fill("Sở Nội vụ trùng");
  await p.getByTestId("unit-short-name").fill("SNV2");
  await p.getByTestId("unit-save").click();
  await p.waitForTimeout(800);
  await p.screenshot({ path: path.join(OUT, "flow-unit-duplicate.png") });
  await p.getByTestId("unit-code").fill(`xa-${SUF}`);
  await p.getByTestId("unit-name").fill(`UBND xã Hòa Mỹ ${SUF}`);
  await p.getByTestId("unit-save").click();
  await p.getByText(`UBND xã Hòa Mỹ ${SUF}`).waitFor();
  // deactivate it
  const row = p.getByTestId("unit-row").filter({ hasText: `UBND xã Hòa Mỹ ${SUF}` });
  await row.getByRole("button", { name: "Ngừng hoạt động" }).click();
  await p.getByTestId("confirm").click();
  await row.getByText("Ngừng hoạt động").first().waitFor();
  // account create
  await p.getByTestId("nav-accounts").click();
  await p.getByTestId("account-create").click();
  await p.getByTestId("account-username").fill(`editor.hm${SUF}`);
  await p.getByLabel("Họ và tên").fill("Nguyễn Văn Thử");
  await p.getByLabel("Mật khẩu ban đầu").fill("Abc12345");
  await p.getByTestId("account-roles").click();
  await p.getByRole("option", { name: /Cán bộ nhập liệu/ }).click();
  await p.keyboard.press("Escape");
  await p.getByTestId("account-save").click();
  await p.waitForTimeout(500);
  await p.screenshot({ path: path.join(OUT, "flow-account-needs-unit.png") });
  await p.getByLabel("Đơn vị").click();
  await p.getByRole("option", { name: "Sở Tư pháp" }).click();
  await p.getByTestId("account-save").click();
  await p.getByText("Đã tạo tài khoản.").waitFor();
  const arow = p.getByTestId("account-row").filter({ hasText: `editor.hm${SUF}` });
  await arow.getByRole("button", { name: "Khóa tài khoản" }).click();
  await p.getByTestId("confirm").click();
  await arow.getByText("Đã khóa").waitFor();
  await arow.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
  await p.getByRole("textbox", { name: "Mật khẩu mới", exact: true }).fill("Moi12345");
  await p.getByRole("textbox", { name: "Nhập lại mật khẩu mới" }).fill("Moi12345");
  await p.getByRole("button", { name: "Đặt lại", exact: true }).click();
  await p.getByText(`Đã đặt lại mật khẩu cho editor.hm${SUF}.`).waitFor();
  await p.screenshot({ path: path.join(OUT, "flow-accounts-after.png") });
  // valid import
  const rows: (string | number)[][] = [["Mã", "Tên", "Tên EN", "HD", "Max", "Bước", "PP", "MC"]];
  for (let a = 1; a <= 4; a++) {
    rows.push([String(a), `Lĩnh vực ${a}`, `Area ${a}`, "", 25, 0.25, "tự chấm", "Có"]);
    rows.push([`${a}.1`, `Tiêu chí ${a}.1`, "", "", 20, 0.25, a === 2 ? "XHH" : "tự chấm", "Có"]);
    rows.push([`${a}.2`, `Tiêu chí ${a}.2`, "", "", 5, 0.5, "hội đồng", "Không"]);
  }
  rows.push(
    ["B", "Điểm thưởng", "", "", 2, 0.25, "hội đồng", "Không"],
    ["B.1", "Sáng kiến", "", "", 2, 0.25, "hội đồng", "Không"],
  );
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "BoChiSo");
  const f = path.join(OUT, "good.xlsx");
  XLSX.writeFile(wb, f);
  await p.getByTestId("nav-indexSets").click();
  await p.getByTestId("import-open").click();
  await p.getByTestId("import-file").setInputFiles(f);
  await p.getByTestId("import-code").fill("bcs-xa");
  await p.getByTestId("import-name").fill("Bộ chỉ số cấp xã (thử)");
  await p.getByTestId("import-submit").click();
  await p.getByTestId("index-tree").waitFor({ timeout: 10000 });
  console.log("total:", await p.getByTestId("index-total-value").innerText());
  await p.screenshot({ path: path.join(OUT, "flow-import-ok.png") });
  console.log(api.join("\n"));
  await b.close();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
