import { and, eq, ne } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { meetings, periods } from "../db/schema";
import type { MeetingDocuments } from "../ports/meetingDocuments";
import { conflict } from "../http/errors";
import { loadAgenda, loadMeeting } from "../queries/meetings";
import { snapshotAgenda } from "../collab/snapshots";
import { assertPeriodWritable } from "../rules/periodGuards";
import { meetingRef, type DomainEvent } from "../events/domainEvents";

/**
 * The chair starts a planned meeting: its dossiers' documents become editable by the council (not recused), and
 * each is snapshotted as it stands ("start"). Every dossier must have closed round 2, and no other meeting of the
 * period may be running (two live documents for one dossier would disagree).
 */
export async function startMeeting({
  db,
  actor,
  meetingId,
  documents,
}: {
  db: Db;
  actor: { id: string; username: string };
  meetingId: string;
  /** The meeting's documents: those already loaded here are snapshotted as they stand in memory. */
  documents: MeetingDocuments;
}) {
  return db.transaction(async (tx) => {
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for("update");
    const { row } = await loadMeeting(tx, meetingId);
    if (row.status !== "planned")
      throw conflict(
        { status: row.status },
        { vi: "Phiên họp đã bắt đầu hoặc đã kết thúc.", en: "The meeting has already started or ended." },
      );
    // Under a share lock: archivePeriod, which refuses while a meeting runs, then waits for this start to commit.
    const [period] = await tx
      .select({ id: periods.id, status: periods.status })
      .from(periods)
      .where(eq(periods.id, row.periodId))
      .for("share");
    assertPeriodWritable(period);
    const [running] = await tx
      .select({ id: meetings.id, title: meetings.title })
      .from(meetings)
      .where(
        and(eq(meetings.periodId, row.periodId), eq(meetings.status, "running"), ne(meetings.id, row.id)),
      );
    if (running)
      throw conflict(
        { running: running.id },
        {
          vi: `Phiên họp "${running.title}" đang diễn ra; hãy kết thúc trước.`,
          en: `The meeting "${running.title}" is running; end it first.`,
        },
      );
    const agenda = await loadAgenda(tx, row);
    const early = agenda.filter((a) => a.dossier.status !== "round2_done");
    if (early.length)
      throw conflict(
        { notReady: early.map((a) => ({ dossierId: a.dossier.id, status: a.dossier.status })) },
        {
          vi: `Hồ sơ chưa kết thúc thẩm định lần 2: ${early.map((a) => a.dossier.unitName).join(", ")}.`,
          en: `Round 2 is not closed for: ${early.map((a) => a.dossier.unitName).join(", ")}.`,
        },
      );
    const [meeting] = await tx
      .update(meetings)
      .set({ status: "running", startedAt: new Date() })
      .where(eq(meetings.id, row.id))
      .returning();
    const rooms = agenda.map((a) => a.room);
    const snapshots = await snapshotAgenda(tx, agenda, "start", documents.liveStates(rooms));
    await appendAudit(tx, {
      actor,
      action: "meeting.start",
      entity: "meeting",
      entityId: row.id,
      oldValue: { status: "planned" },
      newValue: { status: "running", snapshotBytes: snapshots },
    });
    const events: DomainEvent[] = [
      { type: "meetingChanged", meeting: meetingRef(meeting) },
      // Council members already watching the documents become editors without reconnecting.
      { type: "documentAccessChanged", rooms },
    ];
    return { meeting, agenda, events };
  });
}
