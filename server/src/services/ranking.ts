import {
  centiToNumber,
  classify,
  computeUnitTotals,
  isRecused,
  rankByUnitType,
  type Actor,
  type ClassificationBand,
  type ClassificationOverride,
  type TieBreak,
  type TRankingRow,
  type UnitTotals,
} from "@ca/shared";
import type { Db } from "../db/client";
import { loadPeriodScoring } from "../queries/periodScoring";
import type { PeriodRules } from "../queries/periods";
import { unitInputOf, visibleStages } from "./dossierScoring";

const FINAL = new Set(["agreed", "published"]);

/**
 * The period's ranking per unit type (DESIGN §3), from the latest confirmed stage of every dossier. Rows of
 * dossiers the viewer is recused on keep their unit and status but hide total, index, class and rank (S3).
 */
export async function computeRanking(
  db: Db,
  periodId: string,
  rules: PeriodRules,
  viewer: Actor,
  unitTypeCode?: string,
): Promise<TRankingRow[]> {
  const rows = (await loadPeriodScoring(db, periodId)).filter(
    (d) => d.hasIndexSet && (!unitTypeCode || d.row.unitTypeCode === unitTypeCode),
  );
  const totals = new Map<string, UnitTotals>();
  for (const d of rows) totals.set(d.row.unitId, computeUnitTotals(unitInputOfAll(d)));
  const ranked = rankByUnitType([...totals.values()], { tieBreaks: rules.tieBreak as TieBreak[] });
  const rankOf = new Map<string, number>();
  for (const entries of ranked.values()) for (const e of entries) rankOf.set(e.unitId, e.rank);
  const result = rows.map((d): TRankingRow => {
    const t = totals.get(d.row.unitId)!;
    const hidden = isRecused(viewer, d.resource);
    const cls = classify(
      t,
      rules.classificationBands as ClassificationBand[],
      rules.classificationOverrides as ClassificationOverride[],
    );
    return {
      dossierId: d.row.id,
      unit: { id: d.row.unitId, code: d.row.unitCode, name: d.row.unitName, unitType: d.row.unitTypeCode },
      rank: hidden ? null : rankOf.get(d.row.unitId)!,
      total: hidden ? null : centiToNumber(t.total),
      index: hidden || t.index === null ? null : centiToNumber(t.index),
      classification: hidden ? null : cls.band,
      provisional: !FINAL.has(d.status),
      status: d.status,
    };
  });
  return result.sort(
    (a, b) =>
      a.unit.unitType.localeCompare(b.unit.unitType) ||
      (a.rank ?? 1e9) - (b.rank ?? 1e9) ||
      a.unit.name.localeCompare(b.unit.name),
  );
}

function unitInputOfAll(d: Awaited<ReturnType<typeof loadPeriodScoring>>[number]) {
  // Every stage counts in the council's provisional ranking; unconfirmed drafts never do (see unitInputOf).
  return unitInputOf(d.state, visibleStages(d.status, true));
}
