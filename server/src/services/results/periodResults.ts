import { asc, eq, inArray } from "drizzle-orm";
import {
  centiToNumber,
  computeResponsibility,
  computeUnitTotals,
  DEFAULT_RESPONSIBILITY_RULES,
  type ClassificationBand,
  type ClassificationWhy,
  type DossierResource,
  type DossierStatus,
  type LeaderResult,
  type ResponsibilityRules,
  type TAgreementRow,
  type TPublishedResults,
  type TUnitRef,
  type UnitTotals,
} from "@ca/shared";
import type { DbOrTx } from "../../db/client";
import * as t from "../../db/schema";
import type { PeriodRules } from "../../queries/periods";
import { councilStages, isAppraised, unitInputOf } from "../dossierScoring";
import { loadClassificationDecisions } from "../../queries/classification";
import { placeInRanking, rankedUnitOf } from "../../ranking/rankingTable";
import { loadScoringInputs, type ScoringInput } from "../../queries/scoringInputs";

/** One unit's final result in a period: totals, rank within its unit type, classification, leaders. */
export interface UnitResult {
  dossierId: string;
  unit: TUnitRef;
  status: DossierStatus;
  resource: DossierResource;
  totals: UnitTotals;
  appraised: boolean;
  /** Null while the unit is not yet appraised (unranked, no band). */
  rank: number | null;
  band: string | null;
  why: ClassificationWhy | null;
  leaders: LeaderResult[];
  scoring: ScoringInput;
}

export interface UnitTypeResults {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  /** Area code → its titles (Vietnamese, English), from the unit type's index set. */
  areaTitles: Map<string, { title: string; titleEn: string }>;
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

/** The period's responsibility rules, with the defaults of docs/domain.md §3 for what a period does not set. */
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
        .select({
          setId: t.indexItems.indexSetId,
          code: t.indexItems.code,
          title: t.indexItems.title,
          titleEn: t.indexItems.titleEn,
        })
        .from(t.indexItems)
        .where(inArray(t.indexItems.indexSetId, setIds))
    : [];
  const decisions = await loadClassificationDecisions(db, periodId);
  // Every confirmed stage, as the ranking API reads it; the one ranking order (ranking/rankingTable.ts).
  const placed = placeInRanking(
    scoring.map((d) => {
      const stages = councilStages(d.status);
      return {
        d,
        unit: { id: d.row.unitId, code: d.row.unitCode, name: d.row.unitName, unitType: d.row.unitTypeCode },
        totals: computeUnitTotals(unitInputOf(d.state, stages)),
        appraised: isAppraised(d.status, d.state, stages),
      };
    }),
    rules,
    decisions,
  );

  const result: UnitTypeResults[] = [];
  for (const type of types) {
    const own = placed.filter((p) => p.input.d.state.unit.unitTypeId === type.id);
    if (!own.length) continue;
    const setId = own[0].input.d.state.indexSet.id;
    const areaTitles = new Map(
      areas
        .filter((a) => a.setId === setId && !a.code.includes("."))
        .map((a) => [a.code, { title: a.title, titleEn: a.titleEn }]),
    );
    const rows = own.map(({ input: { d, unit, totals, appraised }, rank, band, why }): UnitResult => {
      const unitLeaders = leaders.filter((l) => l.unitId === d.row.unitId).sort(leaderOrder);
      return {
        dossierId: d.row.id,
        unit,
        status: d.status,
        resource: d.resource,
        totals,
        appraised,
        rank,
        band,
        why,
        leaders: computeResponsibility(
          { index: appraised ? totals.index : null, areas: totals.areas, band },
          unitLeaders,
          responsibility,
          bands,
        ),
        scoring: d,
      };
    });
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
        ...rankedUnitOfResult(row),
        max: centiToNumber(row.totals.applicableMax),
        classificationLabel: bandLabel(r.bands, row.band, "vi"),
        classificationLabelEn: bandLabel(r.bands, row.band, "en"),
        areas: row.totals.areas.map((a) => ({
          code: a.areaCode,
          title: type.areaTitles.get(a.areaCode)?.title ?? a.areaCode,
          titleEn: type.areaTitles.get(a.areaCode)?.titleEn ?? "",
          achieved: centiToNumber(a.achieved),
          max: centiToNumber(a.applicableMax),
          index: a.index === null ? null : centiToNumber(a.index),
        })),
      })),
    })),
  };
}

/** A unit's result as a ranking row's figures (ZRankedUnit): the one shape of every ranking. */
export function rankedUnitOfResult(row: UnitResult) {
  return rankedUnitOf({
    input: { unit: row.unit, totals: row.totals, appraised: row.appraised },
    rank: row.rank,
    band: row.band,
    why: row.why,
  });
}

/** The frozen ranking of one unit type, as a council agreement records it (ZAgreement["ranking"]). */
export function toAgreementRanking(type: UnitTypeResults): TAgreementRow[] {
  return type.rows.map((row) => ({ ...rankedUnitOfResult(row), dossierId: row.dossierId }));
}
