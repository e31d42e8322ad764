import { eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { meetings } from "../db/schema";
import type { MeetingDocuments } from "../ports/meetingDocuments";
import { conflict } from "../http/errors";
import { loadAgenda, loadMeeting } from "../queries/meetings";
import { snapshotAgenda } from "../collab/snapshots";
import { meetingRef, type DomainEvent } from "../events/domainEvents";

/**
 * The chair ends a running meeting: every dossier's document is snapshotted as it stands ("end") and becomes
 * read-only. The documents' edits are held while this runs, so the snapshot is the final state.
 */
export async function endMeeting({
  db,
  actor,
  meetingId,
  documents,
}: {
  db: Db;
  actor: { id: string; username: string };
  meetingId: string;
  /** The meeting's documents, held from before the snapshot until their editors are made read-only. */
  documents: MeetingDocuments;
}) {
  const { row } = await loadMeeting(db, meetingId);
  const rooms = (await loadAgenda(db, row)).map((a) => a.room);
  return documents.hold(rooms, (live) => endHeld(db, actor, meetingId, live));
}

/** The end's transaction, given the documents' states while their edits are held. */
function endHeld(
  db: Db,
  actor: { id: string; username: string },
  meetingId: string,
  live: ReadonlyMap<string, Uint8Array>,
) {
  return db.transaction(async (tx) => {
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for("update");
    const { row } = await loadMeeting(tx, meetingId);
    if (row.status !== "running")
      throw conflict(
        { status: row.status },
        { vi: "Phiên họp không đang diễn ra.", en: "The meeting is not running." },
      );
    const [meeting] = await tx
      .update(meetings)
      .set({ status: "ended", endedAt: new Date() })
      .where(eq(meetings.id, row.id))
      .returning();
    const agenda = await loadAgenda(tx, row);
    const snapshots = await snapshotAgenda(tx, agenda, "end", live);
    await appendAudit(tx, {
      actor,
      action: "meeting.end",
      entity: "meeting",
      entityId: row.id,
      oldValue: { status: "running" },
      newValue: { status: "ended", snapshotBytes: snapshots },
    });
    const events: DomainEvent[] = [{ type: "meetingChanged", meeting: meetingRef(meeting) }];
    return { meeting, agenda, events };
  });
}
