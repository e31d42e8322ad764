import { and, asc, eq, inArray, lt } from "drizzle-orm";
import {
  DOSSIER_STATUSES,
  centiToNumber,
  computeUnitTotals,
  DASHBOARD_UNIT,
  nextDeadline,
  peerClasses,
  redact,
  sees,
  viewerClassOf,
  type Actor,
  type TDashboard,
  type TDashboardUnit,
  type TRankingRow,
} from "@ca/shared";
import type { Db } from "../db/client";
import { indexItems, milestones, periodIndexSets, periods, unitTypes } from "../db/schema";
import { loadPeriodScoring } from "../queries/periodScoring";
import type { PeriodRules } from "../queries/periods";
import { councilStages, unitInputOf } from "./dossierScoring";
import { computeRanking, type ProposalsByDossier } from "../ranking/ranking";

type PeriodRow = typeof periods.$inferSelect;

/**
 * The leadership dashboard's figures for one period (docs/domain.md §1, §4): the ranking as `computeRanking` gives it to
 * this viewer (with the running meetings' valid proposals, like `liveRanking`), plus what the ranking lacks — each unit's self-assessment total (score inflation), its area
 * profile, the period's progress by status, and the previous official period's results. A viewer recused on a
 * dossier gets that unit's figures hidden, exactly like the ranking (S3).
 */
export async function computeDashboard(
  db: Db,
  period: PeriodRow,
  viewer: Actor,
  /** The running meetings' valid proposals, as in the live ranking: the dashboard moves as the council talks. */
  proposals: ProposalsByDossier | undefined,
  now = new Date(),
): Promise<TDashboard> {
  const [scoring, ranking, areaRows, ms, previousPeriod] = await Promise.all([
    loadPeriodScoring(db, period.id),
    computeRanking(db, period.id, period.rules as PeriodRules, viewer, undefined, proposals),
    loadAreas(db, period.id),
    db.select().from(milestones).where(eq(milestones.periodId, period.id)).orderBy(asc(milestones.sortOrder)),
    previousOfficial(db, period),
  ]);
  const previousRanking = previousPeriod
    ? await computeRanking(db, previousPeriod.id, previousPeriod.rules as PeriodRules, viewer)
    : [];
  const previousByUnit = new Map<string, TRankingRow>(previousRanking.map((r) => [r.unit.id, r]));

  // In the ranking's order (the one order of every ranking), each unit as this viewer may see it (DASHBOARD_UNIT).
  const scoringByDossier = new Map(scoring.map((d) => [d.row.id, d]));
  const listed = ranking.flatMap((r) => {
    const d = scoringByDossier.get(r.dossierId);
    return d?.hasIndexSet ? [{ r, d }] : [];
  });
  const classes = new Map(listed.map(({ d }) => [d.row.id, viewerClassOf(viewer, d.resource)]));
  const peer = peerClasses(
    DASHBOARD_UNIT,
    listed.map(({ d }) => ({ group: d.row.unitTypeCode, viewer: classes.get(d.row.id)!, status: d.status })),
    "total",
  );
  const units: TDashboardUnit[] = [];
  for (const { r, d } of listed) {
    const cls = classes.get(d.row.id)!;
    const self = computeUnitTotals(unitInputOf(d.state, new Set(["self"])));
    const appraised = computeUnitTotals(
      unitInputOf(d.state, councilStages(d.status), proposals?.get(d.row.id)),
    );
    const prev = previousByUnit.get(d.row.unitId);
    const unit: TDashboardUnit = {
      ...r,
      hidden: !sees(DASHBOARD_UNIT, "total", cls, d.status),
      selfTotal: centiToNumber(self.total),
      selfIndex: self.index === null ? null : centiToNumber(self.index),
      areas: appraised.areas.map((a) => ({
        code: a.areaCode,
        achieved: centiToNumber(a.achieved),
        max: centiToNumber(a.applicableMax),
        index: a.index === null ? null : centiToNumber(a.index),
      })),
      // Last year's row as this viewer's ranking of last year gives it (published: public).
      previous: prev
        ? { total: prev.total, index: prev.index, rank: prev.rank, classification: prev.classification }
        : null,
    };
    const shown = redact(DASHBOARD_UNIT, unit, cls, d.status, { peer: peer.get(d.row.unitTypeCode) });
    // The schema keeps the area profile as a list: hidden, it is empty.
    units.push({ ...shown, areas: shown.areas ?? [] });
  }

  const counts = new Map<string, number>();
  for (const d of scoring) counts.set(d.status, (counts.get(d.status) ?? 0) + 1);
  // The earliest deadline still ahead (milestones overlap: the survey runs alongside the self-assessment).
  // The period's own (a whole-period view; a unit's extension shows on that unit's screens and rows).
  const next = nextDeadline(ms, now);
  return {
    periodId: period.id,
    at: now.toISOString(),
    units,
    areas: areaRows,
    statusCounts: DOSSIER_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    nextMilestone: next
      ? { key: next.key, label: next.label, labelEn: next.labelEn, deadline: next.deadline.toISOString() }
      : null,
    previousPeriod: previousPeriod
      ? {
          id: previousPeriod.id,
          code: previousPeriod.code,
          name: previousPeriod.name,
          year: previousPeriod.year,
        }
      : null,
  };
}

/** The areas of each unit type's index set in this period, in the index set's order. */
async function loadAreas(db: Db, periodId: string): Promise<TDashboard["areas"]> {
  const links = await db
    .select({ indexSetId: periodIndexSets.indexSetId, unitType: unitTypes.code })
    .from(periodIndexSets)
    .innerJoin(unitTypes, eq(unitTypes.id, periodIndexSets.unitTypeId))
    .where(eq(periodIndexSets.periodId, periodId));
  if (!links.length) return [];
  const rows = await db
    .select()
    .from(indexItems)
    .where(
      and(
        inArray(
          indexItems.indexSetId,
          links.map((l) => l.indexSetId),
        ),
        eq(indexItems.kind, "area"),
      ),
    )
    .orderBy(asc(indexItems.sortOrder));
  return links.flatMap((l) =>
    rows
      .filter((a) => a.indexSetId === l.indexSetId)
      .map((a) => ({
        unitType: l.unitType,
        code: a.code,
        title: a.title,
        titleEn: a.titleEn,
        maxPoints: centiToNumber(a.maxPoints),
      })),
  );
}

/** The latest official period of an earlier year, for the year-over-year comparison. */
async function previousOfficial(db: Db, period: PeriodRow): Promise<PeriodRow | null> {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.kind, "official"), lt(periods.year, period.year)))
    .orderBy(asc(periods.year))
    .then((rows) => rows.slice(-1));
  return row ?? null;
}
