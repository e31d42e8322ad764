import { z } from "zod";
import { ZDossierStatus } from "./dossier";
import { ZId, ZInstant } from "./common";

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
  unit: z.object({ id: ZId, code: z.string(), name: z.string(), unitType: z.string() }),
  status: ZDossierStatus,
  /** The y-websocket room name of this dossier's document in this meeting. */
  room: z.string(),
  /** Council-side users with a conflict of interest on this dossier (declared, or from the unit itself). */
  recusedUserIds: z.array(ZId),
  abilities: z.object({ viewDocument: z.boolean(), editDocument: z.boolean(), lock: z.boolean() }),
});
export type TMeetingAgendaItem = z.infer<typeof ZMeetingAgendaItem>;

/** GET /api/meetings/:id. */
export const ZMeeting = ZMeetingSummary.extend({
  createdBy: ZId.nullable(),
  agenda: z.array(ZMeetingAgendaItem),
});
export type TMeeting = z.infer<typeof ZMeeting>;
