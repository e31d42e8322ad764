import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { milestones, periods } from "../db/schema";
import { notFound } from "../http/errors";

/** What a period configures (docs/domain.md §3); stored as jsonb on the period. */
export interface PeriodRules {
  classificationBands: { code: string; label: string; labelEn: string; minIndex: number }[];
  classificationOverrides: { kind: string; band: string; areaIndexBelow: number }[];
  /** At most N % (Bp) or N units of a unit type (its code; every type when absent) in a band, in rank order. */
  classificationQuotas?: { band: string; unitType?: string; maxPercent?: number; maxUnits?: number }[];
  tieBreak: ("appraisedPoints" | "surveyPoints" | "fewerPenalty")[];
  responsibility: { deputyAreaWeight: number; unitWeight: number; headCappedByUnit: boolean };
  survey: { minResponses: number; weights: Record<string, number> };
}

/** All periods, newest first, each with its milestones. */
export async function listPeriods(db: DbOrTx) {
  const rows = await db
    .select()
    .from(periods)
    .orderBy(desc(periods.year), asc(periods.kind), asc(periods.code));
  const ms = rows.length
    ? await db
        .select()
        .from(milestones)
        .where(
          inArray(
            milestones.periodId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((p) => ({ period: p, milestones: ms.filter((m) => m.periodId === p.id) }));
}

/**
 * One period, or 404: one statement. Most routes read a period only to refuse a missing one and to authorize, and
 * a refused or malformed request should cost no more (docs/performance.md, "What a refused request reads").
 */
export async function loadPeriod(db: DbOrTx, id: string) {
  const [period] = await db.select().from(periods).where(eq(periods.id, id)).limit(1);
  if (!period) throw notFound();
  return { period };
}

/** One period with its milestones in their order, or 404. */
export async function loadPeriodWithMilestones(db: DbOrTx, id: string) {
  const { period } = await loadPeriod(db, id);
  const ms = await db
    .select()
    .from(milestones)
    .where(eq(milestones.periodId, id))
    .orderBy(asc(milestones.sortOrder));
  return { period, milestones: ms };
}
