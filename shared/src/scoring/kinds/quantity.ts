/** Quantity rules (docs/domain.md, "Scoring kinds"): figures → points, decided in integers, never in floats. */
import type { Centi } from "../../points";
import { FULL_INDEX } from "../totals";
import type { Figures, QuantityMeasure, QuantityRule, Rounding } from "./types";

/**
 * A measure as an exact fraction num ÷ den in the unit of the rule's thresholds: for a rate, hundredths of a
 * percent (95 of 100 cases → 950000 ÷ 100 = 9500 Bp); for a value, hundredths of its unit (den 1).
 */
interface Fraction {
  num: bigint;
  den: bigint;
}

/** The measure the rule reads from the figures; null when the figures do not fit the measure. */
export function measureOf(measure: QuantityMeasure, figures: Figures): Fraction | null {
  if (measure === "value") return "value" in figures ? { num: BigInt(figures.value), den: 1n } : null;
  if (!("numerator" in figures)) return null;
  return { num: BigInt(figures.numerator) * BigInt(FULL_INDEX), den: BigInt(figures.denominator) };
}

/** num ÷ den ≥ threshold, compared exactly (den > 0): 95/100 ≥ 80 % holds as 9500·100 ≥ 8000·100. */
export function reaches(m: Fraction, threshold: number): boolean {
  return m.num >= BigInt(threshold) * m.den;
}

/** a ÷ b rounded onto whole multiples by `rounding` (b > 0, a ≥ 0). */
function divide(a: bigint, b: bigint, rounding: Rounding): bigint {
  return rounding === "down" ? a / b : (2n * a + b) / (2n * b);
}

/**
 * The points a rule gives for a measure (on the leaf's step, in [0, maxPoints]). Bands: the best band reached,
 * else `otherwise`. Proportional: maxPoints × measure ÷ fullAt, capped at maxPoints, rounded onto the step.
 */
export function quantityPoints(rule: QuantityRule, m: Fraction, maxPoints: Centi, step: Centi): Centi {
  if (rule.type === "bands") {
    let best: Centi | null = null;
    for (const band of rule.bands)
      if (reaches(m, band.atLeast) && (best === null || band.points > best)) best = band.points;
    return best ?? rule.otherwise;
  }
  if (m.num <= 0n) return 0;
  // points ÷ step = maxPoints · m ÷ (fullAt · step); the cap comes after rounding so that rounding up never
  // passes the maximum, and a measure beyond fullAt gives exactly the maximum.
  const steps = divide(BigInt(maxPoints) * m.num, BigInt(rule.fullAt) * m.den * BigInt(step), rule.rounding);
  const points = steps * BigInt(step);
  return points > BigInt(maxPoints) ? maxPoints : Number(points);
}
