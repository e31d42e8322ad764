import {
  centiToNumber,
  classifyUnits,
  placeByUnitType,
  whyOfReasons,
  type BandQuota,
  type ClassificationBand,
  type ClassificationOverride,
  type ClassificationWhy,
  type QuotaCut,
  type TieBreak,
  type TRankedUnit,
  type TUnitRef,
  type UnitTotals,
} from "@ca/shared";
import type { ClassificationDecisions } from "../queries/classification";
import type { PeriodRules } from "../queries/periods";

export type { ClassificationDecisions };

/** One unit to place in its period's ranking: its unit, its totals, and whether anything of it is appraised. */
export interface RankingInput {
  unit: TUnitRef;
  totals: UnitTotals;
  /** False while no stage the reader may see holds a score of it: it is listed unranked (docs/api.md). */
  appraised: boolean;
}

/** A unit placed in the ranking: its rank (null while unranked), band and why. */
export interface Placed<T extends RankingInput> {
  input: T;
  rank: number | null;
  band: string | null;
  why: ClassificationWhy | null;
}

export const NO_DECISIONS: ClassificationDecisions = { caps: [], ties: [] };

/**
 * Every ranking of the product goes through here (live ranking, dashboard, agreements, results, exports, the public
 * page): the period's tie-breaks, bands, override rules, quotas and the council's decisions, and the one order of
 * `placeByUnitType` — unit types in the order of `inputs`, then standing, ties by name in code-unit order;
 * unappraised units last, with no rank and no band (so they count in no band and take no quota seat). Also returns
 * the quota cuts a tie straddles, for the council to decide.
 */
export function rankAndClassify<T extends RankingInput>(
  inputs: readonly T[],
  rules: PeriodRules,
  decisions: ClassificationDecisions = NO_DECISIONS,
): { placed: Placed<T>[]; cuts: QuotaCut[] } {
  const bands = rules.classificationBands as ClassificationBand[];
  const overrides = rules.classificationOverrides as ClassificationOverride[];
  const quotas = (rules.classificationQuotas ?? []) as BandQuota[];
  const byUnit = new Map(inputs.map((i) => [i.unit.id, i]));
  const placements = placeByUnitType(
    inputs.map((i) => i.totals),
    (t) => byUnit.get(t.unitId)!.appraised,
    { tieBreaks: rules.tieBreak as TieBreak[] },
  );
  const classifiable = placements.map(({ unit, rank }) => ({
    unitId: unit.unitId,
    unitType: byUnit.get(unit.unitId)!.unit.unitType,
    rank,
    index: unit.index,
    areas: unit.areas,
  }));
  // One unit type at a time: a tie decision names a band, and each type has its own cut in it.
  const results = new Map<string, { band: string | null; why: ClassificationWhy | null }>();
  const cuts: QuotaCut[] = [];
  for (const type of new Set(classifiable.map((u) => u.unitType))) {
    const { bands: classified, cuts: typeCuts } = classifyUnits(
      classifiable.filter((u) => u.unitType === type),
      {
        bands,
        overrides,
        quotas,
        caps: decisions.caps,
        tieDecisions: decisions.ties.filter((d) => d.unitType === type),
      },
    );
    cuts.push(...typeCuts);
    for (const [unitId, { band, why }] of classified)
      results.set(unitId, { band, why: whyOfReasons(band, why, bands) });
  }
  const placed = placements.map(({ unit, rank }) => {
    const input = byUnit.get(unit.unitId)!;
    if (rank === null) return { input, rank, band: null, why: null };
    const { band, why } = results.get(unit.unitId)!;
    return { input, rank, band, why };
  });
  return { placed, cuts };
}

/** The ranking of `rankAndClassify`, without the cuts. */
export function placeInRanking<T extends RankingInput>(
  inputs: readonly T[],
  rules: PeriodRules,
  decisions: ClassificationDecisions = NO_DECISIONS,
): Placed<T>[] {
  return rankAndClassify(inputs, rules, decisions).placed;
}

/** The ranked-unit figures every ranking row carries (ZRankedUnit), from a placed unit. */
export function rankedUnitOf(p: Placed<RankingInput>): TRankedUnit {
  if (p.rank === null)
    return {
      unit: p.input.unit,
      standing: "unranked",
      rank: null,
      total: null,
      index: null,
      classification: null,
      why: null,
    };
  const { totals } = p.input;
  return {
    unit: p.input.unit,
    standing: "ranked",
    rank: p.rank,
    total: centiToNumber(totals.total),
    index: totals.index === null ? null : centiToNumber(totals.index),
    classification: p.band,
    why: p.why,
  };
}

/** The same row with its figures withheld from a reader recused on the unit (S3). */
export function hiddenFrom<R extends TRankedUnit>(row: R): R {
  return {
    ...row,
    standing: "hidden",
    rank: null,
    total: null,
    index: null,
    classification: null,
    why: null,
  };
}
