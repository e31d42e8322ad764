/**
 * GET /api/periods/:id/dashboard (the live leadership dashboard): figures computed by hand from scores written
 * here, consistency with the ranking, the progress counts, the previous official period, and S3 — a recused
 * council member gets the conflicted unit's figures hidden, like the ranking.
 */
import { eq, inArray } from "drizzle-orm";
import { buildDossier, buildPeriod } from "@ca/seeds";
import type { TDashboard, TDashboardUnit, TRankingRow } from "@ca/shared";
import { indexItems, periodIndexSets, periods, scores, units, unitTypes } from "@ca/server/src/db/schema";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
const ids = { period: "", snv: "", stc: "" };
const leaves: { id: string; code: string; maxPoints: number; step: number }[] = [];

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.ctx.database;
  const [sample] = await db.select().from(periods).where(eq(periods.code, "2023"));
  const links = await db.select().from(periodIndexSets).where(eq(periodIndexSets.periodId, sample.id));
  // A fresh official period of a later year, linked to the sample's index sets, with two dossiers of our own.
  const period = await buildPeriod(db, { code: "dash-2031", year: 2031, kind: "official" });
  ids.period = period.id;
  await db.insert(periodIndexSets).values(links.map((l) => ({ ...l, periodId: period.id })));
  const unitRows = await db
    .select()
    .from(units)
    .where(inArray(units.code, ["snv", "stc"]));
  const snvUnit = unitRows.find((u) => u.code === "snv")!;
  ids.snv = (await buildDossier(db, { periodId: period.id, unitId: snvUnit.id, status: "round1_done" })).id;
  ids.stc = (
    await buildDossier(db, {
      periodId: period.id,
      unitId: unitRows.find((u) => u.code === "stc")!.id,
      status: "self_submitted",
    })
  ).id;
  const [type] = await db.select().from(unitTypes).where(eq(unitTypes.id, snvUnit.unitTypeId));
  const link = links.find((l) => l.unitTypeId === type.id)!;
  const items = await db.select().from(indexItems).where(eq(indexItems.indexSetId, link.indexSetId));
  const parents = new Set(items.map((i) => i.parentId));
  // Three leaves of area 1 (criteria or sub-criteria without children).
  leaves.push(
    ...items
      .filter(
        (i) => !parents.has(i.id) && i.code.startsWith("1.") && (i.kind === "criterion" || i.kind === "sub"),
      )
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .slice(0, 3)
      .map((i) => ({ id: i.id, code: i.code, maxPoints: i.maxPoints, step: i.step })),
  );
  expect(leaves).toHaveLength(3);
  const [a, b, c] = leaves;
  await db.insert(scores).values([
    // Sở Nội vụ scored itself the maximum on a and b; round 1 took one step off a; a draft on c never counts.
    { dossierId: ids.snv, itemId: a.id, stage: "self", score: a.maxPoints },
    { dossierId: ids.snv, itemId: b.id, stage: "self", score: b.maxPoints },
    { dossierId: ids.snv, itemId: a.id, stage: "round1", score: a.maxPoints - a.step },
    { dossierId: ids.snv, itemId: b.id, stage: "round1", score: b.maxPoints },
    { dossierId: ids.snv, itemId: c.id, stage: "round1", score: c.maxPoints, confirmed: false },
    { dossierId: ids.stc, itemId: a.id, stage: "self", score: a.maxPoints },
  ]);
});
afterAll(() => app.close());

const dashboardAs = async (who: string) => {
  const res = await (await app.login(who)).get(`/api/periods/${ids.period}/dashboard`);
  expect(res.status).toBe(200);
  return res.body.data as TDashboard;
};
const unitOf = (d: TDashboard, dossierId: string) => d.units.find((u) => u.dossierId === dossierId)!;

describe("the leadership dashboard", () => {
  it("gives self and appraised totals, the area profile and the progress, consistent with the ranking", async () => {
    const d = await dashboardAs("leader");
    const [a, b] = leaves;
    const snv: TDashboardUnit = unitOf(d, ids.snv);
    expect(snv).toMatchObject({
      hidden: false,
      status: "round1_done",
      selfTotal: (a.maxPoints + b.maxPoints) / 100,
      total: (a.maxPoints - a.step + b.maxPoints) / 100,
      provisional: true,
      rank: 1,
    });
    expect(snv.areas.find((x) => x.code === "1")).toMatchObject({
      achieved: (a.maxPoints - a.step + b.maxPoints) / 100,
    });
    const area1 = snv.areas.find((x) => x.code === "1")!;
    expect(area1.max).toBeGreaterThan(0);
    expect(area1.index).toBeCloseTo((area1.achieved / area1.max) * 100, 1);
    expect(unitOf(d, ids.stc)).toMatchObject({ selfTotal: a.maxPoints / 100, total: a.maxPoints / 100 });

    const ranking = (await (await app.login("leader")).get(`/api/periods/${ids.period}/ranking`)).body
      .data as TRankingRow[];
    for (const r of ranking)
      expect(unitOf(d, r.dossierId)).toMatchObject({
        rank: r.rank,
        rankBeforeMeeting: r.rankBeforeMeeting,
        total: r.total,
        classification: r.classification,
      });

    expect(d.statusCounts.reduce((s, c) => s + c.count, 0)).toBe(2);
    expect(d.statusCounts.find((c) => c.status === "round1_done")!.count).toBe(1);
    expect(d.statusCounts.find((c) => c.status === "self_submitted")!.count).toBe(1);
    expect(d.statusCounts.find((c) => c.status === "draft")!.count).toBe(0);
    expect(d.areas.filter((x) => x.unitType === snv.unit.unitType).map((x) => x.code)[0]).toBe("1");

    // The next deadline is the earliest milestone still ahead.
    const period = (await (await app.login("leader")).get(`/api/periods/${ids.period}`)).body.data;
    const ahead = (period.milestones as { key: string; deadline: string }[])
      .filter((m) => Date.parse(m.deadline) > Date.now())
      .sort((x, y) => Date.parse(x.deadline) - Date.parse(y.deadline));
    expect(d.nextMilestone?.key).toBe(ahead[0]?.key);
  });

  it("compares with the previous official period", async () => {
    const d = await dashboardAs("admin");
    expect(d.previousPeriod).not.toBeNull();
    expect(d.previousPeriod!.year).toBeLessThan(2031);
    const before = (await (await app.login("admin")).get(`/api/periods/${d.previousPeriod!.id}/ranking`)).body
      .data as TRankingRow[];
    const snv = unitOf(d, ids.snv);
    const old = before.find((r) => r.unit.id === snv.unit.id)!;
    expect(snv.previous).toEqual({
      total: old.total,
      index: old.index,
      rank: old.rank,
      classification: old.classification,
    });
  });

  it("hides the conflicted unit's figures from a recused member (S3), and only there", async () => {
    const d = await dashboardAs("member.home");
    expect(unitOf(d, ids.snv)).toMatchObject({
      hidden: true,
      status: "round1_done",
      rank: null,
      rankBeforeMeeting: null,
      total: null,
      index: null,
      classification: null,
      selfTotal: null,
      selfIndex: null,
      areas: [],
    });
    // Last year's result is published, public: the rule shows it to every dashboard reader (docs/visibility.md).
    expect(unitOf(d, ids.snv).previous).toEqual(unitOf(await dashboardAs("leader"), ids.snv).previous);
    expect(unitOf(d, ids.snv).previous).toMatchObject({ rank: expect.any(Number) });
    expect(unitOf(d, ids.stc)).toMatchObject({ hidden: false, total: leaves[0].maxPoints / 100 });
    expect(JSON.stringify(unitOf(d, ids.snv))).not.toContain(
      String((leaves[0].maxPoints - leaves[0].step) / 100),
    );
  });

  it("is refused to agencies and to the public", async () => {
    expect((await (await app.login("head.snv")).get(`/api/periods/${ids.period}/dashboard`)).status).toBe(
      403,
    );
    expect((await app.anonymous().get(`/api/periods/${ids.period}/dashboard`)).status).toBe(401);
    expect((await (await app.login("chair")).get(`/api/periods/not-an-id/dashboard`)).status).toBe(404);
  });
});
