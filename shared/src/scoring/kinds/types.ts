/**
 * Scoring kinds (docs/domain.md, "Scoring kinds"): how a leaf turns what the scorer says into points. Real index
 * sets are mostly rules — pick a level of a rubric, say done or not done, report figures that a rule converts — and
 * the council appraises the level or the figures, not only the points. Every value here is an exact integer:
 * points in hundredths (Centi), rates' thresholds in hundredths of a percent (Bp), figures in hundredths of their
 * own unit.
 */
import type { Centi } from "../../points";
import type { Bp } from "../types";

/** The four kinds: a free number on a step, a rubric, done / not done, or figures converted by a rule. */
export const SCORING_KINDS = ["points", "levels", "yesno", "quantity"] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

/** One level of a rubric: a stable code, labels, what it means, and the points it gives. */
export interface Level {
  code: string;
  label: string;
  labelEn?: string;
  description?: string;
  points: Centi;
}

/**
 * What a quantity rule measures: the rate numerator ÷ denominator (thresholds in Bp: 80 % = 8000), or one value
 * (thresholds in hundredths of the value's own unit: 2 days = 200).
 */
export type QuantityMeasure = "rate" | "value";

/** "measure ≥ atLeast → points"; a band's edge belongs to the band it names (≥, never >). */
export interface QuantityBand {
  atLeast: Bp | Centi;
  points: Centi;
}

/** How proportional points are brought onto the leaf's step. */
export type Rounding = "half_up" | "down";

/**
 * The rule of a quantity leaf. `bands`: the best band the measure reaches, else `otherwise` (a band rule gives more
 * points for more, never fewer). `proportional`: maxPoints × measure ÷ fullAt, capped at maxPoints, brought onto
 * the step by `rounding` (e.g. disbursement: 3 × rate ÷ 95 %, half-up to 0.25).
 */
export type QuantityRule =
  | { type: "bands"; measure: QuantityMeasure; bands: QuantityBand[]; otherwise: Centi }
  | { type: "proportional"; measure: QuantityMeasure; fullAt: Bp | Centi; rounding: Rounding };

/** The figures a unit reports: one value, or a numerator and a denominator (hundredths of their unit). */
export type Figures = { value: Centi } | { numerator: Centi; denominator: Centi };

/** What the engine needs of a leaf to score it by its kind. */
export interface ScoringDefinition {
  kind: ScoringKind;
  maxPoints: Centi;
  step: Centi;
  /** `levels` and `yesno` (whose two levels are `yes` and `no`). */
  levels?: readonly Level[];
  /** `quantity`. */
  rule?: QuantityRule;
}

/** What a scorer gives at a stage, by kind: points, a level's code, or figures. */
export type KindAnswer = { score: Centi } | { level: string } | { figures: Figures };

/** Why an answer gives no points; each maps to a message in the user's language. */
export type KindProblem =
  "wrong_kind" | "unknown_level" | "bad_figures" | "zero_denominator" | "out_of_range" | "off_step";

/** The points an answer gives, or why it gives none. */
export type DerivedPoints = { ok: true; points: Centi } | { ok: false; problem: KindProblem };
