import { asc, eq, inArray } from "drizzle-orm";
import {
  centiToNumber,
  classify,
  computeResponsibility,
  computeUnitTotals,
  DEFAULT_RESPONSIBILITY_RULES,
  rankByUnitType,
  type ClassificationBand,
  type ClassificationOverride,
  type DossierResource,
  type DossierStatus,
  type LeaderResult,
  type ResponsibilityRules,
  type TieBreak,
  type TPublishedResults,
  type UnitTotals,
} from "@ca/shared";
import type { DbOrTx } from "../../db/client";
import * as t from "../../db/schema";
import type { PeriodRules } from "../../queries/periods";
import { councilStages, unitInputOf } from "../dossierScoring";
import { loadScoringInputs, type ScoringInput } from "../../queries/scoringInputs";

/** One unit's final result in a period: totals, rank within its unit type, classification, leaders. */
export interface UnitResult {
  dossierId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  status: DossierStatus;
  resource: DossierResource;
  totals: UnitTotals;
  rank: number;
  band: string | null;
  leaders: LeaderResult[];
  scoring: ScoringInput;
}

export interface UnitTypeResults {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  /** Area code → title, from the unit type's index set. */
  areaTitles: Map<string, string>;
  rows: UnitResult[];
}

export interface PeriodResults {
  period: typeof t.periods.$inferSelect;
  rules: PeriodRules;
  bands: ClassificationBand[];
  responsibility: ResponsibilityRules;
  unitTypes: UnitTypeResults[];
}

/** Head first, then deputies by the first area in their charge (the order the units list them in). */
export function leaderOrder(
  a: { position: string; areaCodes: string[]; fullName: string },
  b: { position: string; areaCodes: string[]; fullName: string },
): number {
  const rank = (l: { position: string }) => (l.position === "head" ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    (a.areaCodes[0] ?? "").localeCompare(b.areaCodes[0] ?? "", "en", { numeric: true }) ||
    a.fullName.localeCompare(b.fullName, "vi")
  );
}

/** The period's responsibility rules, with the defaults of DESIGN §3 for what a period does not set. */
export function responsibilityRulesOf(rules: PeriodRules): ResponsibilityRules {
  return { ...DEFAULT_RESPONSIBILITY_RULES, ...(rules.responsibility ?? {}) };
}

/**
 * Every unit's result in the period, by unit type in rank order. It reads exactly what the ranking API reads
 * (every confirmed stage, the period's tie-breaks, bands and overrides), so the exports, the report and the
 * published results carry the numbers the screens show.
 */
export async function computePeriodResults(db: DbOrTx, periodId: string): Promise<PeriodResults> {
  const [period] = await db.select().from(t.periods).where(eq(t.periods.id, periodId)).limit(1);
  const rules = period.rules as PeriodRules;
  const bands = rules.classificationBands as ClassificationBand[];
  const overrides = rules.classificationOverrides as ClassificationOverride[];
  const responsibility = responsibilityRulesOf(rules);
  const scoring = (await loadScoringInputs(db, periodId)).filter((d) => d.hasIndexSet);
  const unitIds = scoring.map((d) => d.row.unitId);
  const setIds = [...new Set(scoring.map((d) => d.state.indexSet.id))];
  // One query after another: inside a transaction (publication, the sample loader) they share one connection.
  const types = await db
    .select()
    .from(t.unitTypes)
    .orderBy(asc(t.unitTypes.sortOrder), asc(t.unitTypes.code));
  const leaders = unitIds.length
    ? await db.select().from(t.unitLeaders).where(inArray(t.unitLeaders.unitId, unitIds))
    : [];
  const areas = setIds.length
    ? await db
        .select({ setId: t.indexItems.indexSetId, code: t.indexItems.code, title: t.indexItems.title })
        .from(t.indexItems)
        .where(inArray(t.indexItems.indexSetId, setIds))
    : [];
  const totals = new Map<string, UnitTotals>();
  for (const d of scoring)
    totals.set(d.row.unitId, computeUnitTotals(unitInputOf(d.state, councilStages(d.status))));
  const ranked = rankByUnitType([...totals.values()], { tieBreaks: rules.tieBreak as TieBreak[] });
  const rankOf = new Map<string, number>();
  for (const entries of ranked.values()) for (const e of entries) rankOf.set(e.unitId, e.rank);

  const result: UnitTypeResults[] = [];
  for (const type of types) {
    const own = scoring.filter((d) => d.state.unit.unitTypeId === type.id);
    if (!own.length) continue;
    const setId = own[0].state.indexSet.id;
    const areaTitles = new Map(
      areas.filter((a) => a.setId === setId && !a.code.includes(".")).map((a) => [a.code, a.title]),
    );
    const rows = own.map((d): UnitResult => {
      const unitTotals = totals.get(d.row.unitId)!;
      const band = classify(unitTotals, bands, overrides).band;
      const unitLeaders = leaders.filter((l) => l.unitId === d.row.unitId).sort(leaderOrder);
      return {
        dossierId: d.row.id,
        unitId: d.row.unitId,
        unitCode: d.row.unitCode,
        unitName: d.row.unitName,
        status: d.status,
        resource: d.resource,
        totals: unitTotals,
        rank: rankOf.get(d.row.unitId)!,
        band,
        leaders: computeResponsibility(
          { index: unitTotals.index, areas: unitTotals.areas, band },
          unitLeaders,
          responsibility,
          bands,
        ),
        scoring: d,
      };
    });
    rows.sort((a, b) => a.rank - b.rank || a.unitName.localeCompare(b.unitName, "vi"));
    result.push({ id: type.id, code: type.code, name: type.name, nameEn: type.nameEn, areaTitles, rows });
  }
  return { period, rules, bands, responsibility, unitTypes: result };
}

/** The label of a band code in the period's scheme. */
export function bandLabel(
  bands: readonly ClassificationBand[],
  code: string | null,
  locale: "vi" | "en" = "vi",
) {
  const band = bands.find((b) => b.code === code);
  if (!band) return null;
  return (locale === "vi" ? band.label : band.labelEn) ?? band.code;
}

/** The published form of the results: ranking, classification and score card by area; nothing else. */
export function toPublishedResults(r: PeriodResults, frozenAt: Date): TPublishedResults {
  return {
    periodId: r.period.id,
    periodCode: r.period.code,
    periodName: r.period.name,
    year: r.period.year,
    final: true,
    frozenAt: frozenAt.toISOString(),
    unitTypes: r.unitTypes.map((type) => ({
      code: type.code,
      name: type.name,
      nameEn: type.nameEn,
      rows: type.rows.map((row) => ({
        rank: row.rank,
        unitCode: row.unitCode,
        unitName: row.unitName,
        total: centiToNumber(row.totals.total),
        max: centiToNumber(row.totals.applicableMax),
        index: row.totals.index === null ? null : centiToNumber(row.totals.index),
        classification: row.band,
        classificationLabel: bandLabel(r.bands, row.band, "vi"),
        classificationLabelEn: bandLabel(r.bands, row.band, "en"),
        areas: row.totals.areas.map((a) => ({
          code: a.areaCode,
          title: type.areaTitles.get(a.areaCode) ?? a.areaCode,
          achieved: centiToNumber(a.achieved),
          max: centiToNumber(a.applicableMax),
          index: a.index === null ? null : centiToNumber(a.index),
        })),
      })),
    })),
  };
}

/** The frozen ranking of one unit type, in the shape of a council agreement (ZAgreement["ranking"]). */
export function toAgreementRanking(type: UnitTypeResults) {
  return type.rows.map((row) => ({
    dossierId: row.dossierId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    rank: row.rank,
    total: centiToNumber(row.totals.total),
    index: row.totals.index === null ? null : centiToNumber(row.totals.index),
    classification: row.band,
  }));
}
