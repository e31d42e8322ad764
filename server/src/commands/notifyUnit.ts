import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { notifications, users } from "../db/schema";

export interface Notified {
  id: string;
  userId: string;
  kind: string;
  email: string | null;
  payload: Record<string, unknown>;
}

/** Writes an in-app notification for every active account of a unit; returns them, to push live and e-mail. */
export async function notifyUnit(
  tx: DbOrTx,
  unitId: string,
  kind: string,
  payload: Record<string, unknown>,
): Promise<Notified[]> {
  const recipients = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.unitId, unitId), isNull(users.disabledAt)));
  if (recipients.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(recipients.map((r) => ({ userId: r.id, kind, payload })))
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  const email = new Map(recipients.map((r) => [r.id, r.email]));
  return rows.map((r) => ({ ...r, email: email.get(r.userId) ?? null, payload }));
}
