import {
  can,
  MEETING_AGENDA_ITEM,
  redact,
  viewerClassOf,
  type Actor,
  type TMeeting,
  type TMeetingSummary,
} from "@ca/shared";
import { toMeetingResource, type AgendaItem, type MeetingRow } from "../queries/meetings";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A meeting in a list. */
export function presentMeetingSummary(m: MeetingRow, agendaSize: number): TMeetingSummary {
  return {
    id: m.id,
    periodId: m.periodId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    status: m.status,
    startedAt: iso(m.startedAt),
    endedAt: iso(m.endedAt),
    agendaSize,
  };
}

/** A meeting with its agenda: per dossier its room, who is recused, and what the caller may do with it. */
export function presentMeeting(m: MeetingRow, agenda: AgendaItem[], actor: Actor): TMeeting {
  return {
    ...presentMeetingSummary(m, agenda.length),
    createdBy: m.createdBy,
    focus: m.focus ? { meetingId: m.id, ...m.focus } : null,
    agenda: agenda.map((a) => {
      const resource = toMeetingResource(m, a.resource);
      const status = a.dossier.status as TMeeting["agenda"][number]["status"];
      const item = {
        position: a.position,
        dossierId: a.dossier.id,
        unit: {
          id: a.dossier.unitId,
          code: a.dossier.unitCode,
          name: a.dossier.unitName,
          unitType: a.dossier.unitTypeCode,
        },
        status,
        room: a.room,
        recusedUserIds: a.recusedUserIds,
        abilities: {
          viewDocument: can(actor, "viewDocument", resource),
          editDocument: can(actor, "editDocument", resource),
          lock: can(actor, "lock", resource),
        },
      };
      return redact(MEETING_AGENDA_ITEM, item, viewerClassOf(actor, a.resource), status);
    }),
  };
}
