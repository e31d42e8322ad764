import {
  emptyStages,
  leafColumns,
  totalsOfColumns,
  type LeafColumns,
  type UnitColumns,
  type UnitTotals,
} from "@ca/shared";
import type { ScoreStage, ScoringState } from "../services/dossierScoring";

/**
 * The full ranking recompute in columns (docs/performance.md): a dossier's score rows go straight into typed arrays
 * laid out once per index set, instead of a per-leaf object of the stages that happen to exist (whose many shapes
 * make every read slow). Gives exactly `computeUnitTotals(unitInputOf(...))`
 * (tests/server/ranking/rankingColumns.test.ts compares the two on the sample and on random sparse data).
 */
interface Layout {
  columns: LeafColumns;
  /** Item id → column, for the leaves inside the 100 points. */
  columnOf: Map<string, number>;
  /** Item id → position among the bonus leaves, or among the penalty leaves (`-1 - position`). */
  extraOf: Map<string, number>;
  /** The same by leaf code, for proposals. */
  extraOfCode: Map<string, number>;
  bonusCount: number;
  penaltyCount: number;
  survey: Set<string>;
}

// The period's dossiers of one index set share one leaves array (loadScoringInputs), so one layout each.
const layouts = new WeakMap<ScoringState["leaves"], Layout>();

function layoutOf(leaves: ScoringState["leaves"]): Layout {
  const known = layouts.get(leaves);
  if (known) return known;
  const inside = leaves.filter((l) => l.kind !== "bonus" && l.kind !== "penalty");
  const columns = leafColumns(
    inside.map((l) => ({
      code: l.code,
      areaCode: l.code.split(".")[0],
      maxPoints: l.maxPoints,
      method: l.method,
    })),
  );
  const extraOf = new Map<string, number>();
  let bonusCount = 0;
  let penaltyCount = 0;
  for (const l of leaves) {
    if (l.kind === "bonus") extraOf.set(l.id, bonusCount++);
    else if (l.kind === "penalty") extraOf.set(l.id, -1 - penaltyCount++);
  }
  const layout: Layout = {
    columns,
    columnOf: new Map(inside.map((l, i) => [l.id, i])),
    extraOf,
    extraOfCode: new Map(leaves.filter((l) => extraOf.has(l.id)).map((l) => [l.code, extraOf.get(l.id)!])),
    bonusCount,
    penaltyCount,
    survey: new Set(leaves.filter((l) => l.method === "survey").map((l) => l.id)),
  };
  layouts.set(leaves, layout);
  return layout;
}

const STAGE_RANK = { self: 0, round1: 1, round2: 2, agreed: 3 } as const;

// A dossier's columns at one stage set are laid out once per loaded state: the ranking's base (every dossier's
// rows) is cached until something official changes, and every recompute in between — each proposal moving in a
// meeting — only overlays the proposals on a copy of the agreed column.
const laidOut = new WeakMap<ScoringState, (UnitColumns | undefined)[]>();
const STAGE_BIT = { self: 1, round1: 2, round2: 4, agreed: 8, survey: 0 } as const;

/**
 * A dossier's totals at the given stages, with a running meeting's proposals (leaf code → hundredths) counted as
 * provisional agreed scores; unconfirmed rows never count, survey points always do (as in unitInputOf).
 */
export function totalsInColumns(
  state: ScoringState,
  stages: Set<ScoreStage>,
  proposals?: ReadonlyMap<string, number>,
): UnitTotals {
  const unit = columnsFor(state, stages);
  if (proposals?.size) return totalsOfColumns(withProposals(state, unit, proposals));
  // Without proposals a dossier's totals are those of its cached columns: computed once per base load, so a
  // recompute while a meeting runs totals only the dossiers with proposals (P4, docs/performance.md). Callers
  // only read the totals they are given.
  let totals = totalsMemo.get(unit);
  if (!totals) totalsMemo.set(unit, (totals = totalsOfColumns(unit)));
  return totals;
}

const totalsMemo = new WeakMap<UnitColumns, UnitTotals>();

/** A dossier's columns at the given stages, laid out once per loaded state. */
export function columnsFor(state: ScoringState, stages: Set<ScoreStage>): UnitColumns {
  let key = 0;
  for (const stage of stages) key |= STAGE_BIT[stage];
  let perState = laidOut.get(state);
  if (!perState) laidOut.set(state, (perState = []));
  return (perState[key] ??= columnsOf(state, stages));
}

/** The proposals as agreed scores, on copies of what they touch. */
function withProposals(
  state: ScoringState,
  unit: UnitColumns,
  proposals: ReadonlyMap<string, number>,
): UnitColumns {
  const layout = layoutOf(state.leaves);
  const agreed = unit.stages.agreed.slice();
  const bonus = unit.bonus.slice();
  const penalty = unit.penalty.slice();
  for (const [code, score] of proposals) {
    const i = layout.columns.index.get(code);
    if (i !== undefined) {
      agreed[i] = score;
      continue;
    }
    const e = layout.extraOfCode.get(code);
    if (e === undefined) continue;
    if (e >= 0) bonus[e] = score;
    else penalty[-1 - e] = score;
  }
  return { ...unit, stages: { ...unit.stages, agreed }, bonus, penalty };
}

function columnsOf(state: ScoringState, stages: Set<ScoreStage>): UnitColumns {
  const layout = layoutOf(state.leaves);
  const n = layout.columns.codes.length;
  const stageColumns = emptyStages(n);
  const surveyPoints = new Int32Array(n);
  // Bonus and penalty leaves: their official score is their latest stage (rank kept beside the value).
  const bonus = new Array<number>(layout.bonusCount).fill(0);
  const penalty = new Array<number>(layout.penaltyCount).fill(0);
  const extraRank = new Map<string, number>();
  for (const s of state.scores) {
    if (s.stage === "survey") {
      if (layout.survey.has(s.itemId)) {
        const i = layout.columnOf.get(s.itemId);
        if (i !== undefined) surveyPoints[i] = s.score;
      }
      continue;
    }
    if (!s.confirmed || !stages.has(s.stage)) continue;
    const i = layout.columnOf.get(s.itemId);
    if (i !== undefined) {
      stageColumns[s.stage][i] = s.score;
      continue;
    }
    const e = layout.extraOf.get(s.itemId);
    if (e === undefined) continue;
    const rank = STAGE_RANK[s.stage];
    if ((extraRank.get(s.itemId) ?? -1) > rank) continue;
    extraRank.set(s.itemId, rank);
    if (e >= 0) bonus[e] = s.score;
    else penalty[-1 - e] = s.score;
  }
  let applicable: Uint8Array | null = null;
  if (state.notApplicable.size)
    for (const [id, i] of layout.columnOf)
      if (state.notApplicable.has(id)) (applicable ??= new Uint8Array(n).fill(1))[i] = 0;
  return {
    unitId: state.unit.id,
    unitTypeId: state.unit.unitTypeId,
    name: state.unit.name,
    leaves: layout.columns,
    stages: stageColumns,
    surveyPoints,
    applicable,
    bonus,
    penalty,
    bonusCap: state.indexSet.bonusCap,
    penaltyCap: state.indexSet.penaltyCap,
  };
}
