/** From what a scorer says to points, by the leaf's kind: the one place that decides a stage's points. */
import { scaleProblem, type Centi } from "../../points";
import { measureOf, quantityPoints } from "./quantity";
import type { DerivedPoints, Figures, KindAnswer, Level, ScoringDefinition } from "./types";

/** Figures are whole hundredths, never negative, and a rate's denominator is not zero. */
export function checkFigures(figures: Figures): "bad_figures" | "zero_denominator" | null {
  const parts = "value" in figures ? [figures.value] : [figures.numerator, figures.denominator];
  if (parts.some((p) => !Number.isSafeInteger(p) || p < 0)) return "bad_figures";
  return "denominator" in figures && figures.denominator === 0 ? "zero_denominator" : null;
}

/** The two levels of a `yesno` leaf: done gives `yesPoints` (default the maximum), not done 0. */
export function yesNoLevels(maxPoints: Centi, yesPoints: Centi = maxPoints): Level[] {
  return [
    { code: "yes", label: "Có / Đạt", labelEn: "Yes / done", points: yesPoints },
    { code: "no", label: "Không / Chưa đạt", labelEn: "No / not done", points: 0 },
  ];
}

/** The levels a leaf offers: its own, or the two of a `yesno` leaf defined without any. */
export function levelsOf(def: ScoringDefinition): readonly Level[] {
  if (def.levels?.length) return def.levels;
  return def.kind === "yesno" ? yesNoLevels(def.maxPoints) : [];
}

/**
 * The points an answer gives on this leaf, or why it gives none: a number must be on the leaf's scale; a level
 * must be one of the leaf's; figures must fit the rule's measure. Derived points are on the scale by
 * construction (the definition is checked on import: `checkDefinition`).
 */
export function derivePoints(def: ScoringDefinition, answer: KindAnswer): DerivedPoints {
  if (def.kind === "points") {
    if (!("score" in answer)) return { ok: false, problem: "wrong_kind" };
    const problem = scaleProblem(answer.score, def.maxPoints, def.step);
    return problem ? { ok: false, problem } : { ok: true, points: answer.score };
  }
  if (def.kind === "levels" || def.kind === "yesno") {
    if (!("level" in answer)) return { ok: false, problem: "wrong_kind" };
    const level = levelsOf(def).find((l) => l.code === answer.level);
    return level ? { ok: true, points: level.points } : { ok: false, problem: "unknown_level" };
  }
  if (!("figures" in answer) || !def.rule) return { ok: false, problem: "wrong_kind" };
  const problem = checkFigures(answer.figures);
  if (problem) return { ok: false, problem };
  const m = measureOf(def.rule.measure, answer.figures);
  if (!m) return { ok: false, problem: "bad_figures" };
  return { ok: true, points: quantityPoints(def.rule, m, def.maxPoints, def.step) };
}
