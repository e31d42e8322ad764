import { and, eq } from "drizzle-orm";
import type { MilestoneKey } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { milestones } from "../db/schema";
import { notFound } from "../http/errors";

/** Moves one milestone of a period (the admin's decision, audited with its reason). */
export async function updateMilestone({
  db,
  actor,
  periodId,
  key,
  startsAt,
  deadline,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  key: MilestoneKey;
  startsAt: string | null;
  deadline: string;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    const where = and(eq(milestones.periodId, periodId), eq(milestones.key, key));
    const [old] = await tx.select().from(milestones).where(where).for("update");
    if (!old) throw notFound();
    const [updated] = await tx
      .update(milestones)
      .set({ startsAt: startsAt ? new Date(startsAt) : null, deadline: new Date(deadline) })
      .where(where)
      .returning();
    await appendAudit(tx, {
      actor,
      action: "milestone.update",
      entity: "milestone",
      entityId: `${periodId}:${key}`,
      oldValue: { startsAt: old.startsAt, deadline: old.deadline },
      newValue: { startsAt: updated.startsAt, deadline: updated.deadline },
      reason,
    });
    return updated;
  });
}
