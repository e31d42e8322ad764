import type { TLeafView } from "@ca/shared";

/**
 * The body fields that answer a leaf by its kind with about `points` (decimal): the points themselves; the level
 * whose points are nearest (ties to the higher); figures whose rule gives the nearest points — a rate out of 100
 * cases for band rules, a value or a rate for proportional rules. Tests name exact answers where they check them.
 */
export function answerFor(
  leaf: Pick<TLeafView, "kind" | "levels" | "rule" | "maxPoints">,
  points: number,
):
  | { score: number }
  | { level: string }
  | { figures: { value: number } | { numerator: number; denominator: number } } {
  if (leaf.kind === "points") return { score: points };
  if (leaf.kind === "levels" || leaf.kind === "yesno") {
    const levels = leaf.levels ?? [];
    const best = [...levels].sort(
      (a, b) => Math.abs(a.points - points) - Math.abs(b.points - points) || b.points - a.points,
    )[0];
    return { level: best.code };
  }
  const rule = leaf.rule!;
  if (rule.type === "proportional") {
    const measure = Math.round(((points * rule.fullAt) / leaf.maxPoints) * 100) / 100;
    return rule.measure === "value"
      ? { figures: { value: measure } }
      : { figures: { numerator: Math.min(measure, 100), denominator: 100 } };
  }
  const options = [{ atLeast: 0, points: rule.otherwise }, ...rule.bands];
  const band = options.sort(
    (a, b) => Math.abs(a.points - points) - Math.abs(b.points - points) || b.points - a.points,
  )[0];
  return rule.measure === "value"
    ? { figures: { value: band.atLeast } }
    : { figures: { numerator: band.atLeast, denominator: 100 } };
}

/** The same answer as an explanation's proposal: `proposedScore`, `proposedLevel` or `proposedFigures`. */
export function proposalFor(leaf: Parameters<typeof answerFor>[0], points: number) {
  const a = answerFor(leaf, points);
  if ("score" in a) return { proposedScore: a.score };
  if ("level" in a) return { proposedLevel: a.level };
  return { proposedFigures: a.figures };
}
