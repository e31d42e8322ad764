import { and, eq, isNull } from "drizzle-orm";
import { NOTIFICATION, sees, viewerClassOf, type DossierStatus, type Role } from "@ca/shared";
import type { DbOrTx } from "../db/client";
import { notifications, users } from "../db/schema";

import type { Notified } from "../events/domainEvents";

export type { Notified };

/**
 * Writes an in-app notification about the unit's dossier for every active account that sees it as the unit's own
 * people do (docs/visibility.md, NOTIFICATION): its editors and head — not a council member from the unit, who is
 * recused on it. Returns them, to push live and e-mail.
 */
export async function notifyUnit(
  tx: DbOrTx,
  dossier: { unitId: string; status: string },
  kind: string,
  payload: Record<string, unknown>,
): Promise<Notified[]> {
  const accounts = await tx
    .select({ id: users.id, email: users.email, roles: users.roles, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.unitId, dossier.unitId), isNull(users.disabledAt)));
  // Declared conflicts cannot make anyone the unit's own: the unit alone decides who is `ownAgency`.
  const recipients = accounts.filter((a) =>
    sees(
      NOTIFICATION,
      "payload.dossierId",
      viewerClassOf({ ...a, roles: a.roles as Role[] }, { unitId: dossier.unitId, recusedUserIds: [] }),
      dossier.status as DossierStatus,
    ),
  );
  if (recipients.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(recipients.map((r) => ({ userId: r.id, kind, payload })))
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind });
  const email = new Map(recipients.map((r) => [r.id, r.email]));
  return rows.map((r) => ({ ...r, email: email.get(r.userId) ?? null, payload }));
}
