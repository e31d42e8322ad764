import {
  centiToNumber,
  classificationWhy,
  classify,
  placeByUnitType,
  type ClassificationBand,
  type ClassificationOverride,
  type ClassificationWhy,
  type TieBreak,
  type TRankedUnit,
  type TUnitRef,
  type UnitTotals,
} from "@ca/shared";
import type { PeriodRules } from "../queries/periods";

/** One unit to place in its period's ranking: its unit, its totals, and whether anything of it is appraised. */
export interface RankingInput {
  unit: TUnitRef;
  totals: UnitTotals;
  /** False while no stage the reader may see holds a score of it: it is listed unranked (DESIGN §7). */
  appraised: boolean;
}

/** A unit placed in the ranking: its rank (null while unranked), band and why. */
export interface Placed<T extends RankingInput> {
  input: T;
  rank: number | null;
  band: string | null;
  why: ClassificationWhy | null;
}

/**
 * Every ranking of the product goes through here (live ranking, dashboard, agreements, results, exports, the public
 * page): the period's tie-breaks, bands and overrides, and the one order of `placeByUnitType` — unit types in the
 * order of `inputs`, then standing, ties by name in code-unit order; unappraised units last, with no rank and no
 * band (so they count in no band).
 */
export function placeInRanking<T extends RankingInput>(
  inputs: readonly T[],
  rules: PeriodRules,
): Placed<T>[] {
  const bands = rules.classificationBands as ClassificationBand[];
  const overrides = rules.classificationOverrides as ClassificationOverride[];
  const byUnit = new Map(inputs.map((i) => [i.unit.id, i]));
  return placeByUnitType(
    inputs.map((i) => i.totals),
    (t) => byUnit.get(t.unitId)!.appraised,
    { tieBreaks: rules.tieBreak as TieBreak[] },
  ).map(({ unit, rank }) => {
    const input = byUnit.get(unit.unitId)!;
    if (rank === null) return { input, rank, band: null, why: null };
    const classification = classify(unit, bands, overrides);
    return { input, rank, band: classification.band, why: classificationWhy(classification, bands) };
  });
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
