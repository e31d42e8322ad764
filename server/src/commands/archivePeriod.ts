import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { meetings, periods } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { assertPeriodWritable } from "../rules/periodGuards";

/**
 * Archives a period: from now on it is read-only (every write on it is refused), audited with the reason. Not while
 * one of its meetings runs: the meeting's documents are written to over Yjs, outside the REST guard that keeps an
 * archived period read-only, so the chair ends the meeting first. startMeeting reads the period under a share lock,
 * so a meeting cannot start between this check and the commit.
 */
export async function archivePeriod({
  db,
  actor,
  periodId,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, periodId)).for("update");
    if (!period) throw notFound();
    assertPeriodWritable(period);
    const [running] = await tx
      .select({ id: meetings.id, title: meetings.title })
      .from(meetings)
      .where(and(eq(meetings.periodId, periodId), eq(meetings.status, "running")));
    if (running)
      throw conflict(
        { running: running.id },
        {
          vi: `Phiên họp "${running.title}" của kỳ đang diễn ra; hãy kết thúc phiên họp trước khi lưu trữ kỳ.`,
          en: `The period's meeting "${running.title}" is running; end it before archiving the period.`,
        },
      );
    const [row] = await tx
      .update(periods)
      .set({ status: "archived" })
      .where(eq(periods.id, periodId))
      .returning();
    await appendAudit(tx, {
      actor,
      action: "period.archive",
      entity: "period",
      entityId: periodId,
      oldValue: { status: period.status },
      newValue: { status: "archived" },
      reason,
    });
    return row;
  });
}
