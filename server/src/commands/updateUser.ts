import { eq } from "drizzle-orm";
import type { Role, TUserUpdate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import { endSessionsOf } from "../auth/sessionStore";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { notFound, validationFailed } from "../http/errors";
import { checkRolesAndUnit } from "../rules/userRules";
import type { DomainEvent } from "../events/domainEvents";

/** Changes an account; disabling it ends every session it has (docs/architecture.md Authentication). */
export async function updateUser({
  db,
  actor,
  userId,
  changes,
}: {
  db: Db;
  actor: { id: string; username: string };
  userId: string;
  changes: TUserUpdate;
}) {
  if (userId === actor.id && (changes.disabled || (changes.roles && !changes.roles.includes("admin"))))
    throw validationFailed([{ path: "disabled", message: "an admin cannot disable or demote themselves" }]);
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!old) throw notFound();
    const roles = (changes.roles ?? old.roles) as Role[];
    const unitId = changes.unitId !== undefined ? changes.unitId : old.unitId;
    const unitName = await checkRolesAndUnit(tx, roles, unitId);
    const { disabled, ...fields } = changes;
    const set = {
      ...fields,
      ...(fields.roles ? { roles: [...new Set(fields.roles)] } : {}),
      ...(disabled === undefined ? {} : { disabledAt: disabled ? (old.disabledAt ?? new Date()) : null }),
    };
    const [user] = await tx.update(users).set(set).where(eq(users.id, userId)).returning();
    if (disabled) await endSessionsOf(tx, userId);
    await appendAudit(tx, {
      actor,
      action: disabled === true ? "user.disable" : disabled === false ? "user.enable" : "user.update",
      entity: "user",
      entityId: userId,
      oldValue: {
        fullName: old.fullName,
        email: old.email,
        roles: old.roles,
        unitId: old.unitId,
        disabled: !!old.disabledAt,
      },
      newValue: changes,
    });
    // Disabling ended every session of the account (above): their live connections end with them, told why, on
    // every instance. Other changes keep the sessions, but open sockets and documents were authorized under the
    // old rights: sockets are dropped (they reconnect and rejoin), documents decided again. Either way the live
    // projections judge the member's proposals again (events/dispatcher.ts).
    const rightsChanged = changes.roles !== undefined || changes.unitId !== undefined;
    const events: DomainEvent[] = disabled
      ? [{ type: "sessionsEnded", target: { userId }, reason: "disabled" }]
      : rightsChanged
        ? [{ type: "accountChanged", userId }]
        : [];
    return { user, unitName, events };
  });
}
