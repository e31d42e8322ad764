/**
 * The scoring input in columns, for full recomputes (a national ranking: thousands of units × 150 leaves). Each
 * index set's leaves are laid out once; each unit's stage scores are typed arrays over those leaves, with
 * NO_SCORE where a stage does not exist. The cost then depends neither on which stages exist nor on the shape of
 * per-leaf objects, and equals computeUnitTotals on the same inputs (tests/shared/scoring/columns.test.ts).
 */
import type { Centi } from "../points";
import { cappedSum, computeIndex, finalTotal } from "./totals";
import type { AreaTotals, Leaf, UnitInput, UnitTotals } from "./types";

/** The mark of a stage that does not exist (points are never negative). */
export const NO_SCORE = -1;

/** One index set's leaves (inside the 100 points), column i being leaf i; areas numbered by first appearance. */
export interface LeafColumns {
  codes: readonly string[];
  areaCodes: readonly string[];
  area: Int32Array;
  max: Int32Array;
  /** 1 for a survey leaf (its points come from the survey, never from a stage). */
  survey: Uint8Array;
  index: ReadonlyMap<string, number>;
}

/** The stages that can be official, latest first in precedence: agreed, round 2, round 1, self. */
export interface StageColumns {
  self: Int32Array;
  round1: Int32Array;
  round2: Int32Array;
  agreed: Int32Array;
}

/** One unit's scoring input in columns over its index set's leaves. */
export interface UnitColumns {
  unitId: string;
  unitTypeId: string;
  name: string;
  leaves: LeafColumns;
  stages: StageColumns;
  /** Locked survey points per leaf (0 where none). */
  surveyPoints: Int32Array;
  /** 0 for a leaf that does not apply to this unit; null when every leaf applies. */
  applicable: Uint8Array | null;
  bonus: readonly Centi[];
  penalty: readonly Centi[];
  bonusCap: Centi;
  penaltyCap: Centi;
}

/** Lays out leaves once (their `applicable` is per unit, so it is ignored here). */
export function leafColumns(
  leaves: readonly Pick<Leaf, "code" | "areaCode" | "maxPoints" | "method">[],
): LeafColumns {
  const areaCodes: string[] = [];
  const areaNumber = new Map<string, number>();
  const n = leaves.length;
  const out: LeafColumns = {
    codes: leaves.map((l) => l.code),
    areaCodes,
    area: new Int32Array(n),
    max: new Int32Array(n),
    survey: new Uint8Array(n),
    index: new Map(leaves.map((l, i) => [l.code, i])),
  };
  leaves.forEach((leaf, i) => {
    let a = areaNumber.get(leaf.areaCode);
    if (a === undefined) {
      a = areaCodes.length;
      areaNumber.set(leaf.areaCode, a);
      areaCodes.push(leaf.areaCode);
    }
    out.area[i] = a;
    out.max[i] = leaf.maxPoints;
    out.survey[i] = leaf.method === "survey" ? 1 : 0;
  });
  return out;
}

/** Empty stage columns for `n` leaves: no stage exists yet. */
export function emptyStages(n: number): StageColumns {
  return {
    self: new Int32Array(n).fill(NO_SCORE),
    round1: new Int32Array(n).fill(NO_SCORE),
    round2: new Int32Array(n).fill(NO_SCORE),
    agreed: new Int32Array(n).fill(NO_SCORE),
  };
}

/** The columns of a unit given as objects (the tests' and the incremental model's representation). */
export function toUnitColumns(
  input: UnitInput,
  leaves: LeafColumns = leafColumns(input.leaves),
): UnitColumns {
  const n = leaves.codes.length;
  const stages = emptyStages(n);
  const surveyPoints = new Int32Array(n);
  let applicable: Uint8Array | null = null;
  input.leaves.forEach((leaf) => {
    const i = leaves.index.get(leaf.code);
    if (i === undefined) throw new Error(`leaf ${leaf.code} is not in the layout`);
    if (!leaf.applicable) (applicable ??= new Uint8Array(n).fill(1))[i] = 0;
    const s = input.scores[leaf.code];
    for (const stage of ["self", "round1", "round2", "agreed"] as const) {
      const v = s?.[stage];
      if (v !== undefined && v !== null) stages[stage][i] = v;
    }
    surveyPoints[i] = input.surveyPoints?.[leaf.code] ?? 0;
  });
  return {
    unitId: input.unitId,
    unitTypeId: input.unitTypeId,
    name: input.name ?? "",
    leaves,
    stages,
    surveyPoints,
    applicable,
    bonus: input.bonus,
    penalty: input.penalty,
    bonusCap: input.bonusCap,
    penaltyCap: input.penaltyCap,
  };
}

/** The same totals as computeUnitTotals, from columns: one pass over typed arrays, no per-leaf object read. */
export function totalsOfColumns(u: UnitColumns): UnitTotals {
  const { leaves, stages, surveyPoints, applicable } = u;
  const { agreed, round2, round1, self } = stages;
  const areaCount = leaves.areaCodes.length;
  const achieved = new Array<number>(areaCount).fill(0);
  const areaMax = new Array<number>(areaCount).fill(0);
  let appraised = 0;
  let survey = 0;
  const n = leaves.codes.length;
  for (let i = 0; i < n; i++) {
    if (applicable !== null && applicable[i] === 0) continue;
    let points: number;
    if (leaves.survey[i] === 1) {
      points = surveyPoints[i];
      survey += points;
    } else {
      // The last stage that exists is official (agreed, else round 2, else round 1, else self); see leafScore.ts.
      points = agreed[i];
      if (points < 0) points = round2[i];
      if (points < 0) points = round1[i];
      if (points < 0) points = self[i];
      if (points < 0) points = 0;
      appraised += points;
    }
    const a = leaves.area[i];
    achieved[a] += points;
    areaMax[a] += leaves.max[i];
  }
  let applicableMax = 0;
  const areas: AreaTotals[] = new Array(areaCount);
  for (let a = 0; a < areaCount; a++) {
    applicableMax += areaMax[a];
    areas[a] = {
      areaCode: leaves.areaCodes[a],
      achieved: achieved[a],
      applicableMax: areaMax[a],
      index: computeIndex(achieved[a], areaMax[a]),
    };
  }
  const base = appraised + survey;
  const bonus = cappedSum(u.bonus, u.bonusCap);
  const penalty = cappedSum(u.penalty, u.penaltyCap);
  const total = finalTotal(base, bonus, penalty);
  return {
    unitId: u.unitId,
    unitTypeId: u.unitTypeId,
    name: u.name,
    base,
    appraisedPoints: appraised,
    surveyPoints: survey,
    applicableMax,
    bonus,
    penalty,
    total,
    index: computeIndex(total, applicableMax),
    areas,
  };
}
