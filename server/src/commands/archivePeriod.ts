import { eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { periods } from "../db/schema";
import { notFound } from "../http/errors";
import { assertPeriodWritable } from "../rules/periodGuards";

/** Archives a period: from now on it is read-only (every write on it is refused), audited with the reason. */
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
