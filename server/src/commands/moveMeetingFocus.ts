import { eq } from "drizzle-orm";
import type { TMeetingFocusInput } from "@ca/shared";
import { leafCodesOf } from "../collab/access";
import type { Db } from "../db/client";
import { meetings } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import { isOnAgenda, type MeetingRow } from "../queries/meetings";
import type { DomainEvent } from "../events/domainEvents";

/**
 * The meeting tracker (docs/architecture.md): the chair moves the meeting to a dossier on the agenda and, optionally, a leaf.
 * Stored on the meeting so that late joiners open where the meeting is. Not audited: it records where the
 * discussion is, not a decision.
 */
export async function moveMeetingFocus({
  db,
  actor,
  meeting,
  input,
}: {
  db: Db;
  actor: { id: string };
  meeting: MeetingRow;
  input: TMeetingFocusInput;
}): Promise<{ meeting: MeetingRow; events: DomainEvent[] }> {
  if (!(await isOnAgenda(db, meeting.id, input.dossierId))) throw notFound({ dossierId: input.dossierId });
  if (input.leafCode !== null && !(await leafCodesOf(db, input.dossierId)).includes(input.leafCode))
    throw new AppError("validation_failed", [{ path: "leafCode", message: "no such leaf in this dossier" }], {
      vi: `Hồ sơ không có tiêu chí ${input.leafCode}.`,
      en: `The dossier has no leaf ${input.leafCode}.`,
    });
  const focus = {
    dossierId: input.dossierId,
    leafCode: input.leafCode,
    by: actor.id,
    at: new Date().toISOString(),
  };
  const [row] = await db.update(meetings).set({ focus }).where(eq(meetings.id, meeting.id)).returning();
  return { meeting: row, events: [{ type: "meetingFocusMoved", focus: { meetingId: row.id, ...focus } }] };
}
