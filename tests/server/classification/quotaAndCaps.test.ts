/**
 * Classification beyond bands (docs/periods-and-classification.md), through the API on PGlite and PostgreSQL: the
 * nine district committees of the training period get scores whose indices are written out below by hand; a 40 %
 * quota on "Xuất sắc" (3 seats of 9) with a tie straddling its cut, the council's decision on that tie, and the
 * chair's band cap, each checked unit by unit against figures worked out by hand — ranks never move.
 */
import { and, eq, inArray } from "drizzle-orm";
import * as XLSX from "xlsx";
import { ZClassificationState, ZRankingRow, type TRankingRow } from "@ca/shared";
import * as t from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";
import { binary, docxText } from "../../support/results";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
let app: TestApp;
let admin: Agent;
let chair: Agent;
let periodId: string;
const unitId = new Map<string, string>();

// Points off the 100 of each unit (so its index is 100 − this), spread so that no area falls below 75 %.
const DEDUCTION: Record<string, number> = {
  "tp-tuyhoa": 3, // 97
  "tx-songcau": 5, // 95
  "tx-donghoa": 7, // 93 ┐ tied: same leaves, same points
  "h-tuyan": 7, //    93 ┘
  "h-phuhoa": 9, // 91
  "h-tayhoa": 12, // 88
  "h-sonhoa": 14, // 86
  "h-songhinh": 16, // 84
  "h-dongxuan": 18, // 82
};

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  chair = await app.login("chair");
  const db = app.ctx.database.db;
  const [period] = await db.select().from(t.periods).where(eq(t.periods.kind, "training"));
  periodId = period.id;
  const rows = await db
    .select({ id: t.dossiers.id, unitId: t.units.id, code: t.units.code })
    .from(t.dossiers)
    .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
    .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.units.unitTypeId))
    .where(and(eq(t.dossiers.periodId, periodId), eq(t.unitTypes.code, "district_committee")));
  expect(rows.map((r) => r.code).sort()).toEqual(Object.keys(DEDUCTION).sort());
  const [link] = await db
    .select()
    .from(t.periodIndexSets)
    .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.periodIndexSets.unitTypeId))
    .where(and(eq(t.periodIndexSets.periodId, periodId), eq(t.unitTypes.code, "district_committee")));
  const items = await db
    .select()
    .from(t.indexItems)
    .where(eq(t.indexItems.indexSetId, link.period_index_sets.indexSetId));
  const leaves = items.filter((i) => i.kind === "criterion" || i.kind === "sub");
  const leafCodes = new Set(items.filter((i) => i.parentId).map((i) => i.parentId));
  const scorable = leaves.filter((l) => !leafCodes.has(l.id));
  // The set is written on 100 points; each unit starts from full marks.
  expect(scorable.reduce((s, l) => s + l.maxPoints, 0)).toBe(10000);
  const dossierIds = rows.map((r) => r.id);
  await db.delete(t.scores).where(inArray(t.scores.dossierId, dossierIds));
  await db.delete(t.notApplicable).where(inArray(t.notApplicable.dossierId, dossierIds));
  for (const r of rows) {
    unitId.set(r.code, r.unitId);
    let left = DEDUCTION[r.code] * 100;
    const values = scorable.map((l) => {
      const off =
        l.method === "survey" ? 0 : Math.min(left, Math.floor((l.maxPoints * 0.25) / l.step) * l.step);
      left -= off;
      return {
        dossierId: r.id,
        itemId: l.id,
        stage: l.method === "survey" ? ("survey" as const) : ("self" as const),
        score: l.maxPoints - off,
      };
    });
    expect(left).toBe(0);
    await db.insert(t.scores).values(values);
  }
  // Submitted: a draft is never ranked, whatever it holds (docs/domain.md §3).
  await db.update(t.dossiers).set({ status: "self_submitted" }).where(inArray(t.dossiers.id, dossierIds));
  await app.ctx.effects.dispatch([{ type: "rankingChanged", periodId: periodId }]);
});
afterAll(() => app.close());

const ranking = async () => {
  const res = await admin.get(`/api/periods/${periodId}/ranking?unitType=district_committee`);
  expect(res.status).toBe(200);
  return res.body.data.map((r: unknown) => ZRankingRow.parse(r)) as TRankingRow[];
};
/** code → [rank, index, band, basis] */
const summary = (rows: TRankingRow[]) =>
  Object.fromEntries(rows.map((r) => [r.unit.code, [r.rank, r.index, r.classification, r.why?.basis]]));
const RANKS: Record<string, [number, number]> = {
  "tp-tuyhoa": [1, 97],
  "tx-songcau": [2, 95],
  "tx-donghoa": [3, 93],
  "h-tuyan": [3, 93],
  "h-phuhoa": [5, 91],
  "h-tayhoa": [6, 88],
  "h-sonhoa": [7, 86],
  "h-songhinh": [8, 84],
  "h-dongxuan": [9, 82],
};
const expected = (bands: Record<string, [string, string]>) =>
  Object.fromEntries(
    Object.entries(RANKS).map(([code, [rank, index]]) => [code, [rank, index, ...bands[code]]]),
  );
const BY_INDEX: Record<string, [string, string]> = {
  "tp-tuyhoa": ["xuat_sac", "index"],
  "tx-songcau": ["xuat_sac", "index"],
  "tx-donghoa": ["xuat_sac", "index"],
  "h-tuyan": ["xuat_sac", "index"],
  "h-phuhoa": ["xuat_sac", "index"],
  "h-tayhoa": ["tot", "index"],
  "h-sonhoa": ["tot", "index"],
  "h-songhinh": ["tot", "index"],
  "h-dongxuan": ["tot", "index"],
};

describe("band quota, tie at the cut, council cap", () => {
  it("without a quota, every band follows the index", async () => {
    expect(summary(await ranking())).toEqual(expected(BY_INDEX));
  });

  it("only the admin sets quotas; a bad band or unit type is refused by name, in Vietnamese", async () => {
    const body = {
      quotas: [{ band: "xuat_sac", unitType: "district_committee", maxPercent: 40 }],
      reason: "KH 2026",
    };
    expect((await chair.put(`/api/periods/${periodId}/classification`).send(body)).status).toBe(403);
    const bad = await admin
      .put(`/api/periods/${periodId}/classification`)
      .send({ ...body, quotas: [{ band: "sieu_sao", maxUnits: 1 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('Mức xếp loại \\"sieu_sao\\" không có');
    const type = await admin
      .put(`/api/periods/${periodId}/classification`)
      .send({ ...body, quotas: [{ band: "xuat_sac", unitType: "xa", maxUnits: 1 }] });
    expect(type.status).toBe(400);
  });

  it("40 % of 9 is 3 seats: the tie at 93 straddles the cut, so both wait below and the council is asked", async () => {
    const res = await admin.put(`/api/periods/${periodId}/classification`).send({
      quotas: [{ band: "xuat_sac", unitType: "district_committee", maxPercent: 40 }],
      reason: "Kế hoạch: Xuất sắc không quá 40%",
    });
    expect(res.status).toBe(200);
    const state = ZClassificationState.parse(res.body.data);
    expect(state.quotas).toEqual([
      { band: "xuat_sac", unitType: "district_committee", maxPercent: 40, maxUnits: null },
    ]);
    expect(state.cuts).toEqual([
      {
        band: "xuat_sac",
        unitType: "district_committee",
        seats: 3,
        seatsForTie: 1,
        units: expect.arrayContaining([
          expect.objectContaining({ code: "tx-donghoa" }),
          expect.objectContaining({ code: "h-tuyan" }),
        ]),
        decided: false,
        decision: null,
      },
    ]);
    const rows = await ranking();
    expect(summary(rows)).toEqual(
      expected({
        ...BY_INDEX,
        "tx-donghoa": ["tot", "quota"],
        "h-tuyan": ["tot", "quota"],
        "h-phuhoa": ["tot", "quota"],
      }),
    );
    const why = (code: string) => rows.find((r) => r.unit.code === code)!.why;
    expect(why("tx-donghoa")).toEqual({
      basis: "quota",
      bandByIndex: "xuat_sac",
      override: null,
      quota: { from: "xuat_sac", seats: 3, tieAtCut: true },
    });
    expect(why("h-phuhoa")!.quota).toEqual({ from: "xuat_sac", seats: 3, tieAtCut: false });
    expect(why("tp-tuyhoa")).toEqual({
      basis: "index",
      bandByIndex: "xuat_sac",
      override: null,
      quota: null,
    });
  });

  it("the chair decides the tie: exactly one of the two, never a unit outside it; admin and members cannot", async () => {
    const decide = (agent: Agent, codes: string[]) =>
      agent.post(`/api/periods/${periodId}/classification/ties`).send({
        unitType: "district_committee",
        band: "xuat_sac",
        unitIds: codes.map((c) => unitId.get(c)!),
        reason: "Hội đồng biểu quyết tại phiên họp",
        documentNumber: "12/BB-HĐTĐ",
      });
    expect((await decide(admin, ["h-tuyan"])).status).toBe(403);
    expect((await decide(await app.login("member.finance"), ["h-tuyan"])).status).toBe(403);
    const two = await decide(chair, ["h-tuyan", "tx-donghoa"]);
    expect(two.status).toBe(400);
    expect(two.body.error.details[0].message).toContain("Cần chọn đúng 1 trong số 2 đơn vị đồng hạng");
    expect((await decide(chair, ["h-phuhoa"])).status).toBe(400);
    const ok = await decide(chair, ["h-tuyan"]);
    expect(ok.status).toBe(201);
    expect(ZClassificationState.parse(ok.body.data).cuts[0]).toMatchObject({
      decided: true,
      decision: { unitIds: [unitId.get("h-tuyan")], documentNumber: "12/BB-HĐTĐ" },
    });
    const rows = await ranking();
    expect(summary(rows)).toEqual(
      expected({ ...BY_INDEX, "tx-donghoa": ["tot", "quota"], "h-phuhoa": ["tot", "quota"] }),
    );
    expect(rows.find((r) => r.unit.code === "tx-donghoa")!.why!.quota!.tieAtCut).toBe(false);
  });

  it("the chair caps Sông Cầu at Tốt: footnoted with reason and number; the seat it frees goes down the ranking", async () => {
    const cap = await chair.post(`/api/periods/${periodId}/classification/caps`).send({
      unitId: unitId.get("tx-songcau"),
      maxBand: "tot",
      reason: "Người đứng đầu bị kỷ luật khiển trách trong năm",
      documentNumber: "45/QĐ-UBND",
    });
    expect(cap.status).toBe(201);
    expect(cap.body.data).toMatchObject({
      maxBand: "tot",
      documentNumber: "45/QĐ-UBND",
      unit: { code: "tx-songcau" },
    });
    const rows = await ranking();
    // Xuất sắc by index now: 97, 93, 93, 91 — 3 seats: cut at rank 5 (91), the two at 93 both clear it.
    expect(summary(rows)).toEqual(
      expected({ ...BY_INDEX, "tx-songcau": ["tot", "override"], "h-phuhoa": ["tot", "quota"] }),
    );
    expect(rows.find((r) => r.unit.code === "tx-songcau")!.why).toEqual({
      basis: "override",
      bandByIndex: "xuat_sac",
      override: {
        source: "council",
        reason: "Người đứng đầu bị kỷ luật khiển trách trong năm",
        reasonEn: "Council decision: Người đứng đầu bị kỷ luật khiển trách trong năm",
        documentNumber: "45/QĐ-UBND",
      },
      quota: null,
    });
    const state = ZClassificationState.parse(
      (await admin.get(`/api/periods/${periodId}/classification`)).body.data,
    );
    expect(state.cuts).toEqual([]);
    expect(state.caps.map((c) => [c.unit.code, c.maxBand, c.documentNumber])).toEqual([
      ["tx-songcau", "tot", "45/QĐ-UBND"],
    ]);
  });

  it("the dashboard and the exports say why: the report footnotes the cap and the quota", async () => {
    const dash = (await admin.get(`/api/periods/${periodId}/dashboard`)).body.data;
    const songcau = dash.units.find((u: { unit: { code: string } }) => u.unit.code === "tx-songcau");
    expect(songcau.why.override.documentNumber).toBe("45/QĐ-UBND");
    const xlsx = await admin.get(`/api/periods/${periodId}/exports/ranking.xlsx`).buffer(true).parse(binary);
    const sheet = XLSX.read(xlsx.body as Buffer).Sheets["UBND cấp huyện"];
    const cells = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 }).map((r) => r.join("|"));
    expect(cells.find((r) => r.includes("Thị xã Sông Cầu"))).toContain(
      "Hội đồng quyết định (45/QĐ-UBND): Người đứng đầu bị kỷ luật khiển trách trong năm",
    );
    expect(cells.find((r) => r.includes("Huyện Phú Hòa"))).toContain(
      'Vượt hạn mức "Xuất sắc" (tối đa 3 đơn vị)',
    );
    const report = await admin.get(`/api/periods/${periodId}/exports/report.docx`).buffer(true).parse(binary);
    const text = await docxText(report.body as Buffer);
    expect(text).toMatch(
      /Tốt \((\d)\).*\(\1\) Hội đồng quyết định \(45\/QĐ-UBND\): Người đứng đầu bị kỷ luật/s,
    );
  });

  it("every decision is in the audit log, and a withdrawn cap gives the band back", async () => {
    const db = app.ctx.database.db;
    const actions = (await db.select({ action: t.auditLog.action }).from(t.auditLog)).map((r) => r.action);
    for (const a of [
      "period.classification.configure",
      "classification.tie.decide",
      "classification.cap.record",
    ])
      expect(actions).toContain(a);
    const { caps } = ZClassificationState.parse(
      (await chair.get(`/api/periods/${periodId}/classification`)).body.data,
    );
    const gone = await chair
      .delete(`/api/periods/${periodId}/classification/caps/${caps[0].id}`)
      .send({ reason: "Quyết định kỷ luật bị hủy" });
    expect(gone.status).toBe(204);
    expect(summary(await ranking())["tx-songcau"]).toEqual([2, 95, "xuat_sac", "index"]);
  });
});
