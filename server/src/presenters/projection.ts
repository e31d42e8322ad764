import {
  centiToNumber,
  definitionOfLeaf,
  figuresToView,
  levelsOf,
  levelToView,
  ruleToView,
  classify,
  computeUnitTotals,
  scoreProblemMessage,
  type Locale,
  type ClassificationBand,
  type ClassificationOverride,
  type TMeetingProjection,
  type TProjectionLeaf,
} from "@ca/shared";
import type { DossierProjection } from "../collab/dossierProjection";
import { preMeetingScores } from "../commands/lockMeetingDossier";
import type { DossierState } from "../queries/dossierState";
import type { PeriodRules } from "../queries/periods";
import { councilStages, unitInputOf } from "../services/dossierScoring";

const points = (centi: number | null) => (centi === null ? null : centiToNumber(centi));
type Answer = { level: string | null; figures: Parameters<typeof figuresToView>[0] | null };
/** A stage's level or figures as the API carries them; null when it recorded neither (a `points` leaf). */
const kindRecord = (a: Answer | null | undefined) =>
  a && (a.level || a.figures)
    ? { level: a.level, figures: a.figures ? figuresToView(a.figures) : null }
    : null;

/** A dossier in a meeting: per leaf the official score, the live proposal and its verdict; both sets of totals. */
export function presentProjection(
  meetingId: string,
  state: DossierState,
  projection: DossierProjection,
  locale: Locale = "vi",
): TMeetingProjection {
  const rules = state.period.rules as PeriodRules;
  const official = preMeetingScores(state);
  const current = projection.read();
  const stages = councilStages(state.status);
  const stagesOf = (itemId: string): TProjectionLeaf["stages"] => {
    const of = (stage: string) => {
      const s = state.scores.find((x) => x.itemId === itemId && x.stage === stage && x.confirmed);
      return s ? centiToNumber(s.score) : null;
    };
    // The agency's latest proposed revision among its answers to requests on this leaf.
    const answered = state.comments.filter(
      (c) => c.itemId === itemId && c.kind === "request" && c.proposedScore !== null,
    );
    const proposed = answered.length ? answered[answered.length - 1].proposedScore : null;
    return {
      self: of("self"),
      round1: of("round1"),
      proposed: proposed === null ? null : centiToNumber(proposed),
      round2: of("round2"),
      survey: of("survey"),
    };
  };
  const answersOf = (itemId: string): TProjectionLeaf["answers"] => {
    const of = (stage: string) =>
      kindRecord(state.scores.find((x) => x.itemId === itemId && x.stage === stage && x.confirmed));
    const answered = state.comments.filter(
      (c) => c.itemId === itemId && c.kind === "request" && c.proposedScore !== null,
    );
    const last = answered[answered.length - 1];
    return {
      self: of("self"),
      round1: of("round1"),
      proposed: last ? kindRecord({ level: last.proposedLevel, figures: last.proposedFigures }) : null,
      round2: of("round2"),
    };
  };
  const officialTotals = computeUnitTotals(unitInputOf(state, stages));
  const provisional = computeUnitTotals(unitInputOf(state, stages, projection.proposals));
  const cls = classify(
    provisional,
    rules.classificationBands as ClassificationBand[],
    rules.classificationOverrides as ClassificationOverride[],
  );
  return {
    meetingId,
    dossierId: state.dossier.id,
    leaves: [...projection.ctx.leaves.values()].map((leaf) => {
      const { adjustment, review } = current.get(leaf.code) ?? { adjustment: null, review: null };
      const locked = projection.ctx.locked.get(leaf.code);
      return {
        code: leaf.code,
        area: leaf.area,
        title: leaf.title,
        maxPoints: centiToNumber(leaf.maxPoints),
        step: centiToNumber(leaf.step),
        method: leaf.method as TProjectionLeaf["method"],
        kind: leaf.scoringKind,
        levels:
          leaf.scoringKind === "levels" || leaf.scoringKind === "yesno"
            ? levelsOf(definitionOfLeaf(leaf)).map(levelToView)
            : null,
        rule: leaf.quantityRule ? ruleToView(leaf.quantityRule) : null,
        stages: stagesOf(leaf.id),
        answers: answersOf(leaf.id),
        official: points(official.get(leaf.code) ?? null),
        adjustment: adjustment
          ? {
              score: centiToNumber(adjustment.score),
              level: adjustment.level ?? null,
              figures: adjustment.figures ? figuresToView(adjustment.figures) : null,
              by: adjustment.by,
              byName: state.userName.get(adjustment.by) ?? null,
              at: adjustment.at,
            }
          : null,
        valid: locked !== undefined || !adjustment ? null : review?.state !== "invalid",
        reason: review?.state === "invalid" ? scoreProblemMessage(review.problem, review.vars, locale) : null,
        locked: locked !== undefined,
        agreed: points(locked ?? null),
      };
    }),
    official: { total: centiToNumber(officialTotals.total), index: points(officialTotals.index) },
    provisional: {
      total: centiToNumber(provisional.total),
      index: points(provisional.index),
      classification: cls.band,
    },
  };
}
