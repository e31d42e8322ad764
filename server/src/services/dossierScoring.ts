import {
  centiToNumber,
  officialScore,
  stagesSeen,
  type ViewerClass,
  type DossierStatus,
  type StageScores,
  type UnitInput,
  type UnitTotals,
} from "@ca/shared";
import type { ScoringState } from "../queries/scoringInputs";

/** "survey" holds the locked survey points of survey leaves (never shown as a stage; see unitInputOf). */
export type ScoreStage = "self" | "round1" | "round2" | "agreed" | "survey";

/**
 * The stages whose scores a viewer sees (docs/visibility.md, `stagesSeen`): the council side every stage as it is
 * written (drafts included); the unit its self-assessment, and each council round only once released to it.
 * Figures computed for the council as a whole (the ranking, the exports) use the admin's view, then are redacted
 * per viewer by the rule.
 */
export function visibleStages(status: DossierStatus, viewer: ViewerClass): Set<ScoreStage> {
  return new Set(stagesSeen(viewer, status));
}

/** The whole council's view (every stage), for figures computed once and redacted per viewer by the rule. */
export function councilStages(status: DossierStatus): Set<ScoreStage> {
  return visibleStages(status, "admin");
}

/**
 * The engine's input for this dossier, limited to the given stages. Unconfirmed round scores (working-group
 * drafts) never count in totals: only what a council member confirmed is the council's.
 */
export type { ScoringState };

/**
 * `proposals` (leaf code → hundredths) are the valid, unlocked adjustments of a running meeting: they count as
 * provisional agreed scores, so the live ranking moves as the council deliberates (docs/architecture.md).
 */
export function unitInputOf(
  state: ScoringState,
  stages: Set<ScoreStage>,
  proposals?: ReadonlyMap<string, number>,
): UnitInput {
  const byItem = new Map<string, Record<string, number>>();
  for (const s of state.scores) {
    if (!stages.has(s.stage) || !s.confirmed) continue;
    const entry = byItem.get(s.itemId) ?? {};
    entry[s.stage] = s.score;
    byItem.set(s.itemId, entry);
  }
  const scoresByCode: Record<string, StageScores> = {};
  const inside = state.leaves.filter((l) => l.kind !== "bonus" && l.kind !== "penalty");
  for (const leaf of state.leaves) scoresByCode[leaf.code] = byItem.get(leaf.id) ?? {};
  for (const [code, score] of proposals ?? [])
    if (scoresByCode[code]) scoresByCode[code] = { ...scoresByCode[code], agreed: score };
  const official = (code: string) => officialScore(scoresByCode[code]) ?? 0;
  return {
    unitId: state.unit.id,
    unitTypeId: state.unit.unitTypeId,
    name: state.unit.name,
    leaves: inside.map((l) => ({
      code: l.code,
      areaCode: l.code.split(".")[0],
      maxPoints: l.maxPoints,
      step: l.step,
      method: l.method,
      applicable: !state.notApplicable.has(l.id),
    })),
    scores: scoresByCode,
    bonus: state.leaves.filter((l) => l.kind === "bonus").map((l) => official(l.code)),
    penalty: state.leaves.filter((l) => l.kind === "penalty").map((l) => official(l.code)),
    bonusCap: state.indexSet.bonusCap,
    penaltyCap: state.indexSet.penaltyCap,
    // Survey points count once the admin locked the period's survey results (lockSurveyResults writes them).
    surveyPoints: surveyPointsOf(state),
  };
}

/**
 * True when the dossier is appraised at the given stages, so ranked and classified; the others are listed unranked
 * (docs/api.md), never as a 0-point tail sharing the last rank. A draft never is: until its head submits it, what
 * the unit has typed so far is work in progress, not its claim, and a half-filled draft would read "Yếu" on every
 * dashboard. From submission on, anything that counts in its totals makes it appraised: a confirmed score of one
 * of the stages, the locked survey points (they count for every reader, see unitInputOf), or a live proposal.
 */
export function isAppraised(
  status: DossierStatus,
  state: Pick<ScoringState, "scores">,
  stages: Set<ScoreStage>,
  proposals?: ReadonlyMap<string, number>,
): boolean {
  if (status === "draft") return false;
  return (
    (proposals?.size ?? 0) > 0 ||
    state.scores.some((s) => s.confirmed && (s.stage === "survey" || stages.has(s.stage)))
  );
}

/** The locked survey points of the dossier's survey leaves, by leaf code; empty before the lock. */
export function surveyPointsOf(state: Pick<ScoringState, "scores" | "leaves">): Record<string, number> {
  const codeOf = new Map(state.leaves.filter((l) => l.method === "survey").map((l) => [l.id, l.code]));
  const out: Record<string, number> = {};
  for (const s of state.scores)
    if (s.stage === "survey" && codeOf.has(s.itemId)) out[codeOf.get(s.itemId)!] = s.score;
  return out;
}

/** Totals as the API carries them: decimal points, index as a percentage with two decimals. */
export function presentTotals(t: UnitTotals) {
  return {
    total: centiToNumber(t.total),
    applicableMax: centiToNumber(t.applicableMax),
    index: t.index === null ? null : centiToNumber(t.index),
    bonus: centiToNumber(t.bonus),
    penalty: centiToNumber(t.penalty),
    areas: t.areas.map((a) => ({
      areaCode: a.areaCode,
      achieved: centiToNumber(a.achieved),
      applicableMax: centiToNumber(a.applicableMax),
      index: a.index === null ? null : centiToNumber(a.index),
    })),
  };
}
