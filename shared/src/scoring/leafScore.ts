/** A leaf's official score, its stage differences, and the check every entered score must pass (docs/domain.md §3). */
import { scaleProblem, type Centi } from "../points";
import type { Leaf, Stage, StageScores } from "./types";

// The explanation is the agency's *proposal* of a revision (giải trình); only the council's round 2 can adopt it,
// so it never becomes the official score by itself and is skipped below. The stages are read by name, latest
// first, rather than through a list of keys: this runs for every leaf of every unit on a full recompute, and
// named reads of same-shaped objects stay fast where computed keys fall back to a slow generic lookup.
function councilOrNull(scores: StageScores): Centi | null {
  const agreed = scores.agreed;
  if (agreed !== undefined && agreed !== null) return agreed;
  const round2 = scores.round2;
  if (round2 !== undefined && round2 !== null) return round2;
  const round1 = scores.round1;
  if (round1 !== undefined && round1 !== null) return round1;
  return null;
}

/**
 * Stage scores with all five stages present (null when missing), in one fixed key order. Objects of one shape keep
 * the engine's reads fast (about twice as fast on a national full recompute); database rows already have it.
 */
export function toStageScores(stages: StageScores): StageScores {
  return {
    self: stages.self ?? null,
    round1: stages.round1 ?? null,
    explanation: stages.explanation ?? null,
    round2: stages.round2 ?? null,
    agreed: stages.agreed ?? null,
  };
}

/** The official score of a leaf: the last stage that exists in self → round 1 → round 2 → agreed; null if none. */
export function officialScore(scores: StageScores | undefined): Centi | null {
  if (scores === undefined) return null;
  return councilOrNull(scores) ?? scores.self ?? null;
}

/** The council's latest score (agreed, else round 2, else round 1); null before round 1. */
export function councilScore(scores: StageScores | undefined): Centi | null {
  return scores === undefined ? null : councilOrNull(scores);
}

/** `to − from` between two stages of one leaf; null when either stage is missing. */
export function stageDifference(scores: StageScores | undefined, from: Stage, to: Stage): Centi | null {
  const a = scores?.[from];
  const b = scores?.[to];
  return a === undefined || a === null || b === undefined || b === null ? null : b - a;
}

/** What the meeting screen shows for a leaf: self, the council's latest score, and council − self. */
export function selfVsCouncil(scores: StageScores | undefined): {
  self: Centi | null;
  council: Centi | null;
  difference: Centi | null;
} {
  const self = scores?.self ?? null;
  const council = councilScore(scores);
  return { self, council, difference: self === null || council === null ? null : council - self };
}

/** Why a score was refused; each reason maps to a message in the user's language on the client. */
export type LeafScoreProblem =
  "not_applicable" | "survey_leaf" | "council_only" | "out_of_range" | "off_step";

/** Result of `validateLeafScore`. */
export type LeafScoreCheck = { ok: true } | { ok: false; problem: LeafScoreProblem };

/** Checks a score someone enters for a leaf: applicable, entered by hand, in [0, max] and on the step. */
export function validateLeafScore(leaf: Leaf, score: Centi, stage?: Stage): LeafScoreCheck {
  if (!leaf.applicable) return { ok: false, problem: "not_applicable" };
  // Survey leaves are computed from the answers (docs/domain.md §3), so no stage may type a value into them.
  if (leaf.method === "survey") return { ok: false, problem: "survey_leaf" };
  if (leaf.method === "council" && stage === "self") return { ok: false, problem: "council_only" };
  const problem = scaleProblem(score, leaf.maxPoints, leaf.step);
  return problem ? { ok: false, problem } : { ok: true };
}
