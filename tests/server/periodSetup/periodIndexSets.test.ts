/**
 * Which index set a period applies to each unit type (docs/periods-and-classification.md, docs/api.md):
 * GET and PUT /api/periods/:id/index-sets[/:unitTypeCode]. The admin changes it before anyone scores; it is
 * refused (and nothing changes, nothing is audited) once a dossier of that type has a score, on a published or
 * archived period, for an unknown set or unit type, for a set made for another unit type, and for anyone else.
 * Runs on PGlite and on PostgreSQL.
 */
import ExcelJS from "exceljs";
import { and, count, eq } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;
type Link = { unitType: string; indexSetId: string; scored: boolean };
const PROVINCE = "co_quan_chuyen_mon_tinh";
const COMMUNE = "ubnd_cap_xa";
const NOWHERE = "00000000-0000-4000-8000-000000000042";

let app: TestApp;
let admin: Agent;
let periodId: string;
const types = new Map<string, string>();

/** A small valid index set imported for one unit type; its id. */
async function importSet(code: string, unitType: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("BoChiSo");
  ws.addRow(["Mã", "Tên", "Tên tiếng Anh", "Hướng dẫn", "Điểm tối đa", "Bước", "Phương pháp", "Minh chứng"]);
  ws.addRow(["1", "Chỉ đạo, điều hành", "Direction", "", 100, 0.25, "tự chấm", "Không"]);
  ws.addRow(["1.1", "Ban hành kế hoạch", "Plan", "", 100, 0.25, "tự chấm", "Không"]);
  const res = await admin
    .post("/api/index-sets/import")
    .field("code", code)
    .field("name", `Bộ ${code}`)
    .field("unitTypeId", types.get(unitType)!)
    .attach("file", Buffer.from(await wb.xlsx.writeBuffer()), "bo-chi-so.xlsx");
  expect([res.status, res.body.error]).toEqual([201, undefined]);
  return res.body.data.id;
}

const links = async (id = periodId) => {
  const res = await admin.get(`/api/periods/${id}/index-sets`);
  expect(res.status).toBe(200);
  return res.body.data as Link[];
};
const setOf = async (unitType: string, id = periodId) =>
  (await links(id)).find((l) => l.unitType === unitType)?.indexSetId;
const audits = async () =>
  (
    await app.ctx.database.db
      .select({ n: count() })
      .from(t.auditLog)
      .where(eq(t.auditLog.action, "period.indexSet.assign"))
  )[0].n;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login("admin");
  const made = await admin
    .post("/api/periods")
    .send({ name: "Kỳ thử bộ chỉ số", year: 2031, code: "bcs-2031", templateKey: "framework-2026" });
  expect(made.status).toBe(201);
  periodId = made.body.data.id;
  for (const u of (await admin.get("/api/unit-types")).body.data as { id: string; code: string }[])
    types.set(u.code, u.id);
}, 120_000);
afterAll(() => app.close());

describe("PUT /api/periods/:id/index-sets/:unitTypeCode", () => {
  it("sets the period's index set for one unit type, audited with the old and the new set", async () => {
    const before = await links();
    // In the unit types' own order: the template's two, nothing scored yet.
    expect(before.map((l) => [l.unitType, l.scored])).toEqual([
      [PROVINCE, false],
      [COMMUNE, false],
    ]);
    const oldSet = await setOf(PROVINCE);
    const commune = await setOf(COMMUNE);
    const setId = await importSet("bcs-tinh", PROVINCE);
    const res = await admin
      .put(`/api/periods/${periodId}/index-sets/${PROVINCE}`)
      .send({ indexSetId: setId, reason: "Bộ chỉ số sửa đổi năm 2031" });
    expect([res.status, res.body.error]).toEqual([200, undefined]);
    expect(await setOf(PROVINCE)).toBe(setId);
    expect(await setOf(COMMUNE)).toBe(commune);
    const [row] = await app.ctx.database.db
      .select()
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.action, "period.indexSet.assign"),
          eq(t.auditLog.entityId, `${periodId}:${PROVINCE}`),
        ),
      );
    expect([row.oldValue, row.newValue, row.reason]).toEqual([
      { indexSetId: oldSet },
      { indexSetId: setId },
      "Bộ chỉ số sửa đổi năm 2031",
    ]);
  });

  it("refuses anyone but the admin (403) and changes nothing", async () => {
    const setId = await importSet("bcs-tinh-2", PROVINCE);
    const current = await setOf(PROVINCE);
    const n = await audits();
    for (const who of ["chair", "leader", "member.home", "editor.snv", "head.snv", "wg"]) {
      const res = await (
        await app.login(who)
      )
        .put(`/api/periods/${periodId}/index-sets/${PROVINCE}`)
        .send({ indexSetId: setId });
      expect({ who, status: res.status, code: res.body.error?.code }).toEqual({
        who,
        status: 403,
        code: "forbidden",
      });
    }
    expect(
      (await app.anonymous().put(`/api/periods/${periodId}/index-sets/${PROVINCE}`).send({})).status,
    ).toBe(401);
    expect(await setOf(PROVINCE)).toBe(current);
    expect(await audits()).toBe(n);
  });

  it("answers 404 for an unknown index set, unit type or period, 400 for another type's set, in both languages", async () => {
    const current = await setOf(PROVINCE);
    const n = await audits();
    const put = (path: string, body: object, lang = "vi") =>
      admin.put(path).set("Accept-Language", lang).send(body);
    const unknownSet = await put(`/api/periods/${periodId}/index-sets/${PROVINCE}`, { indexSetId: NOWHERE });
    expect([unknownSet.status, unknownSet.body.error.code]).toEqual([404, "not_found"]);
    expect(unknownSet.body.error.message).toBe("Không tìm thấy bộ chỉ số này.");
    const unknownSetEn = await put(
      `/api/periods/${periodId}/index-sets/${PROVINCE}`,
      { indexSetId: NOWHERE },
      "en",
    );
    expect(unknownSetEn.body.error.message).toBe("There is no such index set.");
    const unknownType = await put(`/api/periods/${periodId}/index-sets/khong_co`, { indexSetId: current });
    expect([unknownType.status, unknownType.body.error.message]).toEqual([
      404,
      'Không có loại đơn vị "khong_co".',
    ]);
    const unknownPeriod = await put(`/api/periods/${NOWHERE}/index-sets/${PROVINCE}`, {
      indexSetId: current,
    });
    expect(unknownPeriod.status).toBe(404);
    const otherType = await put(`/api/periods/${periodId}/index-sets/${COMMUNE}`, { indexSetId: current });
    expect([otherType.status, otherType.body.error.code]).toEqual([400, "validation_failed"]);
    expect(otherType.body.error.details[0].path).toBe("indexSetId");
    const malformed = await put(`/api/periods/${periodId}/index-sets/${PROVINCE}`, {
      indexSetId: "x",
      extra: 1,
    });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, "validation_failed"]);
    expect(await setOf(PROVINCE)).toBe(current);
    expect(await audits()).toBe(n);
  });

  it("refuses once a dossier of that unit type has a score (409), and changes nothing", async () => {
    const training = ((await admin.get("/api/periods")).body.data as { id: string; kind: string }[]).find(
      (p) => p.kind === "training",
    )!.id;
    const snv = (
      (await admin.get(`/api/periods/${training}/dossiers`)).body.data as {
        id: string;
        unit: { code: string };
      }[]
    ).find((d) => d.unit.code === "snv")!.id;
    const unitType = (await admin.get(`/api/dossiers/${snv}`)).body.data.unit.unitType as string;
    const current = (await setOf(unitType, training))!;
    // A self-assessment score on Sở Nội vụ's dossier (a fixture: the scoring routes are tested elsewhere).
    const db = app.ctx.database.db;
    const [item] = await db.select().from(t.indexItems).where(eq(t.indexItems.indexSetId, current)).limit(1);
    await db
      .insert(t.scores)
      .values({ dossierId: snv, itemId: item.id, stage: "self", score: 100 })
      .onConflictDoNothing();
    expect((await links(training)).find((l) => l.unitType === unitType)!.scored).toBe(true);
    const setId = await importSet("bcs-da-cham", unitType);
    const n = await audits();
    for (const lang of ["vi", "en"]) {
      const res = await admin
        .put(`/api/periods/${training}/index-sets/${unitType}`)
        .set("Accept-Language", lang)
        .send({ indexSetId: setId });
      expect([res.status, res.body.error.code, res.body.error.details.reason]).toEqual([
        409,
        "conflict",
        "scores_exist",
      ]);
      expect(res.body.error.message).toMatch(lang === "vi" ? /Đã có điểm chấm/ : /already have scores/);
    }
    expect(await setOf(unitType, training)).toBe(current);
    expect(await audits()).toBe(n);
  });

  it("refuses on a period whose results are published, and on an archived period (409)", async () => {
    const periods = (await admin.get("/api/periods")).body.data as { id: string; code: string }[];
    const published = periods.find((p) => p.code === "2023")!.id;
    const [link] = await links(published);
    const n = await audits();
    const res = await admin
      .put(`/api/periods/${published}/index-sets/${link.unitType}`)
      .send({ indexSetId: link.indexSetId });
    expect([res.status, res.body.error.details.reason]).toEqual([409, "results_published"]);

    await app.ctx.database.db.update(t.periods).set({ status: "archived" }).where(eq(t.periods.id, periodId));
    const archived = await admin
      .put(`/api/periods/${periodId}/index-sets/${PROVINCE}`)
      .send({ indexSetId: (await setOf(PROVINCE))! });
    expect([archived.status, archived.body.error.details.reason]).toEqual([409, "period_archived"]);
    expect(await audits()).toBe(n);
  });
});
