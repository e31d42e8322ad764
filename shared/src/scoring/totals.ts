/** A unit's totals and indices from its leaves (docs/domain.md §3): exact integers end to end. */
import type { Centi } from "../points";
import { officialScore } from "./leafScore";
import type { AreaTotals, Bp, Leaf, UnitInput, UnitTotals } from "./types";

/** Hundredths of a percent in one whole (100 % = 10000 Bp). */
export const FULL_INDEX: Bp = 10000;

/**
 * achieved ÷ max × 100 in hundredths of a percent, rounded half-up (docs/domain.md: "rounded to two decimals"), computed
 * as floor((2·achieved·10000 + max) / (2·max)) on integers; null when max ≤ 0 (nothing applies, no index).
 */
export function computeIndex(achieved: Centi, max: Centi): Bp | null {
  if (max <= 0) return null;
  const numerator = 2 * achieved * FULL_INDEX + max;
  const denominator = 2 * max;
  // Doubles hold integers exactly only up to 2^53; national-scale sums with large maxima could pass that.
  if (Math.abs(numerator) <= Number.MAX_SAFE_INTEGER && denominator <= Number.MAX_SAFE_INTEGER) {
    // The float quotient may be off by one ulp near an integer; the integer products below settle it exactly.
    let q = Math.floor(numerator / denominator);
    if (q * denominator > numerator) q -= 1;
    else if ((q + 1) * denominator <= numerator) q += 1;
    return q;
  }
  const n = BigInt(achieved) * 2n * BigInt(FULL_INDEX) + BigInt(max);
  const d = BigInt(denominator);
  const truncated = n / d;
  return Number(n < 0n && truncated * d !== n ? truncated - 1n : truncated);
}

/** The sum of a bonus or penalty group's items, cut at the group's cap. */
export function cappedSum(items: readonly Centi[], cap: Centi): Centi {
  let sum = 0;
  for (const item of items) sum += item;
  return Math.min(sum, Math.max(cap, 0));
}

/** base + bonus − penalty, clamped at 0: a penalty can wipe out the points, never push them below zero. */
export function finalTotal(base: Centi, bonus: Centi, penalty: Centi): Centi {
  return Math.max(0, base + bonus - penalty);
}

/** The points one leaf contributes to its unit: 0 when not applicable, survey points for survey leaves. */
export function leafPoints(leaf: Leaf, unit: Pick<UnitInput, "scores" | "surveyPoints">): Centi {
  if (!leaf.applicable) return 0;
  // Survey leaves are never self-scored: stage scores on them are ignored and a unit not yet surveyed counts 0.
  if (leaf.method === "survey") return unit.surveyPoints?.[leaf.code] ?? 0;
  return officialScore(unit.scores[leaf.code]) ?? 0;
}

/** Full totals of one unit: per area and overall, capped bonus and penalty, final total and indices. */
export function computeUnitTotals(unit: UnitInput): UnitTotals {
  const areaByCode = new Map<string, AreaTotals>();
  const areas: AreaTotals[] = [];
  let appraisedPoints = 0;
  let surveyPoints = 0;
  let applicableMax = 0;
  const scores = unit.scores;
  const survey = unit.surveyPoints;
  let area: AreaTotals | undefined;
  for (const leaf of unit.leaves) {
    // Leaves usually come area by area, so the previous leaf's area is almost always the right one; the map
    // lookup is only for the first leaf of each area (a quarter of the full recompute's time otherwise).
    if (area === undefined || area.areaCode !== leaf.areaCode) area = areaByCode.get(leaf.areaCode);
    if (area === undefined) {
      // Every area appears, even one whose leaves are all not applicable: it shows with a null index.
      area = { areaCode: leaf.areaCode, achieved: 0, applicableMax: 0, index: null };
      areaByCode.set(leaf.areaCode, area);
      areas.push(area);
    }
    if (!leaf.applicable) continue;
    // Same rule as leafPoints(), written out: this loop is the whole cost of a national full recompute.
    let points: Centi;
    if (leaf.method === "survey") {
      points = survey?.[leaf.code] ?? 0;
      surveyPoints += points;
    } else {
      points = officialScore(scores[leaf.code]) ?? 0;
      appraisedPoints += points;
    }
    area.achieved += points;
    area.applicableMax += leaf.maxPoints;
    applicableMax += leaf.maxPoints;
  }
  for (const area of areas) area.index = computeIndex(area.achieved, area.applicableMax);
  const base = appraisedPoints + surveyPoints;
  const bonus = cappedSum(unit.bonus, unit.bonusCap);
  const penalty = cappedSum(unit.penalty, unit.penaltyCap);
  const total = finalTotal(base, bonus, penalty);
  return {
    unitId: unit.unitId,
    unitTypeId: unit.unitTypeId,
    name: unit.name ?? "",
    base,
    appraisedPoints,
    surveyPoints,
    applicableMax,
    bonus,
    penalty,
    total,
    index: computeIndex(total, applicableMax),
    areas,
  };
}

/** Totals of many units (a full recompute, e.g. after an import or for a national ranking). */
export function computeAllTotals(units: readonly UnitInput[]): UnitTotals[] {
  return units.map(computeUnitTotals);
}
