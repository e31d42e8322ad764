import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import type { DomainEvent } from "../events/domainEvents";

/**
 * Signs a session out: audited when someone was signed in, the session destroyed (by the caller's session
 * middleware), then every live connection opened with it — sockets and documents, on every instance (S11) — ends.
 */
export async function signOut({
  db,
  user,
  sid,
  destroySession,
}: {
  db: Db;
  user: { id: string; username: string } | undefined;
  sid: string;
  destroySession: () => Promise<void>;
}) {
  if (user)
    await db.transaction((tx) =>
      appendAudit(tx, { actor: user, action: "auth.logout", entity: "user", entityId: user.id }),
    );
  await destroySession();
  const events: DomainEvent[] = [{ type: "sessionsEnded", target: { sids: [sid] }, reason: "logout" }];
  return { events };
}
