import {
  definitionOfLeaf,
  derivePoints,
  levelsOf,
  type Figures,
  type KindAnswer,
  type KindedLeaf,
} from "@ca/shared";

/** What a sample stage records on a leaf: the answer its kind asks for, and the points derived from it. */
export interface SampleRecord {
  score: number;
  level: string | null;
  figures: Figures | null;
}

/** The base of the sample's rates: the tasks of a year's plan. */
const TASKS = 24;

/**
 * The answer a sample scorer gives on a leaf for the points they would have typed (`typed`, hundredths), and the
 * points the leaf's rule then derives: the level nearest to those points; figures in the band nearest to them (a
 * rate's numerator drawn with `draw` in 0…1 inside the band); for a proportional rule, the measure that gives them.
 * On a `points` leaf, the typed points themselves. The derived points may differ from the typed ones: that is the
 * rule computing what was typed by hand.
 */
export function sampleRecord(leaf: KindedLeaf, typed: number, draw: number): SampleRecord {
  const def = definitionOfLeaf(leaf);
  const nearest = <T extends { points: number }>(options: T[]) =>
    [...options].sort(
      (a, b) => Math.abs(a.points - typed) - Math.abs(b.points - typed) || b.points - a.points,
    )[0];
  let answer: KindAnswer = { score: typed };
  if (def.kind === "levels" || def.kind === "yesno") answer = { level: nearest([...levelsOf(def)]).code };
  else if (def.kind === "quantity" && def.rule?.type === "proportional")
    answer = { figures: { value: Math.round((typed * def.rule.fullAt) / def.maxPoints) } };
  else if (def.kind === "quantity" && def.rule?.type === "bands") {
    // Bands as [from, to) in the measure's unit (Bp); the rate drawn inside the chosen one.
    const edges = [...def.rule.bands].sort((a, b) => a.atLeast - b.atLeast);
    const ranges = [
      { points: def.rule.otherwise, from: Math.round(edges[0].atLeast / 2), to: edges[0].atLeast },
      ...edges.map((b, i) => ({
        points: b.points,
        from: b.atLeast,
        to: edges[i + 1]?.atLeast ?? b.atLeast + 1,
      })),
    ];
    const band = nearest(ranges);
    const low = Math.ceil((band.from * TASKS) / 10000);
    const high = Math.max(low, Math.ceil((band.to * TASKS) / 10000) - 1);
    const tasks = Math.min(TASKS, low + Math.floor(draw * (high - low + 1)));
    answer = { figures: { numerator: tasks * 100, denominator: TASKS * 100 } };
  }
  const derived = derivePoints(def, answer);
  if (!derived.ok) throw new Error(`sample answer on a ${def.kind} leaf: ${derived.problem}`);
  return {
    score: derived.points,
    level: "level" in answer ? answer.level : null,
    figures: "figures" in answer ? answer.figures : null,
  };
}
