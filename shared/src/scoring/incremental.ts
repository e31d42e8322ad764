/**
 * Live ranking (docs/architecture.md "Live ranking"): holds every unit's running totals so that one accepted score change
 * costs O(1) for the unit and one re-insertion in its own group, instead of a full recompute of the period.
 * It must always agree exactly with computeUnitTotals + rankGroup (tests/shared/scoring/incremental.test.ts).
 */
import type { Centi } from "../points";
import { officialScore, toStageScores, validateLeafScore } from "./leafScore";
import { assignRanks, compareForDisplay, type RankEntry, type RankOptions } from "./rank";
import { cappedSum, computeIndex, finalTotal } from "./totals";
import type { AreaTotals, Bp, Leaf, Stage, UnitInput, UnitTotals } from "./types";

type MutableStages = { -readonly [S in Stage]?: Centi | null };

interface LeafState {
  leaf: Leaf;
  area: AreaTotals;
  stages: MutableStages;
  /** What the leaf currently adds to its unit's points and maximum. */
  points: Centi;
  max: Centi;
}

interface UnitState {
  unitId: string;
  unitTypeId: string;
  name: string;
  leaves: Map<string, LeafState>;
  areas: AreaTotals[];
  survey: Map<string, Centi>;
  bonusItems: Centi[];
  penaltyItems: Centi[];
  bonusCap: Centi;
  penaltyCap: Centi;
  appraisedPoints: Centi;
  surveyPoints: Centi;
  applicableMax: Centi;
  bonus: Centi;
  penalty: Centi;
  total: Centi;
  index: Bp | null;
}

interface GroupState {
  /** Units in display order (compareForDisplay). */
  sorted: UnitState[];
  /** The ranking table, rebuilt lazily after a change. */
  entries: RankEntry[] | null;
}

/** Incremental ranking model: per-unit running totals and per-unit-type rankings, updated one change at a time. */
export class IncrementalRanking {
  private readonly units = new Map<string, UnitState>();
  private readonly groups = new Map<string, GroupState>();

  /** Builds the model from the units' current inputs (copied: later changes to them are not seen). */
  constructor(
    units: readonly UnitInput[],
    private readonly options: RankOptions = {},
  ) {
    for (const input of units) {
      if (this.units.has(input.unitId)) throw new Error(`duplicate unit ${input.unitId}`);
      const unit = createUnitState(input);
      this.units.set(unit.unitId, unit);
      const group = this.groups.get(unit.unitTypeId);
      if (group) group.sorted.push(unit);
      else this.groups.set(unit.unitTypeId, { sorted: [unit], entries: null });
    }
    for (const group of this.groups.values())
      group.sorted.sort((a, b) => compareForDisplay(a, b, this.options));
  }

  /**
   * Records one stage score of one leaf (null clears the stage); returns whether the unit's ranking row changed.
   * Throws on an unknown unit or leaf and on a score validateLeafScore refuses, leaving the model untouched.
   */
  applyLeafChange(unitId: string, code: string, stage: Stage, newScore: Centi | null): boolean {
    const unit = this.unit(unitId);
    const state = leafOf(unit, code);
    if (newScore !== null) {
      const check = validateLeafScore(state.leaf, newScore, stage);
      if (!check.ok)
        throw new RangeError(`score ${newScore} refused for ${unitId}/${code}/${stage}: ${check.problem}`);
    }
    const before = standingOf(unit);
    state.stages[stage] = newScore;
    this.refreshLeaf(unit, state);
    return this.settle(unit, before);
  }

  /** Sets (or with null, removes) the survey points of a survey leaf, e.g. after the survey is tallied. */
  setSurveyPoints(unitId: string, code: string, points: Centi | null): boolean {
    const unit = this.unit(unitId);
    const state = leafOf(unit, code);
    if (state.leaf.method !== "survey") throw new RangeError(`${code} is not a survey leaf`);
    // Survey points are maxPoints × a mean weight in [0, 1], so anything outside [0, max] is a tallying bug.
    if (points !== null && !(Number.isInteger(points) && points >= 0 && points <= state.leaf.maxPoints))
      throw new RangeError(`survey points ${points} refused for ${unitId}/${code}`);
    const before = standingOf(unit);
    if (points === null) unit.survey.delete(code);
    else unit.survey.set(code, points);
    this.refreshLeaf(unit, state);
    return this.settle(unit, before);
  }

  /** Marks a leaf (not) applicable to a unit; its maximum leaves or rejoins the unit's applicable maximum. */
  setApplicable(unitId: string, code: string, applicable: boolean): boolean {
    const unit = this.unit(unitId);
    const state = leafOf(unit, code);
    const before = standingOf(unit);
    state.leaf = { ...state.leaf, applicable };
    this.refreshLeaf(unit, state);
    return this.settle(unit, before);
  }

  /** Replaces a unit's bonus and/or penalty items (official points per item); the caps still apply. */
  setExtras(unitId: string, extras: { bonus?: readonly Centi[]; penalty?: readonly Centi[] }): boolean {
    const unit = this.unit(unitId);
    for (const item of [...(extras.bonus ?? []), ...(extras.penalty ?? [])])
      if (!Number.isInteger(item) || item < 0)
        throw new RangeError(`bonus/penalty item ${item} refused for ${unitId}`);
    const before = standingOf(unit);
    if (extras.bonus) unit.bonusItems = [...extras.bonus];
    if (extras.penalty) unit.penaltyItems = [...extras.penalty];
    unit.bonus = cappedSum(unit.bonusItems, unit.bonusCap);
    unit.penalty = cappedSum(unit.penaltyItems, unit.penaltyCap);
    return this.settle(unit, before);
  }

  /** A snapshot of one unit's totals, equal to computeUnitTotals on the same inputs. */
  totals(unitId: string): UnitTotals {
    const u = this.unit(unitId);
    return {
      unitId: u.unitId,
      unitTypeId: u.unitTypeId,
      name: u.name,
      base: u.appraisedPoints + u.surveyPoints,
      appraisedPoints: u.appraisedPoints,
      surveyPoints: u.surveyPoints,
      applicableMax: u.applicableMax,
      bonus: u.bonus,
      penalty: u.penalty,
      total: u.total,
      index: u.index,
      areas: u.areas.map((area) => ({ ...area })),
    };
  }

  /** The ranking of one unit type, equal to rankGroup over full recomputes; empty for an unknown type. */
  ranking(unitTypeId: string): readonly RankEntry[] {
    const group = this.groups.get(unitTypeId);
    if (!group) return [];
    group.entries ??= assignRanks(group.sorted, this.options);
    return group.entries;
  }

  /** The unit types the model ranks. */
  unitTypeIds(): string[] {
    return [...this.groups.keys()];
  }

  private unit(unitId: string): UnitState {
    const unit = this.units.get(unitId);
    if (!unit) throw new Error(`unknown unit ${unitId}`);
    return unit;
  }

  // O(1): only the leaf's own contribution, its area and the unit's sums move.
  private refreshLeaf(unit: UnitState, state: LeafState): void {
    const points = contribution(state, unit.survey);
    const max = state.leaf.applicable ? state.leaf.maxPoints : 0;
    const dPoints = points - state.points;
    const dMax = max - state.max;
    if (dPoints === 0 && dMax === 0) return;
    state.points = points;
    state.max = max;
    state.area.achieved += dPoints;
    state.area.applicableMax += dMax;
    state.area.index = computeIndex(state.area.achieved, state.area.applicableMax);
    if (state.leaf.method === "survey") unit.surveyPoints += dPoints;
    else unit.appraisedPoints += dPoints;
    unit.applicableMax += dMax;
  }

  // Recomputes the unit's final figures and, only if its ranking row moved, re-inserts that one unit in its own
  // group: O(log n) search + O(n) splice, no other group is touched.
  private settle(unit: UnitState, before: readonly unknown[]): boolean {
    unit.total = finalTotal(unit.appraisedPoints + unit.surveyPoints, unit.bonus, unit.penalty);
    unit.index = computeIndex(unit.total, unit.applicableMax);
    const after = standingOf(unit);
    if (before.every((value, i) => value === after[i])) return false;
    const group = this.groups.get(unit.unitTypeId)!;
    group.sorted.splice(group.sorted.indexOf(unit), 1);
    let lo = 0;
    let hi = group.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareForDisplay(group.sorted[mid], unit, this.options) < 0) lo = mid + 1;
      else hi = mid;
    }
    group.sorted.splice(lo, 0, unit);
    group.entries = null;
    return true;
  }
}

// Every field a ranking row shows or sorts on; if none moved, the group's table is unchanged.
function standingOf(unit: UnitState): readonly unknown[] {
  return [unit.total, unit.index, unit.appraisedPoints, unit.surveyPoints, unit.penalty];
}

function leafOf(unit: UnitState, code: string): LeafState {
  const state = unit.leaves.get(code);
  if (!state) throw new Error(`unknown leaf ${code} for unit ${unit.unitId}`);
  return state;
}

// Mirrors leafPoints() in totals.ts on the model's own state, without building an input object per change.
function contribution(state: LeafState, survey: Map<string, Centi>): Centi {
  if (!state.leaf.applicable) return 0;
  if (state.leaf.method === "survey") return survey.get(state.leaf.code) ?? 0;
  return officialScore(state.stages) ?? 0;
}

function createUnitState(input: UnitInput): UnitState {
  const unit: UnitState = {
    unitId: input.unitId,
    unitTypeId: input.unitTypeId,
    name: input.name ?? "",
    leaves: new Map(),
    areas: [],
    survey: new Map(),
    bonusItems: [...input.bonus],
    penaltyItems: [...input.penalty],
    bonusCap: input.bonusCap,
    penaltyCap: input.penaltyCap,
    appraisedPoints: 0,
    surveyPoints: 0,
    applicableMax: 0,
    bonus: cappedSum(input.bonus, input.bonusCap),
    penalty: cappedSum(input.penalty, input.penaltyCap),
    total: 0,
    index: null,
  };
  for (const [code, points] of Object.entries(input.surveyPoints ?? {}))
    if (points !== undefined) unit.survey.set(code, points);
  const areaByCode = new Map<string, AreaTotals>();
  for (const leaf of input.leaves) {
    if (unit.leaves.has(leaf.code)) throw new Error(`duplicate leaf ${leaf.code} for unit ${input.unitId}`);
    let area = areaByCode.get(leaf.areaCode);
    if (!area) {
      area = { areaCode: leaf.areaCode, achieved: 0, applicableMax: 0, index: null };
      areaByCode.set(leaf.areaCode, area);
      unit.areas.push(area);
    }
    const stages: MutableStages = toStageScores(input.scores[leaf.code] ?? {});
    const state: LeafState = { leaf: { ...leaf }, area, stages, points: 0, max: 0 };
    state.points = contribution(state, unit.survey);
    state.max = leaf.applicable ? leaf.maxPoints : 0;
    unit.leaves.set(leaf.code, state);
    area.achieved += state.points;
    area.applicableMax += state.max;
    if (leaf.method === "survey") unit.surveyPoints += state.points;
    else unit.appraisedPoints += state.points;
    unit.applicableMax += state.max;
  }
  for (const area of unit.areas) area.index = computeIndex(area.achieved, area.applicableMax);
  unit.total = finalTotal(unit.appraisedPoints + unit.surveyPoints, unit.bonus, unit.penalty);
  unit.index = computeIndex(unit.total, unit.applicableMax);
  return unit;
}
