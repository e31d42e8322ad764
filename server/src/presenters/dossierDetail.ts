import {
  centiToNumber,
  definitionOfLeaf,
  figuresToView,
  levelsOf,
  levelToView,
  ruleToView,
  computeUnitTotals,
  DOSSIER,
  officialScore,
  redact,
  type ViewerClass,
  type TComment,
  type TDossierDetail,
} from "@ca/shared";
import {
  windowOf,
  type CommentRow,
  type DossierState,
  type FileRow,
  type ScoreRow,
} from "../queries/dossierState";
import { presentTotals, unitInputOf, visibleStages, type ScoreStage } from "../services/dossierScoring";

/** A stored file as the API lists it; the bytes come only through the authorized download route. */
export function presentFile(f: FileRow) {
  return {
    id: f.id,
    name: f.originalName,
    mime: f.mime,
    size: f.size,
    purpose: f.purpose,
    uploadedAt: f.createdAt.toISOString(),
    url: `/api/files/${f.id}`,
  };
}

/** A comment with its author; what a viewer may see of it is the rule's to decide (see presentDossierDetail). */
export function presentComment(c: CommentRow, code: string, userName: Map<string, string>): TComment {
  return {
    id: c.id,
    code,
    round: c.round,
    kind: c.kind,
    body: c.body,
    author: c.authorId ? (userName.get(c.authorId) ?? null) : null,
    status: c.status,
    answer: c.answer,
    proposedScore: c.proposedScore === null ? null : centiToNumber(c.proposedScore),
    proposedLevel: c.proposedLevel,
    proposedFigures: c.proposedFigures && figuresToView(c.proposedFigures),
    createdAt: c.createdAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
  };
}

/**
 * The dossier as this viewer may see it right now: presented whole, then redacted by the visibility rule
 * (docs/visibility.md) — an agency gets its self-assessment, the requests addressed to it and each council round once
 * released, never an internal note nor who wrote what; the council side gets everything, drafts marked. Totals
 * are computed from the stages the viewer sees, so no figure runs ahead of them.
 */
export function presentDossierDetail(
  state: DossierState,
  viewer: ViewerClass,
  now = new Date(),
): TDossierDetail {
  const stages = visibleStages(state.status, viewer);
  const stageOf = (s: ScoreRow) => ({
    score: centiToNumber(s.score),
    level: s.level,
    figures: s.figures && figuresToView(s.figures),
    note: s.note,
    confirmed: s.confirmed,
    by: s.authorId ? (state.userName.get(s.authorId) ?? null) : null,
    at: s.updatedAt.toISOString(),
  });
  const input = unitInputOf(state, stages);
  const leaves = state.leaves.map((leaf) => {
    const own = state.scores.filter((s) => s.itemId === leaf.id && stages.has(s.stage));
    const byStage: Partial<Record<ScoreStage, ReturnType<typeof stageOf>>> = {};
    for (const s of own) byStage[s.stage] = stageOf(s);
    const official = officialScore(input.scores[leaf.code]);
    return {
      code: leaf.code,
      areaCode: leaf.code.split(".")[0],
      title: leaf.title,
      titleEn: leaf.titleEn,
      guidance: leaf.guidance,
      maxPoints: centiToNumber(leaf.maxPoints),
      step: centiToNumber(leaf.step),
      method: leaf.method,
      kind: leaf.scoringKind,
      levels:
        leaf.scoringKind === "levels" || leaf.scoringKind === "yesno"
          ? levelsOf(definitionOfLeaf(leaf)).map(levelToView)
          : null,
      rule: leaf.quantityRule && ruleToView(leaf.quantityRule),
      evidenceRequired: leaf.evidenceRequired,
      applicable: !state.notApplicable.has(leaf.id),
      stages: byStage,
      official: official === null ? null : centiToNumber(official),
      evidence: state.files.filter((f) => f.itemId === leaf.id).map(presentFile),
      comments: state.comments
        .filter((c) => c.itemId === leaf.id)
        .map((c) => presentComment(c, leaf.code, state.userName)),
    };
  });
  const windows = Object.fromEntries(
    ["self_assessment", "round1", "explanation", "round2"].map((key) => {
      const w = windowOf(state, key, now);
      return [
        key,
        {
          open: w.open,
          state: w.state,
          startsAt: w.startsAt?.toISOString() ?? null,
          deadline: w.deadline?.toISOString() ?? "",
          extendedUntil: w.extendedUntil?.toISOString() ?? null,
        },
      ];
    }),
  );
  return redact(
    DOSSIER,
    {
      id: state.dossier.id,
      period: { id: state.period.id, code: state.period.code, name: state.period.name },
      unit: {
        id: state.unit.id,
        code: state.unit.code,
        name: state.unit.name,
        unitType: state.dossier.unitTypeCode,
      },
      status: state.status,
      version: state.dossier.version,
      areas: state.items
        .filter((i) => i.kind === "area")
        .map((a) => ({
          code: a.code,
          title: a.title,
          titleEn: a.titleEn,
          maxPoints: centiToNumber(a.maxPoints),
        })),
      leaves,
      selfTotals: presentTotals(computeUnitTotals(unitInputOf(state, new Set(["self"])))),
      officialTotals: presentTotals(computeUnitTotals(input)),
      reports: state.files.filter((f) => f.purpose.startsWith("signed_")).map(presentFile),
      windows,
    },
    viewer,
    state.status,
  );
}
