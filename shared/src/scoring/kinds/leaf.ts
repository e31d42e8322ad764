/** A stored leaf's scoring definition, and what a stage recorded as the answer its kind asks for. */
import type { Centi } from "../../points";
import type { Figures, KindAnswer, Level, QuantityRule, ScoringDefinition, ScoringKind } from "./types";

/** A leaf as stored (index items): its scale and its kind with the rubric or the rule. */
export interface KindedLeaf {
  maxPoints: Centi;
  step: Centi;
  scoringKind: ScoringKind;
  levels?: readonly Level[] | null;
  quantityRule?: QuantityRule | null;
}

export function definitionOfLeaf(leaf: KindedLeaf): ScoringDefinition {
  return {
    kind: leaf.scoringKind,
    maxPoints: leaf.maxPoints,
    step: leaf.step,
    levels: leaf.levels ?? undefined,
    rule: leaf.quantityRule ?? undefined,
  };
}

/** What a stage recorded, as the answer it derives from: the level, the figures, else the points themselves. */
export function answerOfRecord(record: {
  score: Centi;
  level?: string | null;
  figures?: Figures | null;
}): KindAnswer {
  if (record.level) return { level: record.level };
  if (record.figures) return { figures: record.figures };
  return { score: record.score };
}
