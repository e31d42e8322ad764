/**
 * Survey points (docs/domain.md §3 "Survey points"): each survey question maps to a survey leaf of the index set; each
 * answer option carries a weight in whole percent (default A = 100, B = 60, C = 20, D = 0) or none ("don't know",
 * excluded). A leaf's points = maxPoints × mean weight of the valid answers to its questions, exact on integers.
 */
import type { Centi } from "../points";

/** The default answer options: four weighted grades and "don't know" (weight null: excluded from the mean). */
export const DEFAULT_SURVEY_OPTIONS: readonly SurveyOption[] = [
  { code: "A", label: "Rất tốt", labelEn: "Very good", weight: 100 },
  { code: "B", label: "Tốt", labelEn: "Good", weight: 60 },
  { code: "C", label: "Trung bình", labelEn: "Average", weight: 20 },
  { code: "D", label: "Kém", labelEn: "Poor", weight: 0 },
  { code: "X", label: "Không biết / không ý kiến", labelEn: "Don't know", weight: null },
];

/** One answer option: a short code, its labels, and its weight in whole percent (null = "don't know"). */
export interface SurveyOption {
  code: string;
  label: string;
  labelEn: string;
  weight: number | null;
}

/** Why a leaf's result is flagged: no valid answer at all, or fewer valid answers than the period's minimum. */
export type SurveyFlag = "no_answers" | "below_minimum" | null;

/** The points of one survey leaf for one unit, with the counts they come from. */
export interface SurveyLeafResult {
  /** Hundredths of a point, in [0, maxPoints]. */
  points: Centi;
  /** Answers with a weight (they make the mean). */
  valid: number;
  /** "Don't know" answers (counted, excluded from the mean). */
  dontKnow: number;
  /** Answers per option code. */
  counts: Record<string, number>;
  flag: SurveyFlag;
}

/**
 * Converts the answers given to one leaf's questions for one unit into points: maxPoints × Σweights ÷ (100 × valid),
 * rounded half-up to the hundredth on integers. No valid answer gives 0 points, flagged; fewer valid answers than
 * `minResponses` keeps the points and flags them (the council decides what an unreliable sample is worth).
 */
export function surveyLeafPoints(
  maxPoints: Centi,
  options: readonly SurveyOption[],
  answers: readonly string[],
  minResponses: number,
): SurveyLeafResult {
  const weightOf = new Map(options.map((o) => [o.code, o.weight]));
  const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o.code, 0]));
  let valid = 0;
  let dontKnow = 0;
  let weightSum = 0;
  for (const code of answers) {
    if (!weightOf.has(code)) throw new RangeError(`unknown answer option ${code}`);
    counts[code] += 1;
    const weight = weightOf.get(code)!;
    if (weight === null) dontKnow += 1;
    else {
      valid += 1;
      weightSum += weight;
    }
  }
  if (valid === 0) return { points: 0, valid, dontKnow, counts, flag: "no_answers" };
  const points = roundedQuotient(maxPoints * weightSum, 100 * valid);
  return { points, valid, dontKnow, counts, flag: valid < minResponses ? "below_minimum" : null };
}

/** n ÷ d rounded half-up for non-negative integers, exact: BigInt, since a float quotient can be off by an ulp. */
export function roundedQuotient(n: number, d: number): number {
  return Number((2n * BigInt(n) + BigInt(d)) / (2n * BigInt(d)));
}

/** True when the options are usable: distinct codes, weights whole percents in [0, 100], at least one weighted. */
export function validSurveyOptions(options: readonly SurveyOption[]): boolean {
  const codes = new Set(options.map((o) => o.code));
  return (
    codes.size === options.length &&
    options.some((o) => o.weight !== null) &&
    options.every(
      (o) => o.weight === null || (Number.isInteger(o.weight) && o.weight >= 0 && o.weight <= 100),
    )
  );
}
