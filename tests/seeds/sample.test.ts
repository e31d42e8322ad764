import { and, eq, inArray, ne } from "drizzle-orm";
import { centiToNumber } from "@ca/shared";
import * as t from "@ca/server/src/db/schema";
import { SAMPLE_INDEX_SETS, PROVINCIAL_AGENCIES, DISTRICT_COMMITTEES, DEMO_ACCOUNTS } from "@ca/seeds";
import { answerOfRecord, checkIndexTree, definitionOfLeaf, derivePoints, kindOfCode } from "@ca/shared";
import { startTestApp, type TestApp } from "../support/testApp";

describe("sample index sets", () => {
  it.each(Object.entries(SAMPLE_INDEX_SETS))(
    "%s totals exactly 100 and passes every structure rule",
    (_type, set) => {
      const areas = set.items.filter((i) => kindOfCode(i.code) === "area");
      expect(centiToNumber(areas.reduce((s, i) => s + i.max, 0))).toBe(100);
      expect(checkIndexTree(set.items.map((i, row) => ({ row, code: i.code, max: i.max })))).toEqual([]);
      // 25 survey points, never self-scored.
      const survey = set.items.filter((i) => i.method === "survey" && kindOfCode(i.code) === "area");
      expect(survey.map((i) => i.max)).toEqual([2500]);
    },
  );
  it("has 21 provincial agencies and 9 district committees", () => {
    expect(PROVINCIAL_AGENCIES).toHaveLength(21);
    expect(DISTRICT_COMMITTEES).toHaveLength(9);
  });
});

describe("loaded sample", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it("lets every demo account sign in", async () => {
    for (const a of DEMO_ACCOUNTS) {
      const agent = await app.login(a.username);
      expect((await agent.get("/api/me")).body.data.roles).toEqual(a.roles);
    }
  });

  it("serves both index sets as trees totalling 100, with heads and deputies on every unit", async () => {
    const admin = await app.login("admin");
    const sets = (await admin.get("/api/index-sets")).body.data;
    expect(sets.map((s: { totalPoints: number }) => s.totalPoints)).toEqual([100, 100]);
    const tree = (await admin.get(`/api/index-sets/${sets[0].id}`)).body.data;
    expect(tree.areas.length).toBeGreaterThanOrEqual(7);
    expect(tree.extras.map((e: { code: string }) => e.code)).toEqual(["B", "P"]);
    const units = (await admin.get("/api/units")).body.data;
    expect(units).toHaveLength(30);
    for (const u of units) {
      expect(u.leaders.filter((l: { position: string }) => l.position === "head")).toHaveLength(1);
      expect(
        u.leaders.filter((l: { position: string }) => l.position === "deputy").length,
      ).toBeGreaterThanOrEqual(1);
    }
  });

  describe("the 2023 sample with its survey", () => {
    let period: { id: string; code: string };
    beforeAll(async () => {
      const admin = await app.login("admin");
      period = (await admin.get("/api/periods")).body.data.find((p: { code: string }) => p.code === "2023");
    });

    it("has its survey locked, with points on every survey leaf of every dossier and a couple of units flagged", async () => {
      const admin = await app.login("admin");
      const results = (await admin.get(`/api/periods/${period.id}/survey-results`)).body.data;
      expect(results.locked).not.toBeNull();
      expect(results.questionnaires).toHaveLength(4);
      const flagged = new Set<string>();
      for (const q of results.questionnaires) {
        // The links that were used are the link submissions; a few answered on paper, a few not at all.
        expect(q.answeredByLink + q.paperForms).toBeLessThan(q.respondents);
        expect(q.paperForms).toBeGreaterThan(0);
        for (const u of q.units) {
          expect(u.responses).toBeGreaterThanOrEqual(results.minResponses);
          if (u.flagged) flagged.add(u.unitName);
        }
      }
      expect(flagged.size).toBeGreaterThanOrEqual(1);
      expect(flagged.size).toBeLessThanOrEqual(3);

      const { db } = app.ctx.database;
      const dossiers = await db.select().from(t.dossiers).where(eq(t.dossiers.periodId, period.id));
      expect(dossiers).toHaveLength(30);
      const surveyScores = await db
        .select({ dossierId: t.scores.dossierId, method: t.indexItems.method, score: t.scores.score })
        .from(t.scores)
        .innerJoin(t.indexItems, eq(t.indexItems.id, t.scores.itemId))
        .where(
          and(
            eq(t.scores.stage, "survey"),
            inArray(
              t.scores.dossierId,
              dossiers.map((d) => d.id),
            ),
          ),
        );
      for (const d of dossiers) {
        const own = surveyScores.filter((s) => s.dossierId === d.id);
        // Five leaves rated by the delegates, five by non-state respondents.
        expect(own).toHaveLength(10);
        expect(own.every((s) => s.method === "survey")).toBe(true);
        expect(own.reduce((sum, s) => sum + s.score, 0)).toBeGreaterThan(0);
      }
    });

    it("scores its rule leaves by kind: every stage records the level or figures, and the points their rule gives", async () => {
      const { db } = app.ctx.database;
      const rows = await db
        .select({ score: t.scores, item: t.indexItems })
        .from(t.scores)
        .innerJoin(t.indexItems, eq(t.indexItems.id, t.scores.itemId))
        .innerJoin(t.dossiers, eq(t.dossiers.id, t.scores.dossierId))
        .where(and(eq(t.dossiers.periodId, period.id), ne(t.indexItems.scoringKind, "points")));
      // 1.1.1 (yes/no) and 1.1.2 (a rate in bands) of 21 agencies; P.1 (days late) of all 30 units.
      expect(new Set(rows.map((r) => `${r.item.code}:${r.item.scoringKind}`))).toEqual(
        new Set(["1.1.1:yesno", "1.1.2:quantity", "P.1:quantity"]),
      );
      for (const { score, item } of rows) {
        expect(score.level !== null || score.figures !== null).toBe(true);
        const derived = derivePoints(definitionOfLeaf(item), answerOfRecord(score));
        expect([item.code, score.stage, derived]).toEqual([
          item.code,
          score.stage,
          { ok: true, points: score.score },
        ]);
      }
      // 1.1.2 reports its rate as figures (tasks done of the plan's tasks), never as bare points.
      const rates = rows.filter(
        (r) => r.item.code === "1.1.2" && r.score.figures && "numerator" in r.score.figures,
      );
      expect(rates.length).toBeGreaterThan(0);
    });

    it("publishes the live ranking: survey points included, some units in the top bands", async () => {
      const admin = await app.login("admin");
      const published = (await app.anonymous().get(`/api/public/periods/${period.id}/results`)).body.data;
      const agreements = await app.ctx.database.db
        .select({ unitType: t.unitTypes.code, ranking: t.councilAgreements.ranking })
        .from(t.councilAgreements)
        .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.councilAgreements.unitTypeId))
        .where(eq(t.councilAgreements.periodId, period.id));
      expect(published.unitTypes).toHaveLength(2);
      const top = published.unitTypes.flatMap((type: { rows: { classification: string }[] }) =>
        type.rows.filter((r) => r.classification === "xuat_sac" || r.classification === "tot"),
      );
      expect(top.length).toBeGreaterThanOrEqual(1);
      for (const type of published.unitTypes as {
        code: string;
        rows: {
          unit: { code: string };
          rank: number;
          total: number;
          index: number;
          classification: string;
        }[];
      }[]) {
        const live = (await admin.get(`/api/periods/${period.id}/ranking?unitType=${type.code}`)).body
          .data as {
          unit: { code: string };
          rank: number;
          total: number;
          index: number;
          classification: string;
          provisional: boolean;
        }[];
        const pick = (r: { rank: number; total: number; index: number; classification: string }) => ({
          rank: r.rank,
          total: r.total,
          index: r.index,
          classification: r.classification,
        });
        // One ranking order everywhere: the live, published and agreed lists are equal row by row.
        const byLive = live.map((r) => ({ unitCode: r.unit.code, ...pick(r) }));
        const byPublished = type.rows.map((r) => ({ unitCode: r.unit.code, ...pick(r) }));
        expect(byPublished).toEqual(byLive);
        expect(live.every((r) => !r.provisional)).toBe(true);
        // The council's frozen agreement is the same ranking.
        const frozen = agreements.find((a) => a.unitType === type.code)!.ranking as (Parameters<
          typeof pick
        >[0] & { unit: { code: string } })[];
        expect(frozen.map((r) => ({ unitCode: r.unit.code, ...pick(r) }))).toEqual(byLive);
      }
    });
  });
});
