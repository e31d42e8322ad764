/**
 * Ties (docs/domain.md §3: tied units share a rank). The council agrees a ranking with tied units; publication then
 * compares the agreement with the computed results by each unit's rank, total, index and classification — never by
 * the order tied units happen to be listed in — so a tie never blocks publication.
 */
import fc from "fast-check";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import { agreeTrainingPeriod } from "../../support/results";
import { startTestApp, type TestApp } from "../../support/testApp";

type Agent = Awaited<ReturnType<TestApp["login"]>>;

let app: TestApp;
let admin: Agent;
let chair: Agent;
beforeAll(async () => {
  app = await startTestApp();
  [admin, chair] = [await app.login("admin"), await app.login("chair")];
});
afterAll(() => app.close());

/** Gives `to` exactly the scores of `from` (every stage): the two units tie on total and on every tie-break. */
async function copyScores(fromDossierId: string, toDossierId: string) {
  const db = app.ctx.database.db;
  await db.delete(t.scores).where(eq(t.scores.dossierId, toDossierId));
  const rows = await db.select().from(t.scores).where(eq(t.scores.dossierId, fromDossierId));
  await db.insert(t.scores).values(
    rows.map((s) => ({
      dossierId: toDossierId,
      itemId: s.itemId,
      stage: s.stage,
      score: s.score,
      confirmed: s.confirmed,
    })),
  );
}

/** The chair records the council's agreement on every unit type's ranking; then the admin publishes. */
async function agreeAndPublish(periodId: string) {
  for (const unitType of ["provincial_agency", "district_committee"]) {
    const res = await chair
      .post(`/api/periods/${periodId}/agreements`)
      .send({ unitType, minutes: `Biên bản thống nhất ${unitType}` });
    expect({ unitType, status: res.status, body: res.status === 201 ? null : res.body }).toEqual({
      unitType,
      status: 201,
      body: null,
    });
  }
  return admin.post(`/api/periods/${periodId}/publication`).send({ stage: "leadership" });
}

describe("a ranking with tied units", () => {
  it("is agreed by the council and then published (it used to be refused: agreement_differs)", async () => {
    const { period } = await agreeTrainingPeriod(app, { agreements: false });
    const dossiers = (await admin.get(`/api/periods/${period.id}/dossiers`)).body.data as {
      id: string;
      unit: { code: string };
    }[];
    const of = (code: string) => dossiers.find((d) => d.unit.code === code)!.id;
    // Two names that ICU orders differently with and without a Vietnamese collation ("Sơn" / "Sông").
    await copyScores(of("h-sonhoa"), of("h-songhinh"));
    await copyScores(of("sct"), of("sgtvt"));
    await app.ctx.effects.dispatch([{ type: "rankingChanged", periodId: period.id }]);
    const ranking = (await admin.get(`/api/periods/${period.id}/ranking`)).body.data as {
      unit: { code: string };
      rank: number;
    }[];
    const rankOf = (code: string) => ranking.find((r) => r.unit.code === code)!.rank;
    expect(rankOf("h-sonhoa")).toBe(rankOf("h-songhinh"));
    expect(rankOf("sct")).toBe(rankOf("sgtvt"));

    const published = await agreeAndPublish(period.id);
    expect({ status: published.status, body: published.status === 200 ? null : published.body }).toEqual({
      status: 200,
      body: null,
    });
    // Agreeing again stays refused: the agreement is recorded once.
    const again = await chair
      .post(`/api/periods/${period.id}/agreements`)
      .send({ unitType: "district_committee", minutes: "Lần hai" });
    expect(again.status).toBe(409);
  });

  it("random scores with many ties: agreeing and publishing always succeeds (property, a handful of runs)", async () => {
    const db = app.ctx.database.db;
    const periods = (await admin.get("/api/periods")).body.data as { id: string; kind: string }[];
    const training = periods.find((p) => p.kind === "training")!;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        // Each unit picks one of three score profiles: units sharing a profile tie exactly.
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
        async (profileOf, levels) => {
          run += 1;
          const clone = await admin
            .post(`/api/periods/${training.id}/clone`)
            .send({ code: `ties-${run}-${Date.now()}`, name: `Kỳ thử hòa hạng ${run}` });
          expect(clone.status).toBe(201);
          const periodId = clone.body.data.id as string;
          const dossiers = await db.select().from(t.dossiers).where(eq(t.dossiers.periodId, periodId));
          const units = await db
            .select()
            .from(t.units)
            .where(
              inArray(
                t.units.id,
                dossiers.map((d) => d.unitId),
              ),
            );
          const links = await db
            .select()
            .from(t.periodIndexSets)
            .where(eq(t.periodIndexSets.periodId, periodId));
          const all = await db
            .select()
            .from(t.indexItems)
            .where(
              and(
                inArray(
                  t.indexItems.indexSetId,
                  links.map((l) => l.indexSetId),
                ),
                notInArray(t.indexItems.kind, ["bonus", "penalty"]),
              ),
            );
          // The scorable leaves outside the survey: items without children.
          const parents = new Set(all.map((it) => it.parentId));
          const items = all.filter((it) => !parents.has(it.id) && it.method !== "survey");
          const values = dossiers.flatMap((d, i) => {
            const unit = units.find((u) => u.id === d.unitId)!;
            const setId = links.find((l) => l.unitTypeId === unit.unitTypeId)!.indexSetId;
            // A profile's share of each leaf's maximum, on the leaf's step: 0 %, 25 %, 50 %, 75 % or 100 %.
            const share = levels[profileOf[i % profileOf.length]];
            return items
              .filter((it) => it.indexSetId === setId)
              .map((it) => ({
                dossierId: d.id,
                itemId: it.id,
                stage: "agreed" as const,
                score: Math.floor((it.maxPoints * share) / 4 / it.step) * it.step,
              }));
          });
          if (values.length) await db.insert(t.scores).values(values);
          await db.update(t.dossiers).set({ status: "agreed" }).where(eq(t.dossiers.periodId, periodId));
          const published = await agreeAndPublish(periodId);
          expect({
            status: published.status,
            body: published.status === 200 ? null : published.body,
          }).toEqual({
            status: 200,
            body: null,
          });
          // One order everywhere: the published rows are the agreed rows, in the same order.
          const agreements = (await admin.get(`/api/periods/${periodId}/agreements`)).body.data as {
            unitType: string;
            ranking: { unit: { code: string }; rank: number; total: number }[];
          }[];
          const results = (await admin.get(`/api/periods/${periodId}/results`)).body.data.unitTypes as {
            code: string;
            rows: { unit: { code: string }; rank: number; total: number }[];
          }[];
          const figures = (rows: { unit: { code: string }; rank: number; total: number }[]) =>
            rows.map((r) => [r.unit.code, r.rank, r.total]);
          for (const type of results)
            expect(figures(type.rows)).toEqual(
              figures(agreements.find((a) => a.unitType === type.code)!.ranking),
            );
          // Many ties: some rank is shared (three profiles over 21 agencies).
          const ranks = results[0].rows.map((r) => r.rank);
          expect(new Set(ranks).size).toBeLessThan(ranks.length);
        },
      ),
      { numRuns: 4 },
    );
  });
});
