/**
 * The scoring engine's vocabulary (docs/domain.md §3). Every point value is an integer number of hundredths (Centi) and
 * every index an integer number of hundredths of a percent (Bp), so that no binary float reaches a ranking.
 */
import type { Centi } from "../points";

/** An index value in hundredths of a percent (basis points): 85.25 % = 8525. */
export type Bp = number;

/** How a leaf gets its points: self-scored with evidence, computed from the survey, or scored by the council only. */
export type ScoringMethod = "self" | "survey" | "council";

/** One scorable leaf of a unit's index set, with the unit's own applicability (not-applicable shrinks the maximum). */
export interface Leaf {
  /** Stable code such as "2.1.3". */
  code: string;
  /** Code of the area (lĩnh vực) the leaf belongs to, e.g. "2". */
  areaCode: string;
  maxPoints: Centi;
  step: Centi;
  method: ScoringMethod;
  applicable: boolean;
}

/** The stages a leaf's score passes through, in workflow order (docs/domain.md §2 steps 6–9). */
export const STAGES = ["self", "round1", "explanation", "round2", "agreed"] as const;

/** One stage of a leaf's score. */
export type Stage = (typeof STAGES)[number];

/** A leaf's score at each stage; a missing or null stage has not happened (or was cleared). */
export type StageScores = { readonly [S in Stage]?: Centi | null };

/** Everything the engine needs to total one unit's dossier. */
export interface UnitInput {
  unitId: string;
  unitTypeId: string;
  /** Display name; only used to order tied units deterministically. */
  name?: string;
  leaves: readonly Leaf[];
  /** Stage scores by leaf code; leaves without an entry have no score yet (they count 0). */
  scores: Readonly<Record<string, StageScores | undefined>>;
  /** Official points of each bonus item (điểm thưởng), each already within its item's own maximum. */
  bonus: readonly Centi[];
  /** Official points of each penalty item (điểm trừ), as positive amounts to subtract. */
  penalty: readonly Centi[];
  /** The bonus group's cap: the items may add up to more, the unit never gets more. */
  bonusCap: Centi;
  /** The penalty group's cap. */
  penaltyCap: Centi;
  /** Survey points by survey-leaf code, computed from the sociological survey (never self-scored). */
  surveyPoints?: Readonly<Record<string, Centi | undefined>>;
}

/** Totals of one area (lĩnh vực) of a unit. */
export interface AreaTotals {
  areaCode: string;
  /** Sum of the official scores of the area's applicable leaves. */
  achieved: Centi;
  /** Sum of the maxima of the area's applicable leaves. */
  applicableMax: Centi;
  /** achieved ÷ applicableMax, rounded half-up to hundredths of a percent; null when nothing applies. */
  index: Bp | null;
}

/** A unit's totals: what dashboards, classification and ranking read. */
export interface UnitTotals {
  unitId: string;
  unitTypeId: string;
  name: string;
  /** Sum of official scores of all applicable leaves (within the 100 points). */
  base: Centi;
  /** Part of `base` from non-survey leaves (self- and council-scored): the first default tie-break. */
  appraisedPoints: Centi;
  /** Part of `base` from survey leaves. */
  surveyPoints: Centi;
  applicableMax: Centi;
  /** Bonus after the cap. */
  bonus: Centi;
  /** Penalty after the cap. */
  penalty: Centi;
  /** base + bonus − penalty, never below 0. */
  total: Centi;
  /** total ÷ applicableMax, rounded half-up to hundredths of a percent; null when nothing applies. */
  index: Bp | null;
  /** Areas in the order their first leaf appears in `leaves`. */
  areas: AreaTotals[];
}
