import { and, asc, eq, sql } from "drizzle-orm";
import type { TPeriodIndexSet } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import * as t from "../db/schema";

/** The unit types (ids) of a period with at least one score, at any stage, on one of their dossiers. */
export async function scoredUnitTypes(
  db: DbOrTx,
  periodId: string,
  unitTypeId?: string,
): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ unitTypeId: t.units.unitTypeId })
    .from(t.scores)
    .innerJoin(t.dossiers, eq(t.dossiers.id, t.scores.dossierId))
    .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
    .where(
      and(eq(t.dossiers.periodId, periodId), unitTypeId ? eq(t.units.unitTypeId, unitTypeId) : sql`true`),
    );
  return new Set(rows.map((r) => r.unitTypeId));
}

/** Which index set the period applies to each unit type, and whether it can still change (docs/api.md). */
export async function listPeriodIndexSets(db: DbOrTx, periodId: string): Promise<TPeriodIndexSet[]> {
  const [links, scored] = await Promise.all([
    db
      .select({ link: t.periodIndexSets, type: t.unitTypes })
      .from(t.periodIndexSets)
      .innerJoin(t.unitTypes, eq(t.unitTypes.id, t.periodIndexSets.unitTypeId))
      .where(eq(t.periodIndexSets.periodId, periodId))
      .orderBy(asc(t.unitTypes.sortOrder)),
    scoredUnitTypes(db, periodId),
  ]);
  return links.map(({ link, type }) => ({
    unitType: type.code,
    unitTypeName: type.name,
    unitTypeNameEn: type.nameEn,
    indexSetId: link.indexSetId,
    scored: scored.has(type.id),
  }));
}
