/**
 * Scoring kinds as the public API carries them (docs/scoring-kinds.md). Stored values are whole hundredths (points,
 * figures, thresholds: a rate's 80 % is 8000); the API carries the same values as decimals with at most two
 * decimals, so one division by 100 converts each way, for points, figures and thresholds alike.
 */
import { z } from "zod";
import { centiToNumber, parsePoints } from "../points";
import { SCORING_KINDS, type Figures, type Level, type QuantityRule } from "../scoring/kinds/types";
import { ZPoints } from "./common";

export const ZScoringKind = z.enum(SCORING_KINDS);

/** A figure the unit reports: a decimal ≥ 0 with at most two decimals (cases, days, percent points…). */
export const ZFigure = ZPoints.min(0).max(99_999_999.99);

/** One value, or a numerator and a denominator giving a rate. */
export const ZFiguresView = z.union([
  z.strictObject({ value: ZFigure }),
  z.strictObject({ numerator: ZFigure, denominator: ZFigure }),
]);
export type TFiguresView = z.infer<typeof ZFiguresView>;

export const ZLevelView = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string().optional(),
  description: z.string().optional(),
  points: ZPoints,
});
export type TLevelView = z.infer<typeof ZLevelView>;

const ZMeasure = z.enum(["rate", "value"]);
/** A band's threshold: a percent for rates (80 = 80 %), the value itself otherwise; the edge is in the band. */
export const ZRuleView = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("bands"),
    measure: ZMeasure,
    bands: z.array(z.object({ atLeast: ZFigure, points: ZPoints })),
    otherwise: ZPoints,
  }),
  z.object({
    type: z.literal("proportional"),
    measure: ZMeasure,
    fullAt: ZFigure,
    rounding: z.enum(["half_up", "down"]),
  }),
]);
export type TRuleView = z.infer<typeof ZRuleView>;

/** What a stage records beside its points: the level chosen or the figures (null where the kind has neither). */
export const ZKindRecord = z.object({ level: z.string().nullable(), figures: ZFiguresView.nullable() });

const toCenti = (n: number): number => parsePoints(n) ?? Number.NaN;

export function figuresToView(f: Figures): TFiguresView {
  return "value" in f
    ? { value: centiToNumber(f.value) }
    : { numerator: centiToNumber(f.numerator), denominator: centiToNumber(f.denominator) };
}

/** API figures (validated by ZFiguresView, so on two decimals) to stored hundredths. */
export function figuresFromView(f: TFiguresView): Figures {
  return "value" in f
    ? { value: toCenti(f.value) }
    : { numerator: toCenti(f.numerator), denominator: toCenti(f.denominator) };
}

export function levelToView(l: Level): TLevelView {
  return {
    code: l.code,
    label: l.label,
    ...(l.labelEn ? { labelEn: l.labelEn } : {}),
    ...(l.description ? { description: l.description } : {}),
    points: centiToNumber(l.points),
  };
}

export function ruleToView(r: QuantityRule): TRuleView {
  return r.type === "bands"
    ? {
        type: "bands",
        measure: r.measure,
        bands: r.bands.map((b) => ({ atLeast: centiToNumber(b.atLeast), points: centiToNumber(b.points) })),
        otherwise: centiToNumber(r.otherwise),
      }
    : { type: "proportional", measure: r.measure, fullAt: centiToNumber(r.fullAt), rounding: r.rounding };
}

export function ruleFromView(r: TRuleView): QuantityRule {
  return r.type === "bands"
    ? {
        type: "bands",
        measure: r.measure,
        bands: r.bands.map((b) => ({ atLeast: toCenti(b.atLeast), points: toCenti(b.points) })),
        otherwise: toCenti(r.otherwise),
      }
    : { type: "proportional", measure: r.measure, fullAt: toCenti(r.fullAt), rounding: r.rounding };
}
