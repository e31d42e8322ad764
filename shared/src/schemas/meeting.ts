import { z } from "zod";
import { ZFiguresView, ZKindRecord, ZLevelView, ZRuleView, ZScoringKind } from "./kinds";
import { ZDossierStatus } from "./dossier";
import { ZId, ZInstant, ZPoints, ZUnitRef } from "./common";
import { ZAgreementRow } from "./ranking";

export const MEETING_STATUSES = ["planned", "running", "ended"] as const;
export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export type TMeetingStatus = z.infer<typeof ZMeetingStatus>;

/** POST /api/periods/:id/meetings — the chair plans a meeting: title, when, and the dossiers in order. */
export const ZMeetingCreate = z.strictObject({
  title: z.string().trim().min(3).max(300),
  startsAt: ZInstant,
  agenda: z
    .array(ZId)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, "each dossier once"),
});
export type TMeetingCreate = z.infer<typeof ZMeetingCreate>;

/** A meeting in a list. */
export const ZMeetingSummary = z.object({
  id: ZId,
  periodId: ZId,
  title: z.string(),
  startsAt: z.string(),
  status: ZMeetingStatus,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  agendaSize: z.number().int(),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;

/** One agenda item: the dossier, its Yjs room, who is recused on it, and what the caller may do with it. */
export const ZMeetingAgendaItem = z.object({
  position: z.number().int(),
  dossierId: ZId,
  unit: ZUnitRef,
  status: ZDossierStatus,
  /** The y-websocket room name of this dossier's document in this meeting. */
  room: z.string(),
  /** Council-side users with a conflict of interest on this dossier (declared, or from the unit itself). */
  recusedUserIds: z.array(ZId),
  abilities: z.object({ viewDocument: z.boolean(), editDocument: z.boolean(), lock: z.boolean() }),
});
export type TMeetingAgendaItem = z.infer<typeof ZMeetingAgendaItem>;

/** Where the chair is: the dossier on screen and the leaf under discussion (the meeting tracker). */
export const ZMeetingFocus = z.object({
  meetingId: ZId,
  dossierId: ZId.nullable(),
  leafCode: z.string().nullable(),
  by: ZId,
  at: z.string(),
});
export type TMeetingFocus = z.infer<typeof ZMeetingFocus>;

/** POST /api/meetings/:id/focus — the chair (or admin) moves the meeting to a dossier and, optionally, a leaf. */
export const ZMeetingFocusInput = z.strictObject({
  dossierId: ZId,
  leafCode: z.string().trim().min(1).max(40).nullable(),
});
export type TMeetingFocusInput = z.infer<typeof ZMeetingFocusInput>;

/** One person connected to the meeting and what they look at (Socket.IO presence, stamped by the server). */
export const ZMeetingPresence = z.object({
  userId: ZId,
  name: z.string(),
  dossierId: ZId.nullable(),
  leafCode: z.string().nullable(),
  /** True while the member's screen follows the chair's focus. */
  following: z.boolean(),
});
export type TMeetingPresence = z.infer<typeof ZMeetingPresence>;

/** POST /api/meetings/:id/dossiers/:dossierId/lock — lock the listed leaves, or (no codes) the whole dossier. */
export const ZMeetingLockInput = z.strictObject({
  codes: z.array(z.string().trim().min(1).max(40)).min(1).max(500).optional(),
});
export type TMeetingLockInput = z.infer<typeof ZMeetingLockInput>;

/** POST /api/meetings/:id/lock — the documented form: the dossier in the body, its leaves (or all of them). */
export const ZMeetingLock = ZMeetingLockInput.extend({ dossierId: ZId });
export type TMeetingLock = z.infer<typeof ZMeetingLock>;

/** One leaf as the meeting sees it: the official score before the meeting, the live proposal, and the lock. */
export const ZProjectionLeaf = z.object({
  code: z.string(),
  area: z.string(),
  title: z.string(),
  maxPoints: ZPoints,
  step: ZPoints,
  method: z.enum(["self", "survey", "council"]),
  /** The scoring kind, with the rubric (`levels`, `yesno`) or the rule (`quantity`) proposals are made on. */
  kind: ZScoringKind,
  levels: z.array(ZLevelView).nullable(),
  rule: ZRuleView.nullable(),
  /** Every stage before the meeting, for the criteria grid (confirmed scores; the agency's proposal from its answer). */
  stages: z.object({
    self: ZPoints.nullable(),
    round1: ZPoints.nullable(),
    proposed: ZPoints.nullable(),
    round2: ZPoints.nullable(),
    survey: ZPoints.nullable(),
  }),
  /** What each stage's points were derived from (level or figures), null where the stage or the kind has none. */
  answers: z.object({
    self: ZKindRecord.nullable(),
    round1: ZKindRecord.nullable(),
    proposed: ZKindRecord.nullable(),
    round2: ZKindRecord.nullable(),
  }),
  /** The latest confirmed score before the meeting (round 2, else round 1, else self), or null. */
  official: ZPoints.nullable(),
  /** The current proposal in the shared document, or null. */
  adjustment: z
    .object({
      score: ZPoints,
      /** The level or figures proposed on a leaf of that kind (its `score` is what they derive). */
      level: z.string().nullable(),
      figures: ZFiguresView.nullable(),
      by: ZId,
      byName: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  /** null without a proposal; false when the proposal is refused (out of range, off the step, not allowed, locked). */
  valid: z.boolean().nullable(),
  reason: z.string().nullable(),
  locked: z.boolean(),
  /** The agreed score once locked. */
  agreed: ZPoints.nullable(),
});
export type TProjectionLeaf = z.infer<typeof ZProjectionLeaf>;

/** GET /api/meetings/:id/dossiers/:dossierId/projection — provisional totals with the valid proposals counted. */
export const ZMeetingProjection = z.object({
  meetingId: ZId,
  dossierId: ZId,
  leaves: z.array(ZProjectionLeaf),
  official: z.object({ total: ZPoints, index: ZPoints.nullable() }),
  provisional: z.object({ total: ZPoints, index: ZPoints.nullable(), classification: z.string().nullable() }),
});
export type TMeetingProjection = z.infer<typeof ZMeetingProjection>;

/** GET /api/meetings/:id. */
export const ZMeeting = ZMeetingSummary.extend({
  createdBy: ZId.nullable(),
  agenda: z.array(ZMeetingAgendaItem),
  focus: ZMeetingFocus.nullable(),
});
export type TMeeting = z.infer<typeof ZMeeting>;

/** POST /api/periods/:id/agreements — the council's agreement on the whole ranking of one unit type. */
export const ZAgreementCreate = z.strictObject({
  unitType: z.string().trim().min(1).max(40),
  minutes: z.string().trim().min(1).max(50_000),
});
export type TAgreementCreate = z.infer<typeof ZAgreementCreate>;

/** A recorded agreement: the ranking as agreed (frozen), with the minutes. */
export const ZAgreement = z.object({
  id: ZId,
  periodId: ZId,
  unitType: z.string(),
  minutes: z.string(),
  agreedAt: z.string(),
  agreedBy: z.object({ id: ZId, name: z.string() }),
  ranking: z.array(ZAgreementRow),
});
export type TAgreement = z.infer<typeof ZAgreement>;

/** A document's state frozen at a meeting milestone: start, each lock, end. */
export const ZSnapshotSummary = z.object({
  id: ZId,
  label: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
});
export type TSnapshotSummary = z.infer<typeof ZSnapshotSummary>;

/** A snapshot's content, read-only: proposals, notes per leaf, and the minutes as plain text. */
export const ZSnapshot = ZSnapshotSummary.extend({
  adjustments: z.array(
    z.object({
      code: z.string(),
      score: ZPoints,
      level: z.string().nullable(),
      figures: ZFiguresView.nullable(),
      by: ZId,
      byName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  notes: z.record(z.string(), z.string()),
  minutes: z.string(),
});
export type TSnapshot = z.infer<typeof ZSnapshot>;
