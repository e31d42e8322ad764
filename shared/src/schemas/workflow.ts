import { z } from "zod";
import { MILESTONE_KEYS } from "../workflow";
import { ZDossierStatus } from "./dossier";
import { ZId, ZInstant, ZPoints, ZReason, ZUnitRef } from "./common";
import { ZFiguresView, ZLevelView, ZRuleView, ZScoringKind } from "./kinds";

/** A level's code, as the leaf lists it (docs/scoring-kinds.md). */
export const ZLevelCode = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/, "a level code such as A or yes");
const ZNote = z.string().trim().max(4000).default("");

/**
 * PUT /api/dossiers/:id/items/:code/self — the agency's answer for one leaf, by the leaf's kind: points, a level,
 * or figures. The server derives the points from a level or figures.
 */
export const ZSelfScore = z.union([
  z.strictObject({ score: ZPoints, note: ZNote }),
  z.strictObject({ level: ZLevelCode, note: ZNote }),
  z.strictObject({ figures: ZFiguresView, note: ZNote }),
]);
export type TSelfScore = z.infer<typeof ZSelfScore>;

/** How many of points, level and figures an answer gives (one kind's answer at most). */
const answersGiven = (a: { score?: unknown; level?: unknown; figures?: unknown }) =>
  [a.score, a.level, a.figures].filter((x) => x !== null && x !== undefined).length;

/** PUT /api/dossiers/:id/items/:code/review — the council's appraisal of one leaf in a round. */
export const ZReview = z
  .strictObject({
    round: z.union([z.literal(1), z.literal(2)]),
    score: ZPoints.nullable().default(null),
    level: ZLevelCode.nullable().default(null),
    figures: ZFiguresView.nullable().default(null),
    comment: z.string().trim().max(4000).default(""),
    requestExplanation: z.boolean().default(false),
  })
  .refine((r) => answersGiven(r) <= 1, {
    message: "one of score, level or figures, by the leaf's kind",
    path: ["score"],
  })
  .refine((r) => answersGiven(r) === 1 || r.comment !== "", {
    message: "a score (or level, or figures) or a comment is required",
    path: ["score"],
  })
  .refine((r) => !r.requestExplanation || (r.round === 1 && r.comment !== ""), {
    message: "a request for explanation needs a comment, in round 1",
    path: ["requestExplanation"],
  });
export type TReview = z.infer<typeof ZReview>;

/** POST /api/comments/:id/answer — the agency's explanation. */
export const ZAnswer = z
  .strictObject({
    answer: z.string().trim().min(1).max(8000),
    /** The revision the agency proposes, by the leaf's kind: points, a level, or figures. */
    proposedScore: ZPoints.nullable().default(null),
    proposedLevel: ZLevelCode.nullable().default(null),
    proposedFigures: ZFiguresView.nullable().default(null),
  })
  .refine(
    (a) => answersGiven({ score: a.proposedScore, level: a.proposedLevel, figures: a.proposedFigures }) <= 1,
    { message: "one of proposedScore, proposedLevel or proposedFigures", path: ["proposedScore"] },
  );
export type TAnswer = z.infer<typeof ZAnswer>;

/** PUT /api/dossiers/:id/items/:code/applicability — a leaf that does not apply to the unit. */
export const ZApplicability = z.strictObject({ applicable: z.boolean(), reason: ZReason });

/** POST /api/dossiers/:id/transition. */
export const ZTransition = z.strictObject({ to: ZDossierStatus });

/** POST /api/dossiers/:id/extensions — the admin extends one unit's window. */
export const ZExtension = z.strictObject({
  milestoneKey: z.enum(MILESTONE_KEYS),
  until: ZInstant,
  reason: ZReason,
});

/**
 * GET /api/periods/:id/extensions — the extensions granted to the dossiers the caller reads (an agency: its own),
 * so that every screen applies the one rule for a unit's deadlines (`unitDeadline`, shared/src/deadlines.ts).
 */
export const ZUnitExtensionRow = z.object({
  dossierId: ZId,
  milestoneKey: z.enum(MILESTONE_KEYS),
  until: z.string(),
});
export type TUnitExtensionRow = z.infer<typeof ZUnitExtensionRow>;

/** POST /api/periods/:id/reminders — reminders to the accounts of the chosen units. */
export const ZReminder = z.strictObject({
  dossierIds: z.array(ZId).min(1).max(500),
  message: z.string().trim().min(3).max(1000),
});

export const ZStageScore = z.object({
  /** Points: given on a `points` leaf, derived by the server from the level or the figures otherwise. */
  score: ZPoints,
  /** The level chosen (`levels`, `yesno`), else null. */
  level: z.string().nullable(),
  /** The figures reported or appraised (`quantity`), else null. */
  figures: ZFiguresView.nullable(),
  /** The agency's note on its self-assessment; null on the council's stages for anyone outside the council. */
  note: z.string().nullable(),
  confirmed: z.boolean(),
  /** Who wrote the score; on the council's stages, null for anyone outside the council (docs/visibility.md). */
  by: z.string().nullable(),
  at: z.string(),
});

export const ZFileInfo = z.object({
  id: ZId,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  purpose: z.string(),
  uploadedAt: z.string(),
  url: z.string(),
});

export const ZComment = z.object({
  id: ZId,
  code: z.string(),
  round: z.number().int(),
  kind: z.enum(["internal", "request"]),
  body: z.string(),
  author: z.string().nullable(),
  status: z.enum(["open", "answered", "resolved"]),
  answer: z.string().nullable(),
  proposedScore: ZPoints.nullable(),
  proposedLevel: z.string().nullable(),
  proposedFigures: ZFiguresView.nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZLeafView = z.object({
  code: z.string(),
  areaCode: z.string(),
  title: z.string(),
  titleEn: z.string(),
  guidance: z.string(),
  maxPoints: ZPoints,
  step: ZPoints,
  method: z.enum(["self", "survey", "council"]),
  /** The scoring kind: how an answer becomes points (docs/scoring-kinds.md). */
  kind: ZScoringKind,
  /** The levels a scorer picks from (`levels`, `yesno`), else null. */
  levels: z.array(ZLevelView).nullable(),
  /** The rule that turns figures into points (`quantity`), else null. */
  rule: ZRuleView.nullable(),
  evidenceRequired: z.boolean(),
  applicable: z.boolean(),
  /** Only the stages the caller may see at this moment. */
  stages: z.object({
    self: ZStageScore.optional(),
    round1: ZStageScore.optional(),
    round2: ZStageScore.optional(),
    agreed: ZStageScore.optional(),
  }),
  official: ZPoints.nullable(),
  evidence: z.array(ZFileInfo),
  comments: z.array(ZComment),
});
export type TLeafView = z.infer<typeof ZLeafView>;

export const ZTotalsView = z.object({
  total: ZPoints,
  applicableMax: ZPoints,
  index: ZPoints.nullable(),
  bonus: ZPoints,
  penalty: ZPoints,
  areas: z.array(
    z.object({ areaCode: z.string(), achieved: ZPoints, applicableMax: ZPoints, index: ZPoints.nullable() }),
  ),
});

export const ZDossierDetail = z.object({
  id: ZId,
  period: z.object({ id: ZId, code: z.string(), name: z.string() }),
  unit: ZUnitRef,
  status: ZDossierStatus,
  version: z.number().int(),
  areas: z.array(z.object({ code: z.string(), title: z.string(), titleEn: z.string(), maxPoints: ZPoints })),
  leaves: z.array(ZLeafView),
  /** Totals from the self-assessment, and from the latest stage the caller may see. */
  selfTotals: ZTotalsView,
  officialTotals: ZTotalsView,
  reports: z.array(ZFileInfo),
  windows: z.record(
    z.string(),
    z.object({
      open: z.boolean(),
      /** Before the window opens, in it, or after its (extended) deadline. */
      state: z.enum(["upcoming", "open", "closed"]),
      startsAt: z.string().nullable(),
      deadline: z.string(),
      extendedUntil: z.string().nullable(),
    }),
  ),
});
export type TDossierDetail = z.infer<typeof ZDossierDetail>;

export const ZProgressRow = z.object({
  dossierId: ZId,
  unit: ZUnitRef,
  status: ZDossierStatus,
  unscored: z.number().int(),
  missingEvidence: z.number().int(),
  openRequests: z.number().int(),
  nextDeadline: z.object({ key: z.string(), deadline: z.string() }).nullable(),
  late: z.boolean(),
});
export type TProgressRow = z.infer<typeof ZProgressRow>;

export const ZNotification = z.object({
  id: ZId,
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  read: z.boolean(),
  createdAt: z.string(),
});

/** PUT /api/dossiers/:id/items/:code/self — the leaf's points as saved. */
export const ZSelfScoreResult = z.object({
  code: z.string(),
  /** The points given, or derived from the level or figures. */
  score: ZPoints,
  level: z.string().nullable(),
  figures: ZFiguresView.nullable(),
  note: z.string(),
  version: z.number().int(),
});

/** DELETE /api/dossiers/:id/items/:code/self — the agency's own score of the leaf taken back (false: it had none). */
export const ZSelfScoreCleared = z.object({
  code: z.string(),
  cleared: z.boolean(),
  version: z.number().int(),
});
export type TSelfScoreCleared = z.infer<typeof ZSelfScoreCleared>;

/** PUT /api/dossiers/:id/items/:code/review — the appraisal as saved, with the comment it created if any. */
export const ZReviewResult = z.object({
  code: z.string(),
  round: z.number().int(),
  score: ZPoints.nullable(),
  level: z.string().nullable(),
  figures: ZFiguresView.nullable(),
  commentId: ZId.nullable(),
  version: z.number().int(),
});

/** POST /api/comments/:id/answer — the request with its answer. */
export const ZAnswerResult = z.object({
  id: ZId,
  status: z.enum(["open", "answered", "resolved"]),
  answer: z.string().nullable(),
  proposedScore: ZPoints.nullable(),
  proposedLevel: z.string().nullable(),
  proposedFigures: ZFiguresView.nullable(),
});

/** POST /api/comments/:id/resolve. */
export const ZCommentState = z.object({ id: ZId, status: z.enum(["open", "answered", "resolved"]) });

/** A dossier moved to another state (transition, submission, explanation). */
export const ZDossierMove = z.object({ id: ZId, status: ZDossierStatus, version: z.number().int() });

/** PUT /api/dossiers/:id/items/:code/applicability. */
export const ZApplicabilityResult = z.object({
  code: z.string(),
  applicable: z.boolean(),
  version: z.number().int(),
});

/** POST /api/dossiers/:id/extensions. */
export const ZExtensionResult = z.object({
  id: ZId,
  milestoneKey: z.enum(MILESTONE_KEYS),
  until: z.string(),
  reason: z.string(),
});

/** POST /api/periods/:id/reminders — how many accounts were reminded. */
export const ZReminderResult = z.object({ recipients: z.number().int() });
