/**
 * Ranking rows (docs/api.md): one shape everywhere — the unit nested, rank, total, index, classification, why and the
 * standing; units not yet appraised are listed unranked (no rank, no class, in no band's count) after the ranked
 * ones; why says index or override, with the override's reason.
 */
import { eq } from "drizzle-orm";
import { ZDashboard, ZRankingRow, type TRankingRow } from "@ca/shared";
import * as t from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";
import { selfAssessAll, signedReport, trainingDossier } from "../../support/workflow";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let admin: Agent;
let periodId: string;
// The demo agencies' dossiers of the training period start as empty drafts (docs/api.md, sample data).
const DRAFTS = ["snv", "stc", "tp-tuyhoa"];

beforeAll(async () => {
  app = await startTestApp();
  ({
    admin,
    period: { id: periodId },
  } = await trainingDossier(app, "snv"));
  // Every other unit of the training period gets its 2023 scores: appraised, so ranked.
  const db = app.ctx.database.db;
  const [from] = await db.select().from(t.periods).where(eq(t.periods.code, "2023"));
  const dossiersOf = (id: string) =>
    db
      .select({ id: t.dossiers.id, unit: t.units.code })
      .from(t.dossiers)
      .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
      .where(eq(t.dossiers.periodId, id));
  const [source, target] = [await dossiersOf(from.id), await dossiersOf(periodId)];
  for (const d of target.filter((x) => !DRAFTS.includes(x.unit))) {
    // The training sample's own scores (its dossiers at every stage) give way to the copied ones.
    await db.delete(t.scores).where(eq(t.scores.dossierId, d.id));
    const rows = await db
      .select()
      .from(t.scores)
      .where(eq(t.scores.dossierId, source.find((s) => s.unit === d.unit)!.id));
    await db
      .insert(t.scores)
      .values(rows.map((s) => ({ dossierId: d.id, itemId: s.itemId, stage: s.stage, score: s.score })));
  }
});
afterAll(() => app.close());

const ranking = async (agent: Agent = admin) => {
  const res = await agent.get(`/api/periods/${periodId}/ranking`);
  expect(res.status).toBe(200);
  return res.body.data.map((r: unknown) => ZRankingRow.parse(r)) as TRankingRow[];
};

describe("units not yet appraised", () => {
  it("are listed unranked after the ranked units of their type: no rank, no figures, no class, no why", async () => {
    const rows = await ranking();
    for (const code of DRAFTS)
      expect(rows.find((r) => r.unit.code === code)).toMatchObject({
        standing: "unranked",
        rank: null,
        total: null,
        index: null,
        classification: null,
        why: null,
      });
    for (const type of new Set(rows.map((r) => r.unit.unitType))) {
      const ofType = rows.filter((r) => r.unit.unitType === type);
      const ranked = ofType.filter((r) => r.standing === "ranked");
      // Ranked first, then the unranked; they take no rank, so the ranks run 1…n over the ranked units only.
      expect(ofType.slice(0, ranked.length)).toEqual(ranked);
      expect(ranked[0].rank).toBe(1);
      expect(Math.max(...ranked.map((r) => r.rank!))).toBeLessThanOrEqual(ranked.length);
      expect(ranked.every((r) => r.classification !== null && r.why !== null)).toBe(true);
    }
  });

  it("count in no band on the dashboard either", async () => {
    const dash = ZDashboard.parse((await admin.get(`/api/periods/${periodId}/dashboard`)).body.data);
    const drafts = dash.units.filter((u) => DRAFTS.includes(u.unit.code));
    expect(drafts.map((u) => [u.standing, u.rank, u.classification])).toEqual(
      DRAFTS.map(() => ["unranked", null, null]),
    );
  });

  it("counts nothing while a draft: a unit's scores are its claim once its head submits them", async () => {
    // A half-filled draft ranked on what it holds so far would be "Yếu" on every dashboard (index of two areas
    // out of all); it stays unranked until it is submitted, then is ranked on its self-assessment.
    const editor = await app.login("editor.snv");
    const head = await app.login("head.snv");
    const { dossierId } = await trainingDossier(app, "snv");
    const detail = (await editor.get(`/api/dossiers/${dossierId}`)).body.data;
    const leaf = detail.leaves.find(
      (l: { method: string; kind: string }) => l.method === "self" && l.kind === "points",
    );
    const saved = await editor
      .put(`/api/dossiers/${dossierId}/items/${leaf.code}/self`)
      .send({ score: leaf.maxPoints, note: "" });
    expect(saved.status).toBe(200);
    expect((await ranking()).find((r) => r.unit.code === "snv")).toMatchObject({
      standing: "unranked",
      status: "draft",
      rank: null,
      total: null,
      classification: null,
    });
    const dash = ZDashboard.parse((await admin.get(`/api/periods/${periodId}/dashboard`)).body.data);
    expect(dash.units.find((u) => u.unit.code === "snv")).toMatchObject({
      standing: "unranked",
      classification: null,
    });
    const responsibility = await editor.get(`/api/dossiers/${dossierId}/responsibility`);
    expect(responsibility.status).toBe(200);
    expect(responsibility.body.data).toMatchObject({ unitIndex: null, unitClassification: null });

    await selfAssessAll(editor, dossierId);
    expect((await signedReport(head, `/api/dossiers/${dossierId}/submit`)).status).toBe(200);
    const snv = (await ranking()).find((r) => r.unit.code === "snv")!;
    expect(snv).toMatchObject({ standing: "ranked", status: "self_submitted", rank: expect.any(Number) });
    expect(snv.total).toBeGreaterThan(0);
  });

  it("stays hidden, not unranked, from a member recused on it, and out of its ranked place (S3)", async () => {
    const rows = await ranking(await app.login("member.home"));
    const snv = rows.find((r) => r.unit.code === "snv")!;
    expect(snv).toMatchObject({ standing: "hidden", rank: null, total: null, why: null });
    const ofType = rows.filter((r) => r.unit.unitType === snv.unit.unitType);
    expect(ofType.indexOf(snv)).toBeGreaterThanOrEqual(ofType.filter((r) => r.rank !== null).length);
  });
});

describe("why a unit has its band", () => {
  it("is the index, or the override rule that capped it, with its reason in Vietnamese and English", async () => {
    const db = app.ctx.database.db;
    const [period] = await db.select().from(t.periods).where(eq(t.periods.id, periodId));
    // Any area below 100 % caps the band at Khá: every unit whose index reaches Tốt or better is overridden.
    await db
      .update(t.periods)
      .set({
        rules: {
          ...(period.rules as object),
          classificationOverrides: [{ kind: "maxBandIfAreaBelow", band: "kha", areaIndexBelow: 10000 }],
        },
      })
      .where(eq(t.periods.id, periodId));
    await app.ctx.effects.dispatch([{ type: "rankingChanged", periodId: periodId }]);
    const ranked = (await ranking()).filter((r) => r.standing === "ranked");
    const capped = ranked.filter((r) => r.why!.bandByIndex === "xuat_sac" || r.why!.bandByIndex === "tot");
    expect(capped.length).toBeGreaterThan(0);
    for (const r of capped)
      expect({ classification: r.classification, why: r.why }).toEqual({
        classification: "kha",
        why: {
          basis: "override",
          bandByIndex: r.why!.bandByIndex,
          override: {
            source: "rule",
            reason: 'Có lĩnh vực đạt dưới 100%: không xếp loại cao hơn "Khá".',
            reasonEn: 'An area is below 100%: no band above "Fair".',
            documentNumber: null,
          },
          // No quota in this period: nothing moved the band but the rule.
          quota: null,
        },
      });
    for (const r of ranked.filter((x) => !capped.includes(x)))
      expect(r.why).toEqual({ basis: "index", bandByIndex: r.classification, override: null, quota: null });
  });
});
