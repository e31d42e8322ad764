import ExcelJS from "exceljs";
import { count } from "drizzle-orm";
import { indexItems, indexSets } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("BoChiSo");
  ws.addRow(["Mã", "Tên", "EN", "Hướng dẫn", "Tối đa", "Bước", "Phương pháp", "Minh chứng"]);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("units", () => {
  it("lets the admin create, rename and deactivate a unit; others may only read", async () => {
    const admin = await app.login("admin");
    const types = (await admin.get("/api/unit-types")).body.data;
    const created = await admin
      .post("/api/units")
      .send({ code: "xa-an-phu", name: "UBND xã An Phú", shortName: "An Phú", unitTypeId: types[1].id });
    expect(created.status).toBe(201);
    const dup = await admin
      .post("/api/units")
      .send({ code: "xa-an-phu", name: "Khác", shortName: "K", unitTypeId: types[1].id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe("Mã đơn vị đã tồn tại.");
    const renamed = await admin
      .patch(`/api/units/${created.body.data.id}`)
      .send({ name: "UBND phường An Phú", active: false });
    expect(renamed.body.data).toMatchObject({ name: "UBND phường An Phú", active: false });
    const leader = await app.login("leader");
    expect((await leader.get("/api/units")).body.abilities).toEqual({
      read: true,
      create: false,
      update: false,
      import: false,
    });
    expect(
      (
        await leader
          .post("/api/units")
          .send({ code: "x1", name: "X x", shortName: "X", unitTypeId: types[1].id })
      ).status,
    ).toBe(403);
  });
});

describe("accounts", () => {
  it("creates an account that can sign in, resets its password, and refuses agency roles without a unit", async () => {
    const admin = await app.login("admin");
    const units = (await admin.get("/api/units")).body.data;
    const stp = units.find((u: { code: string }) => u.code === "stp");
    const res = await admin.post("/api/users").send({
      username: "editor.stp",
      fullName: "Chuyên viên STP",
      password: "Secret123",
      roles: ["agency_editor"],
      unitId: stp.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).not.toHaveProperty("passwordHash");
    expect(res.body.data.unitName).toBe("Sở Tư pháp");
    const user = await app.login("editor.stp", "Secret123");
    expect((await user.get("/api/me")).body.data.unit.code).toBe("stp");
    expect(
      (await admin.post(`/api/users/${res.body.data.id}/reset-password`).send({ password: "NewSecret9" }))
        .status,
    ).toBe(204);
    expect((await user.get("/api/me")).status).toBe(401);
    await app.login("editor.stp", "NewSecret9");
    const noUnit = await admin.post("/api/users").send({
      username: "editor.x",
      fullName: "X y",
      password: "Secret123",
      roles: ["agency_editor"],
      unitId: null,
    });
    expect(noUnit.status).toBe(400);
    const weak = await admin
      .post("/api/users")
      .send({ username: "weak.pw", fullName: "X y", password: "short", roles: ["leadership"], unitId: null });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe("password");
  });

  it("keeps the admin from disabling themselves", async () => {
    const admin = await app.login("admin");
    const me = (await admin.get("/api/me")).body.data;
    expect((await admin.patch(`/api/users/${me.id}`).send({ disabled: true })).status).toBe(400);
  });
});

describe("index-set import", () => {
  const counts = async () => {
    const db = app.ctx.database.db;
    const [[s], [i]] = await Promise.all([
      db.select({ n: count() }).from(indexSets),
      db.select({ n: count() }).from(indexItems),
    ]);
    return [s.n, i.n];
  };

  it("imports a valid sheet as a new set with its tree", async () => {
    const admin = await app.login("admin");
    const types = (await admin.get("/api/unit-types")).body.data;
    const file = await workbook([
      ["1", "Lĩnh vực một", "", "", 60, 0.5, "tự chấm", "Có"],
      ["1.1", "Tiêu chí", "", "", 60, 0.5, "tự chấm", "Có"],
      ["2", "Điều tra xã hội học", "", "", "40", "0,25", "XHH", "Không"],
      ["B", "Điểm thưởng", "", "", 3, 0.25, "hội đồng", "Có"],
    ]);
    const res = await admin
      .post("/api/index-sets/import")
      .field("code", "bcs-xa")
      .field("name", "Bộ chỉ số cấp xã")
      .field("unitTypeId", types[1].id)
      .attach("file", file, "bcs.xlsx");
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ code: "bcs-xa", version: 1, totalPoints: 100, bonusCap: 3 });
    const tree = (await admin.get(`/api/index-sets/${res.body.data.id}`)).body.data;
    expect(tree.areas[0].children[0]).toMatchObject({ code: "1.1", maxPoints: 60, step: 0.5 });
    expect(tree.areas[1]).toMatchObject({ method: "survey", evidenceRequired: false });
  });

  it("rejects a malformed sheet with a row-by-row list and changes nothing", async () => {
    const admin = await app.login("admin");
    const types = (await admin.get("/api/unit-types")).body.data;
    const before = await counts();
    const file = await workbook([
      ["1", "Lĩnh vực một", "", "", 60, 0.25, "tự chấm", "Có"],
      ["1.1", "Tiêu chí", "", "", 50, 0.25, "tự chấm", "Có"],
      ["1.x", "Mã sai", "", "", 1, 0.25, "tự chấm", "Có"],
      ["2", "Lĩnh vực hai", "", "", "abc", 0.25, "bói toán", "Có"],
      ["3.1", "Mồ côi", "", "", 1.255, 0.25, "tự chấm", "có lẽ"],
    ]);
    const res = await admin
      .post("/api/index-sets/import")
      .field("code", "bcs-loi")
      .field("name", "Bộ lỗi")
      .field("unitTypeId", types[0].id)
      .attach("file", file, "bcs.xlsx");
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("import_failed");
    const rows = res.body.error.details.rows as { row: number; field: string }[];
    expect(rows.map((r) => r.row)).toEqual(expect.arrayContaining([4, 5, 6]));
    expect(rows.find((r) => r.row === 4)?.field).toBe("code");
    expect(rows.filter((r) => r.row === 5).map((r) => r.field)).toEqual(expect.arrayContaining(["method"]));
    expect(await counts()).toEqual(before);

    const structural = await workbook([
      ["1", "Lĩnh vực một", "", "", 60, 0.25, "tự chấm", "Có"],
      ["1.1", "Tiêu chí", "", "", 50, 0.25, "tự chấm", "Có"],
      ["3.1", "Mồ côi", "", "", 1, 0.25, "tự chấm", "Có"],
    ]);
    const res2 = await admin
      .post("/api/index-sets/import")
      .field("code", "bcs-loi")
      .field("name", "Bộ lỗi")
      .field("unitTypeId", types[0].id)
      .attach("file", structural, "bcs.xlsx");
    expect(res2.status).toBe(422);
    const messages = res2.body.error.details.rows.map(
      (r: { row: number; message: string }) => `${r.row}:${r.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        "0:areas add up to 60, not 100",
        "2:max 60 but its items add up to 50",
        "4:parent 3 is missing",
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses a file that is not an xlsx, whatever its name, and non-admins", async () => {
    const admin = await app.login("admin");
    const types = (await admin.get("/api/unit-types")).body.data;
    const res = await admin
      .post("/api/index-sets/import")
      .field("code", "bcs-exe")
      .field("name", "Exe")
      .field("unitTypeId", types[0].id)
      .attach("file", Buffer.from("MZ\x90\x00 not a workbook"), "bcs.xlsx");
    expect(res.status).toBe(415);
    const wg = await app.login("wg");
    expect(
      (await wg.post("/api/index-sets/import").attach("file", Buffer.from("PK\x03\x04"), "a.xlsx")).status,
    ).toBe(403);
  });

  it("offers the template: the items sheet and the instructions (indexSetTemplate.test.ts imports it)", async () => {
    const admin = await app.login("admin");
    const res = await admin
      .get("/api/index-sets/template.xlsx")
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/attachment/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["BoChiSo", "HuongDan"]);
  });
});
