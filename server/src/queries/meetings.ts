import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { collabRoom, type DossierResource, type MeetingResource } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { councilMembers, dossiers, meetingAgenda, meetings, unitTypes, units, users } from "../db/schema";
import { notFound } from "../http/errors";
import { listDossiersOfPeriod, type DossierListRow } from "./dossiers";

export type MeetingRow = typeof meetings.$inferSelect;

/** The policy's view of a meeting, optionally about one of its agenda dossiers. */
export function toMeetingResource(m: MeetingRow, dossier?: DossierResource): MeetingResource {
  return {
    type: "meeting",
    id: m.id,
    periodId: m.periodId,
    status: m.status,
    ...(dossier ? { dossier } : {}),
  };
}

/** One meeting with its policy resource, or 404. */
export async function loadMeeting(db: DbOrTx, id: string) {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  if (!row) throw notFound();
  return { row, resource: toMeetingResource(row) };
}

/** The meetings of a period, newest first, with the size of each agenda. */
export async function listMeetingsOfPeriod(db: DbOrTx, periodId: string) {
  const rows = await db
    .select()
    .from(meetings)
    .where(eq(meetings.periodId, periodId))
    .orderBy(desc(meetings.startsAt), desc(meetings.createdAt));
  const sizes = rows.length
    ? await db
        .select({ meetingId: meetingAgenda.meetingId, n: count() })
        .from(meetingAgenda)
        .where(
          inArray(
            meetingAgenda.meetingId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(meetingAgenda.meetingId)
    : [];
  return rows.map((row) => ({ row, agendaSize: sizes.find((s) => s.meetingId === row.id)?.n ?? 0 }));
}

export interface AgendaItem {
  position: number;
  dossier: DossierListRow;
  resource: DossierResource;
  /** The Yjs document (room) of this dossier in this meeting. */
  room: string;
  /**
   * Everyone recused on it, for the tracker: declared conflicts plus council members from the unit itself (who
   * are recused by the policy without a declaration, docs/domain.md §1).
   */
  recusedUserIds: string[];
}

/** A meeting's agenda in order, each dossier with its policy resource and who is recused on it. */
export async function loadAgenda(db: DbOrTx, meeting: MeetingRow): Promise<AgendaItem[]> {
  // Sequential: callers pass a transaction too, whose one connection runs one query at a time.
  const items = await db
    .select()
    .from(meetingAgenda)
    .where(eq(meetingAgenda.meetingId, meeting.id))
    .orderBy(asc(meetingAgenda.position));
  const periodDossiers = await listDossiersOfPeriod(db, meeting.periodId);
  const seats = await db
    .select({ userId: councilMembers.userId, unitId: users.unitId })
    .from(councilMembers)
    .innerJoin(users, eq(users.id, councilMembers.userId))
    .where(eq(councilMembers.periodId, meeting.periodId));
  const byId = new Map(periodDossiers.map((d) => [d.row.id, d]));
  return items.flatMap((item) => {
    const d = byId.get(item.dossierId);
    if (!d) return [];
    const fromUnit = seats.filter((s) => s.unitId === d.row.unitId).map((s) => s.userId);
    return [
      {
        position: item.position,
        dossier: d.row,
        resource: d.resource,
        room: collabRoom(meeting.id, d.row.id),
        recusedUserIds: [...new Set([...d.resource.recusedUserIds, ...fromUnit])].sort(),
      },
    ];
  });
}

/** True when the dossier is on the meeting's agenda. */
export async function isOnAgenda(db: DbOrTx, meetingId: string, dossierId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: meetingAgenda.dossierId })
    .from(meetingAgenda)
    .where(and(eq(meetingAgenda.meetingId, meetingId), eq(meetingAgenda.dossierId, dossierId)))
    .limit(1);
  return row !== undefined;
}

/** The dossiers of a period among the given ids, with their unit names (for checks and messages). */
export async function dossiersOfPeriod(db: DbOrTx, periodId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: dossiers.id, status: dossiers.status, unitName: units.name, unitType: unitTypes.code })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .innerJoin(unitTypes, eq(unitTypes.id, units.unitTypeId))
    .where(and(eq(dossiers.periodId, periodId), inArray(dossiers.id, ids)));
}
