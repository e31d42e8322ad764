import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { conflicts, units, users } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import type { DomainEvent } from "../events/domainEvents";

/** Records a conflict of interest: from now on the member is recused on that unit's dossier (docs/domain.md §1). */
export async function declareConflict({
  db,
  actor,
  periodId,
  userId,
  unitId,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  userId: string;
  unitId: string;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    // One after the other: a transaction's client runs one query at a time.
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
    if (!user || !unit) throw notFound();
    const [existing] = await tx
      .select()
      .from(conflicts)
      .where(
        and(eq(conflicts.periodId, periodId), eq(conflicts.userId, userId), eq(conflicts.unitId, unitId)),
      );
    if (existing)
      throw conflict(undefined, {
        vi: "Xung đột lợi ích này đã được ghi nhận.",
        en: "This conflict of interest is already recorded.",
      });
    const [row] = await tx.insert(conflicts).values({ periodId, userId, unitId, reason }).returning();
    await appendAudit(tx, {
      actor,
      action: "council.conflict",
      entity: "period",
      entityId: periodId,
      newValue: { userId, unitId },
      reason,
    });
    // The member's rooms and documents were joined before the conflict: they are authorized again.
    const events: DomainEvent[] = [{ type: "accountChanged", userId: row.userId }];
    return { row, unitName: unit.name, events };
  });
}
