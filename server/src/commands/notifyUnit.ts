import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { notifications, users } from "../db/schema";

/** Writes an in-app notification for every active account of a unit; returns who got it (to push live). */
export async function notifyUnit(tx: DbOrTx, unitId: string, kind: string, payload: Record<string, unknown>) {
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, unitId), isNull(users.disabledAt)));
  if (recipients.length === 0) return [];
  return tx
    .insert(notifications)
    .values(recipients.map((r) => ({ userId: r.id, kind, payload })))
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
}
