/**
 * Migration 0011: council agreements and publications frozen in the old flat row shape ({unitCode, unitName, …})
 * are rewritten in the one ranking-row shape — exactly what the code freezes today, `why` included (index, or the
 * override rule with its reason) — and running it again changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import * as t from "@ca/server/src/db/schema";
import {
  computePeriodResults,
  toAgreementRanking,
  toPublishedResults,
} from "@ca/server/src/services/results/periodResults";
import type { TAgreementRow, TPublishedResults } from "@ca/shared";
import { startTestApp, type TestApp } from "../../support/testApp";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const MIGRATION = path.join(__dirname, "../../../server/drizzle/0011_ranking_rows.sql");

async function migrate() {
  const db = app.ctx.database.db;
  for (const statement of fs.readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint"))
    await db.execute(sql.raw(statement));
}

// The shapes frozen before the migration.
const legacyAgreement = (rows: TAgreementRow[]) =>
  rows.map((r) => ({
    dossierId: r.dossierId,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    rank: r.rank,
    total: r.total,
    index: r.index,
    classification: r.classification,
  }));
const legacyPublication = (r: TPublishedResults) => ({
  ...r,
  unitTypes: r.unitTypes.map((type) => ({
    ...type,
    rows: type.rows.map((row) => ({
      rank: row.rank,
      unitCode: row.unit.code,
      unitName: row.unit.name,
      total: row.total,
      max: row.max,
      index: row.index,
      classification: row.classification,
      classificationLabel: row.classificationLabel,
      classificationLabelEn: row.classificationLabelEn,
      areas: row.areas,
    })),
  })),
});

it("rewrites old flat agreements and publications into the one row shape, why included; idempotent", async () => {
  const db = app.ctx.database.db;
  const [period] = await db.select().from(t.periods).where(eq(t.periods.code, "2023"));
  // A rule that fires for many units (any area below 100 % caps at Khá), so `why` has overrides to derive.
  await db
    .update(t.periods)
    .set({
      rules: {
        ...(period.rules as object),
        classificationOverrides: [
          { kind: "maxBandIfAreaBelow", band: "tot", areaIndexBelow: 7000 },
          { kind: "maxBandIfAreaBelow", band: "kha", areaIndexBelow: 10000 },
        ],
      },
    })
    .where(eq(t.periods.id, period.id));
  const results = await computePeriodResults(db, period.id);
  const [publication] = await db
    .select()
    .from(t.resultPublications)
    .where(eq(t.resultPublications.periodId, period.id));
  const expectedPublication = toPublishedResults(results, new Date(publication.leadershipAt));
  const agreements = await db
    .select()
    .from(t.councilAgreements)
    .where(eq(t.councilAgreements.periodId, period.id));
  const expected = new Map(
    agreements.map((a) => [a.id, toAgreementRanking(results.unitTypes.find((u) => u.id === a.unitTypeId)!)]),
  );
  const overridden = [...expected.values()].flat().filter((r) => r.why?.basis === "override");
  expect(overridden.length).toBeGreaterThan(0);

  for (const a of agreements)
    await db
      .update(t.councilAgreements)
      .set({ ranking: legacyAgreement(expected.get(a.id)!) })
      .where(eq(t.councilAgreements.id, a.id));
  await db
    .update(t.resultPublications)
    .set({ results: legacyPublication(expectedPublication) })
    .where(eq(t.resultPublications.periodId, period.id));

  for (let run = 0; run < 2; run++) {
    await migrate();
    for (const a of agreements) {
      const [row] = await db.select().from(t.councilAgreements).where(eq(t.councilAgreements.id, a.id));
      expect(row.ranking).toEqual(before0013(expected.get(a.id)));
    }
    const [row] = await db
      .select()
      .from(t.resultPublications)
      .where(eq(t.resultPublications.periodId, period.id));
    expect(row.results).toEqual(before0013(expectedPublication));
  }
});

/**
 * Today's rows as migration 0011 writes them: quotas came later (0013), so its `why` has no `quota` key where
 * today's code writes `quota: null` (the schema takes both).
 */
function before0013<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (key !== "why" || typeof v !== "object" || v === null || !("quota" in v)) return v;
      const { quota, ...rest } = v as { quota: unknown };
      return quota === null ? rest : v;
    }),
  ) as T;
}
