/**
 * Index-set spreadsheets with scoring kinds (docs/scoring-kinds.md, "In the spreadsheet"): every sample index set —
 * the 2023 sample's two and the 2026 framework's two — exported and imported back gives the very same tree (kinds,
 * levels and rules included); a sheet with bad kind cells is refused row by row and writes nothing.
 */
import ExcelJS from "exceljs";
import { count } from "drizzle-orm";
import { indexItems, indexSets, unitTypes } from "@ca/server/src/db/schema";
import { insertIndexSet } from "@ca/server/src/db/insertIndexTree";
import { FRAMEWORK_2026 } from "@ca/server/src/periodTemplates/framework2026";
import type { TIndexItem, TIndexSet } from "@ca/shared";
import { binary } from "../../../support/results";
import { startTestApp, type TestApp } from "../../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** The tree without the ids the database gave it. */
function tree(set: TIndexSet) {
  const strip = (i: TIndexItem): unknown => {
    const { id: _id, children, ...rest } = i;
    return { ...rest, children: children.map(strip) };
  };
  return {
    totalPoints: set.totalPoints,
    bonusCap: set.bonusCap,
    penaltyCap: set.penaltyCap,
    unitType: set.unitType,
    areas: set.areas.map(strip),
    extras: set.extras.map(strip),
  };
}

it("exports every sample index set and imports it back identically", async () => {
  const db = app.ctx.database.db;
  const types = await db.select().from(unitTypes);
  // The 2026 framework's sample sets, stored as the template gives them (against the sample's unit types).
  for (const [n, type] of FRAMEWORK_2026.unitTypes.entries())
    await insertIndexSet(
      db,
      { code: type.indexSet.code, name: type.indexSet.name, unitTypeId: types[n % types.length].id },
      type.indexSet.items.map((i) => ({ ...i, scoringKind: i.kind, levels: i.levels, quantityRule: i.rule })),
    );
  const admin = await app.login("admin");
  const sets = (await admin.get("/api/index-sets")).body.data as { id: string; code: string }[];
  const samples = sets.filter((s) =>
    ["bcs-tinh", "bcs-huyen", "bcs-2026-tinh", "bcs-2026-xa"].includes(s.code),
  );
  expect(samples).toHaveLength(4);
  const kindsSeen = new Set<string>();
  for (const s of samples) {
    const original = (await admin.get(`/api/index-sets/${s.id}`)).body.data as TIndexSet;
    const exported = await admin.get(`/api/index-sets/${s.id}/export.xlsx`).buffer(true).parse(binary);
    expect(exported.status).toBe(200);
    const file = exported.body as Buffer;
    const imported = await admin
      .post("/api/index-sets/import")
      .field("code", `${s.code}-rt`)
      .field("name", `${original.name} (nhập lại)`)
      .field("unitTypeId", types.find((t) => t.code === original.unitType)!.id)
      .attach("file", file, `${s.code}.xlsx`);
    expect([s.code, imported.status, imported.body.error]).toEqual([s.code, 201, undefined]);
    const again = (await admin.get(`/api/index-sets/${imported.body.data.id}`)).body.data as TIndexSet;
    expect(tree(again)).toEqual(tree(original));
    const walk = (i: TIndexItem): void => (kindsSeen.add(i.scoringKind), i.children.forEach(walk));
    [...original.areas, ...original.extras].forEach(walk);
  }
  expect([...kindsSeen].sort()).toEqual(["levels", "points", "quantity", "yesno"]);
});

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("BoChiSo");
  ws.addRow([
    "Mã",
    "Tên",
    "EN",
    "Hướng dẫn",
    "Tối đa",
    "Bước",
    "PP",
    "MC",
    "Loại",
    "Mức",
    "Số đo",
    "Quy tắc",
  ]);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

it("imports every kind from the template's layout, and refuses bad kind cells row by row, writing nothing", async () => {
  const admin = await app.login("admin");
  const types = (await admin.get("/api/unit-types")).body.data as { id: string }[];
  const good = [
    ["1", "Lĩnh vực", "", "", 100, 0.25, "tự chấm", "Có"],
    ["1.1", "Ban hành đúng hạn", "", "", 1, 0.25, "tự chấm", "Có", "có/không"],
    [
      "1.2",
      "Tỷ lệ hoàn thành",
      "",
      "",
      2,
      0.25,
      "tự chấm",
      "Có",
      "số liệu",
      "",
      "tỷ lệ",
      "≥100: 2; ≥80: 1; còn lại: 0",
    ],
    [
      "1.3",
      "Báo cáo",
      "",
      "",
      2,
      0.25,
      "tự chấm",
      "Có",
      "mức",
      "A | 2 | Đủ | Complete\nB | 1 | Chậm\nC | 0 | Thiếu",
    ],
    [
      "1.4",
      "Giải ngân",
      "",
      "",
      95,
      0.25,
      "tự chấm",
      "Có",
      "số liệu",
      "",
      "tỷ lệ",
      "tỷ lệ thuận: 95; làm tròn: xuống",
    ],
  ];
  const ok = await admin
    .post("/api/index-sets/import")
    .field("code", "bcs-kinds")
    .field("name", "Bộ có loại chấm")
    .field("unitTypeId", types[0].id)
    .attach("file", await workbook(good), "k.xlsx");
  expect([ok.status, ok.body.error]).toEqual([201, undefined]);
  const set = (await admin.get(`/api/index-sets/${ok.body.data.id}`)).body.data as TIndexSet;
  const [yes, rate, rubric, prop] = set.areas[0].children;
  expect(yes).toMatchObject({ scoringKind: "yesno", levels: null, rule: null });
  expect(rate.rule).toEqual({
    type: "bands",
    measure: "rate",
    bands: [
      { atLeast: 100, points: 2 },
      { atLeast: 80, points: 1 },
    ],
    otherwise: 0,
  });
  expect(rubric.levels).toEqual([
    { code: "A", label: "Đủ", labelEn: "Complete", points: 2 },
    { code: "B", label: "Chậm", points: 1 },
    { code: "C", label: "Thiếu", points: 0 },
  ]);
  expect(prop.rule).toEqual({ type: "proportional", measure: "rate", fullAt: 95, rounding: "down" });

  const counts = async () => {
    const db = app.ctx.database.db;
    const [[s], [i]] = await Promise.all([
      db.select({ n: count() }).from(indexSets),
      db.select({ n: count() }).from(indexItems),
    ]);
    return [s.n, i.n];
  };
  const before = await counts();
  const bad = [
    ["1", "Lĩnh vực", "", "", 100, 0.25, "tự chấm", "Có", "mức", "A | 1 | Có"],
    ["1.1", "Loại lạ", "", "", 1, 0.25, "tự chấm", "Có", "bói toán"],
    [
      "1.2",
      "Ngưỡng ngược",
      "",
      "",
      2,
      0.25,
      "tự chấm",
      "Có",
      "số liệu",
      "",
      "tỷ lệ",
      "≥100: 1; ≥80: 2; còn lại: 0",
    ],
    ["1.3", "Mức quá điểm", "", "", 2, 0.25, "tự chấm", "Có", "mức", "A | 3 | Nhiều\nB | 0 | Không"],
    ["1.4", "Thiếu quy tắc", "", "", 95, 0.25, "tự chấm", "Có", "số liệu"],
  ];
  const res = await admin
    .post("/api/index-sets/import")
    .field("code", "bcs-kinds-bad")
    .field("name", "Bộ lỗi loại chấm")
    .field("unitTypeId", types[0].id)
    .attach("file", await workbook(bad), "k.xlsx");
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe("import_failed");
  const rows = res.body.error.details.rows as { row: number; field: string; message: string }[];
  const at = (row: number) => rows.filter((r) => r.row === row).map((r) => r.field);
  expect(at(3)).toContain("kind");
  // The rows with a readable kind are checked once the file parses: fix row 3, and the rest are named.
  const fixed = bad.map((r, i) => (i === 1 ? r.slice(0, 8) : r));
  const res2 = await admin
    .post("/api/index-sets/import")
    .field("code", "bcs-kinds-bad")
    .field("name", "Bộ lỗi loại chấm")
    .field("unitTypeId", types[0].id)
    .attach("file", await workbook(fixed), "k.xlsx");
  expect(res2.status).toBe(422);
  const rows2 = res2.body.error.details.rows as { row: number; field: string; message: string }[];
  const at2 = (row: number) => rows2.filter((r) => r.row === row).map((r) => `${r.field}:${r.message}`);
  expect(at2(2).join()).toMatch(/only leaves/);
  expect(at2(4).join()).toMatch(/rule:a higher threshold may not give fewer points/);
  expect(at2(5).join()).toMatch(/levels:points above the maximum/);
  expect(at2(6).join()).toMatch(/a quantity leaf needs a measure and a rule/);
  expect(await counts()).toEqual(before);
});
