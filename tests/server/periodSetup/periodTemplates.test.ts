/**
 * Period templates and new periods (GET /api/period-templates, POST /api/periods): the 2026 framework makes a
 * period with its two unit types, index sets written with all four kinds, four levels with the top one capped at
 * 20 % and a timeline before 15/12; 102 communes imported join it; next year's period carries it over with the
 * mapping sheet of merged communes, and a bad mapping writes nothing and names its lines.
 */
import ExcelJS from "exceljs";
import { and, count, eq, inArray } from "drizzle-orm";
import { ZClassificationState, ZPeriod, ZPeriodTemplate, type TPeriod } from "@ca/shared";
import * as t from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
let app: TestApp;
let admin: Agent;
let period2026: TPeriod;
beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
});
afterAll(() => app.close());

const dossierCount = async (periodId: string) =>
  (
    await app.ctx.database.db.select({ n: count() }).from(t.dossiers).where(eq(t.dossiers.periodId, periodId))
  )[0].n;

describe("period templates", () => {
  it("lists the 2026 framework and the 2023 plan, for the admin only", async () => {
    expect((await (await app.login("chair")).get("/api/period-templates")).status).toBe(403);
    const res = await admin.get("/api/period-templates");
    expect(res.status).toBe(200);
    const templates = res.body.data.map((x: unknown) => ZPeriodTemplate.parse(x));
    expect(templates.map((x: { key: string }) => x.key)).toEqual(["framework-2026", "plan-2023"]);
    const f = templates[0];
    expect(f.unitTypes.map((u: { code: string }) => u.code)).toEqual([
      "co_quan_chuyen_mon_tinh",
      "ubnd_cap_xa",
    ]);
    for (const u of f.unitTypes) expect(u.indexSet.kinds).toEqual(["points", "levels", "yesno", "quantity"]);
    expect(f.bands.map((b: { label: string }) => b.label)).toEqual([
      "Hoàn thành xuất sắc nhiệm vụ",
      "Hoàn thành tốt nhiệm vụ",
      "Hoàn thành nhiệm vụ",
      "Không hoàn thành nhiệm vụ",
    ]);
    expect(f.quotas).toEqual([{ band: "hoan_thanh_xuat_sac", maxPercent: 20, maxUnits: null }]);
  });

  it("an unknown template is refused by name; a period is made from the 2026 framework", async () => {
    const bad = await admin
      .post("/api/periods")
      .send({ name: "Kỳ 2026", year: 2026, templateKey: "khung-2030" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('Không có mẫu kỳ \\"khung-2030\\"');
    const res = await admin
      .post("/api/periods")
      .send({ name: "Đánh giá, xếp loại năm 2026", year: 2026, templateKey: "framework-2026" });
    expect(res.status).toBe(201);
    period2026 = ZPeriod.parse(res.body.data);
    expect(period2026.code).toBe("2026");
    // Every deadline before 15 December 2026, Vietnam time.
    const limit = Date.parse("2026-12-15T00:00:00+07:00");
    expect(period2026.milestones.every((m) => Date.parse(m.deadline) < limit)).toBe(true);
    expect(period2026.milestones.find((m) => m.key === "publication")!.deadline).toBe(
      "2026-12-14T16:59:59.000Z",
    );
    const state = ZClassificationState.parse(
      (await admin.get(`/api/periods/${period2026.id}/classification`)).body.data,
    );
    expect(state.quotas).toEqual([
      { band: "hoan_thanh_xuat_sac", unitType: null, maxPercent: 20, maxUnits: null },
    ]);
    const db = app.ctx.database.db;
    const links = await db
      .select()
      .from(t.periodIndexSets)
      .where(eq(t.periodIndexSets.periodId, period2026.id));
    expect(links).toHaveLength(2);
    const kinds = await db
      .select({ kind: t.indexItems.scoringKind, n: count() })
      .from(t.indexItems)
      .where(
        inArray(
          t.indexItems.indexSetId,
          links.map((l) => l.indexSetId),
        ),
      )
      .groupBy(t.indexItems.scoringKind);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["levels", "points", "quantity", "yesno"]);
    // No units of the new types yet: no dossiers until they are imported.
    expect(await dossierCount(period2026.id)).toBe(0);
  });

  it("102 communes imported join the period with a draft dossier each", async () => {
    const wb = new ExcelJS.Workbook();
    const units = wb.addWorksheet("DonVi");
    units.addRow(["Mã", "Tên", "Tên ngắn", "Loại", "Tiền thân"]);
    for (let i = 1; i <= 102; i++)
      units.addRow([`xa-${String(i).padStart(3, "0")}`, `UBND xã Số ${i}`, `Xã Số ${i}`, "ubnd_cap_xa", ""]);
    const res = await admin
      .post("/api/units/import")
      .attach("file", Buffer.from(await wb.xlsx.writeBuffer()), "xa.xlsx");
    expect(res.status).toBe(201);
    expect(await dossierCount(period2026.id)).toBe(102);
  });

  it("next year from this one: a bad mapping names its lines and writes nothing", async () => {
    const db = app.ctx.database.db;
    const [{ n: before }] = await db.select({ n: count() }).from(t.periods);
    const res = await admin.post("/api/periods").send({
      name: "Năm 2027",
      year: 2027,
      fromPeriodId: period2026.id,
      unitMapping: [
        { from: "xa-001", to: "xa-002" },
        { from: "xa-999", to: "xa-002" },
        { from: "xa-004", to: "xa-004" },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.rows.map((r: { row: number; message: string }) => r.message)).toEqual([
      'Dòng 2: không có đơn vị mã "xa-999".',
      "Dòng 3: đơn vị không thể sáp nhập vào chính nó.",
    ]);
    const [{ n: after }] = await db.select({ n: count() }).from(t.periods);
    expect(after).toBe(before);
    const [one] = await db.select().from(t.units).where(eq(t.units.code, "xa-001"));
    expect(one.active).toBe(true);
  });

  it("merged communes list their predecessors and get no dossier of their own", async () => {
    const res = await admin.post("/api/periods").send({
      name: "Năm 2027",
      year: 2027,
      fromPeriodId: period2026.id,
      unitMapping: [
        { from: "xa-001", to: "xa-002" },
        { from: "xa-003", to: "xa-002" },
      ],
    });
    expect(res.status).toBe(201);
    const p2027 = ZPeriod.parse(res.body.data);
    expect(p2027.code).toBe("2027");
    expect(p2027.milestones.find((m) => m.key === "publication")!.deadline).toBe("2027-12-14T16:59:59.000Z");
    const db = app.ctx.database.db;
    const [merged] = await db.select().from(t.units).where(eq(t.units.code, "xa-002"));
    expect(merged.predecessorCodes).toEqual(["xa-001", "xa-003"]);
    const gone = await db
      .select()
      .from(t.units)
      .where(inArray(t.units.code, ["xa-001", "xa-003"]));
    expect(gone.map((u) => u.active)).toEqual([false, false]);
    expect(await dossierCount(p2027.id)).toBe(100);
    const [mergedDossier] = await db
      .select()
      .from(t.dossiers)
      .where(and(eq(t.dossiers.periodId, p2027.id), eq(t.dossiers.unitId, merged.id)));
    expect(mergedDossier.status).toBe("draft");
    const classification = ZClassificationState.parse(
      (await admin.get(`/api/periods/${p2027.id}/classification`)).body.data,
    );
    expect(classification.quotas[0].maxPercent).toBe(20);
  });

  it("copies last year's index sets: a new set and tree per unit type, so editing 2027's leaves 2026's alone", async () => {
    const db = app.ctx.database.db;
    const p2027 = (await admin.get("/api/periods")).body.data.find((p: TPeriod) => p.code === "2027");
    const linksOf = async (periodId: string) =>
      db
        .select({ unitTypeId: t.periodIndexSets.unitTypeId, set: t.indexSets })
        .from(t.periodIndexSets)
        .innerJoin(t.indexSets, eq(t.indexSets.id, t.periodIndexSets.indexSetId))
        .where(eq(t.periodIndexSets.periodId, periodId));
    const before = await linksOf(period2026.id);
    const after = await linksOf(p2027.id);
    expect(after).toHaveLength(2);
    const tree = async (indexSetId: string) =>
      (await db.select().from(t.indexItems).where(eq(t.indexItems.indexSetId, indexSetId)))
        .map(({ id: _id, indexSetId: _set, parentId, ...item }) => ({ ...item, hasParent: !!parentId }))
        .sort((a, b) => a.sortOrder - b.sortOrder);
    for (const old of before) {
      const copy = after.find((l) => l.unitTypeId === old.unitTypeId)!.set;
      // A new row, the next version of the same code, the same caps and the same tree (kinds, levels, rules).
      expect(copy.id).not.toBe(old.set.id);
      expect(copy).toMatchObject({
        code: old.set.code,
        name: old.set.name,
        version: old.set.version + 1,
        bonusCap: old.set.bonusCap,
        penaltyCap: old.set.penaltyCap,
      });
      expect(await tree(copy.id)).toEqual(await tree(old.set.id));
    }
    // The copy's parents are its own items, never last year's.
    const copyItems = await db
      .select()
      .from(t.indexItems)
      .where(eq(t.indexItems.indexSetId, after[0].set.id));
    const copyIds = new Set(copyItems.map((i) => i.id));
    expect(copyItems.every((i) => i.parentId === null || copyIds.has(i.parentId))).toBe(true);

    // 2027 edits a leaf of its set: the 2026 dossiers still read last year's title.
    const [xa] = await db.select().from(t.unitTypes).where(eq(t.unitTypes.code, "ubnd_cap_xa"));
    const commune = after.find((l) => l.unitTypeId === xa.id)!;
    const dossierOf = async (periodId: string) => {
      const [d] = await db
        .select({ id: t.dossiers.id })
        .from(t.dossiers)
        .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
        .where(and(eq(t.dossiers.periodId, periodId), eq(t.units.code, "xa-010")));
      return (await admin.get(`/api/dossiers/${d.id}`)).body.data as {
        leaves: { code: string; title: string }[];
      };
    };
    const leaf = (await dossierOf(p2027.id)).leaves[0];
    await db
      .update(t.indexItems)
      .set({ title: "Tiêu chí sửa cho năm 2027" })
      .where(and(eq(t.indexItems.indexSetId, commune.set.id), eq(t.indexItems.code, leaf.code)));
    const titleIn = async (periodId: string) =>
      (await dossierOf(periodId)).leaves.find((l) => l.code === leaf.code)?.title;
    expect(await titleIn(p2027.id)).toBe("Tiêu chí sửa cho năm 2027");
    expect(await titleIn(period2026.id)).toBe(leaf.title);
  });
});
