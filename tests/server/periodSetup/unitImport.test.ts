/**
 * Units, their heads and deputies, and accounts from one workbook (POST /api/units/import): a province's 102
 * communes in one go; a workbook with 3 bad rows writes nothing at all and names each row, in Vietnamese.
 */
import ExcelJS from "exceljs";
import { count, eq, like } from "drizzle-orm";
import { ZUnitImportResult } from "@ca/shared";
import * as t from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  // The commune-level type, as a period made from the 2026 template creates it.
  await app.ctx.database.db
    .insert(t.unitTypes)
    .values({
      code: "ubnd_cap_xa",
      name: "UBND cấp xã (xã, phường, đặc khu)",
      nameEn: "Commune-level People's Committees",
      sortOrder: 3,
    })
    .onConflictDoNothing();
});
afterAll(() => app.close());

const N = 102;
const pad = (i: number) => String(i).padStart(3, "0");

/** The workbook of `prefix`'s communes: 1 head and 2 deputies each, an editor and a head account each. */
async function communes(prefix: string, tweak?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet("DonVi");
  const leaders = wb.addWorksheet("LanhDao");
  const accounts = wb.addWorksheet("TaiKhoan");
  units.addRow(["Mã đơn vị", "Tên đơn vị", "Tên ngắn", "Loại đơn vị", "Đơn vị tiền thân"]);
  leaders.addRow(["Mã đơn vị", "Họ và tên", "Vị trí", "Chức vụ", "Lĩnh vực phụ trách"]);
  accounts.addRow(["Tên đăng nhập", "Họ và tên", "Email", "Vai trò", "Mã đơn vị"]);
  for (let i = 1; i <= N; i++) {
    const code = `${prefix}-${pad(i)}`;
    const kind = i % 10 === 0 ? "Phường" : i === N ? "Đặc khu" : "Xã";
    // Every third commune was formed by merging two former ones (since 1 July 2025).
    const before = i % 3 === 0 ? `cu-${pad(i)}a; cu-${pad(i)}b` : "";
    units.addRow([code, `UBND ${kind.toLowerCase()} Số ${i}`, `${kind} Số ${i}`, "ubnd_cap_xa", before]);
    leaders.addRow([code, `Nguyễn Văn Trưởng ${i}`, "Trưởng", "Chủ tịch UBND", ""]);
    leaders.addRow([code, `Trần Thị Phó ${i}`, "Phó", "Phó Chủ tịch UBND", "1;2"]);
    leaders.addRow([code, `Lê Văn Phó ${i}`, "Phó", "Phó Chủ tịch UBND", "3;4;5"]);
    accounts.addRow([`editor.${code}`, `Cán bộ ${i}`, `canbo${i}@example.vn`, "Soạn thảo", code]);
    accounts.addRow([`head.${code}`, `Nguyễn Văn Trưởng ${i}`, "", "Thủ trưởng", code]);
  }
  tweak?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function counts() {
  const db = app.ctx.database.db;
  const [[u], [l], [a], [audit]] = await Promise.all([
    db.select({ n: count() }).from(t.units),
    db.select({ n: count() }).from(t.unitLeaders),
    db.select({ n: count() }).from(t.users),
    db.select({ n: count() }).from(t.auditLog),
  ]);
  return { units: u.n, leaders: l.n, users: a.n, audit: audit.n };
}

const upload = async (agent: Awaited<ReturnType<TestApp["login"]>>, file: Buffer) =>
  agent.post("/api/units/import").attach("file", file, "don-vi.xlsx");

describe("unit import", () => {
  it("is the admin's alone", async () => {
    const res = await upload(await app.login("chair"), await communes("xa"));
    expect(res.status).toBe(403);
  });

  it("a workbook with 3 bad rows writes nothing and names the rows, in Vietnamese", async () => {
    const admin = await app.login("admin");
    const before = await counts();
    const file = await communes("xa", (wb) => {
      // Row 41 of DonVi (unit 40): an unknown unit type; row 12 of LanhDao (a deputy of unit 4): a second head; row 100 of TaiKhoan: a bad e-mail.
      wb.getWorksheet("DonVi")!.getRow(41).getCell(4).value = "ubnd_cap_huyen";
      wb.getWorksheet("LanhDao")!.getRow(12).getCell(3).value = "Trưởng";
      wb.getWorksheet("TaiKhoan")!.getRow(100).getCell(3).value = "khong-phai-email";
    });
    const res = await upload(admin, file);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("import_failed");
    expect(res.body.error.message).toBe("Không nhập được tệp: có lỗi ở các dòng được liệt kê.");
    const rows = res.body.error.details.rows as {
      sheet: string;
      row: number;
      field: string;
      message: string;
    }[];
    expect(rows.map((r) => [r.sheet, r.row, r.field])).toEqual([
      ["DonVi", 41, "unitType"],
      ["LanhDao", 12, "position"],
      ["TaiKhoan", 100, "email"],
    ]);
    expect(rows.map((r) => r.message)).toEqual([
      expect.stringContaining('Loại đơn vị "ubnd_cap_huyen" không tồn tại'),
      'Đơn vị "xa-004" đã có người đứng đầu.',
      'Email "khong-phai-email" không hợp lệ.',
    ]);
    expect(await counts()).toEqual(before);
  });

  it("imports 102 communes with 306 leaders and 204 accounts in one go", async () => {
    const before = await counts();
    const admin = await app.login("admin");
    const started = Date.now();
    const res = await upload(admin, await communes("xa"));
    const ms = Date.now() - started;
    expect(res.status).toBe(201);
    const data = ZUnitImportResult.parse(res.body.data);
    expect([data.units.length, data.leaders, data.accounts.length]).toEqual([102, 306, 204]);
    const after = await counts();
    expect([after.units - before.units, after.leaders - before.leaders, after.users - before.users]).toEqual([
      102, 306, 204,
    ]);
    const db = app.ctx.database.db;
    const [merged] = await db.select().from(t.units).where(eq(t.units.code, "xa-003"));
    expect(merged.predecessorCodes).toEqual(["cu-003a", "cu-003b"]);
    const listed = (await admin.get("/api/units")).body.data.find(
      (u: { code: string }) => u.code === "xa-003",
    );
    expect(listed.predecessorCodes).toEqual(["cu-003a", "cu-003b"]);
    expect(
      listed.leaders.map((l: { position: string; areaCodes: string[] }) => [l.position, l.areaCodes]),
    ).toEqual([
      ["head", []],
      ["deputy", ["1", "2"]],
      ["deputy", ["3", "4", "5"]],
    ]);
    const editors = await db.select().from(t.users).where(like(t.users.username, "editor.xa-%"));
    expect(editors).toHaveLength(102);
    expect(editors.every((u) => u.roles.join() === "agency_editor" && u.unitId !== null)).toBe(true);
    // The first password works once handed out; it is stored only hashed.
    const head = data.accounts.find((a) => a.username === "head.xa-102")!;
    const me = await (await app.login(head.username, head.initialPassword)).get("/api/me");
    expect(me.body.data.unit?.code ?? me.body.data.unitCode ?? me.body.data.unitId).toBeTruthy();
    expect(
      JSON.stringify(await db.select().from(t.auditLog).where(eq(t.auditLog.action, "unit.import"))),
    ).not.toContain(head.initialPassword);
    console.log(`102 communes, 306 leaders, 204 accounts imported in ${ms} ms`);
  });

  it("the same workbook again is refused row by row (codes and usernames exist) and writes nothing", async () => {
    const admin = await app.login("admin");
    const before = await counts();
    const res = await upload(admin, await communes("xa"));
    expect(res.status).toBe(422);
    expect(res.body.error.details.rows[0]).toMatchObject({ sheet: "DonVi", row: 2, field: "code" });
    expect(await counts()).toEqual(before);
  });
});
