import { eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import { hashPassword } from "../auth/password";
import { endSessionsOf } from "../auth/sessionStore";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { notFound } from "../http/errors";
import type { DomainEvent } from "../events/domainEvents";

/** Sets a new password chosen by the admin and ends the account's sessions (audited, no secret logged). */
export async function resetPassword({
  db,
  actor,
  userId,
  password,
}: {
  db: Db;
  actor: { id: string; username: string };
  userId: string;
  password: string;
}) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!user) throw notFound();
    await endSessionsOf(tx, userId);
    await appendAudit(tx, { actor, action: "user.reset_password", entity: "user", entityId: userId });
    // The reset ended every session of the account: their live connections end with them.
    const events: DomainEvent[] = [{ type: "sessionsEnded", target: { userId }, reason: "password_reset" }];
    return { events };
  });
}
