import { and, eq } from "drizzle-orm";
import { can, COLLAB_CLOSE, isRecused, parseCollabRoom, type Actor, type CollabCloseCode } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { dossiers, indexItems, periodIndexSets, units } from "../db/schema";
import { AppError } from "../http/errors";
import { loadDossier } from "../queries/dossiers";
import { isOnAgenda, loadMeeting, toMeetingResource } from "../queries/meetings";

export type Access =
  | { ok: true; mode: "edit" | "view"; meetingId: string; dossierId: string; periodId: string }
  | { ok: false; code: CollabCloseCode; reason: string };

const refuse = (code: CollabCloseCode, reason: string): Access => ({ ok: false, code, reason });

/**
 * What a user may do with a room's document, asked of the same `can()` as REST and Socket.IO: edit, view (its
 * updates are then dropped), or nothing, with the close code that says why.
 */
export async function decideAccess(db: DbOrTx, user: Actor | null, room: string): Promise<Access> {
  const parsed = parseCollabRoom(room);
  if (!parsed) return refuse(COLLAB_CLOSE.notFound, "unknown room");
  if (!user) return refuse(COLLAB_CLOSE.unauthenticated, "sign in");
  // Agencies have no part in meetings: refused before anything is looked up, so they learn nothing of them.
  if (!can(user, "read", { type: "meeting", periodId: "", status: null }))
    return refuse(COLLAB_CLOSE.forbidden, "forbidden");
  try {
    const { row: meeting } = await loadMeeting(db, parsed.meetingId);
    if (!(await isOnAgenda(db, meeting.id, parsed.dossierId)))
      return refuse(COLLAB_CLOSE.notFound, "not on the agenda");
    const { resource: dossier } = await loadDossier(db, parsed.dossierId);
    const resource = toMeetingResource(meeting, dossier);
    const base = {
      ok: true as const,
      meetingId: meeting.id,
      dossierId: dossier.id,
      periodId: meeting.periodId,
    };
    if (can(user, "editDocument", resource)) return { ...base, mode: "edit" };
    if (can(user, "viewDocument", resource)) return { ...base, mode: "view" };
    if (isRecused(user, dossier)) return refuse(COLLAB_CLOSE.recused, "recused");
    return refuse(COLLAB_CLOSE.forbidden, "forbidden");
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found")
      return refuse(COLLAB_CLOSE.notFound, "unknown room");
    throw err;
  }
}

/** The scorable leaf codes of a dossier (its unit type's index set in its period), for the notes of each leaf. */
export async function leafCodesOf(db: DbOrTx, dossierId: string): Promise<string[]> {
  const [link] = await db
    .select({ indexSetId: periodIndexSets.indexSetId })
    .from(dossiers)
    .innerJoin(units, eq(units.id, dossiers.unitId))
    .innerJoin(
      periodIndexSets,
      and(eq(periodIndexSets.periodId, dossiers.periodId), eq(periodIndexSets.unitTypeId, units.unitTypeId)),
    )
    .where(eq(dossiers.id, dossierId));
  if (!link) return [];
  const items = await db
    .select({ id: indexItems.id, parentId: indexItems.parentId, code: indexItems.code })
    .from(indexItems)
    .where(eq(indexItems.indexSetId, link.indexSetId));
  const parents = new Set(items.map((i) => i.parentId));
  // The same rule as loadDossierState's leaves: items without children, the bonus/penalty groups excluded.
  return items.filter((i) => !parents.has(i.id) && i.code !== "B" && i.code !== "P").map((i) => i.code);
}
