import { eq, lt } from "drizzle-orm";
import session from "express-session";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";

/**
 * express-session store on our own database (PGlite or PostgreSQL alike), so that sessions survive restarts and
 * an account's sessions can be ended by user id (logout everywhere, account disabled).
 */
export class DbSessionStore extends session.Store {
  constructor(private readonly db: Db) {
    super();
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    this.db
      .select()
      .from(sessions)
      .where(eq(sessions.sid, sid))
      .then(([row]) => cb(null, row && row.expiresAt > new Date() ? (row.data as session.SessionData) : null))
      .catch((err) => cb(err));
  }

  override set(sid: string, s: session.SessionData, cb?: (err?: unknown) => void): void {
    const userId = (s as { passport?: { user?: string } }).passport?.user ?? null;
    const expiresAt = s.cookie?.expires ? new Date(s.cookie.expires) : new Date(Date.now() + 30 * 60_000);
    this.db
      .insert(sessions)
      .values({ sid, userId, data: s, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { userId, data: s, expiresAt } })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  override touch(sid: string, s: session.SessionData, cb?: (err?: unknown) => void): void {
    const expiresAt = s.cookie?.expires ? new Date(s.cookie.expires) : new Date(Date.now() + 30 * 60_000);
    this.db
      .update(sessions)
      .set({ expiresAt })
      .where(eq(sessions.sid, sid))
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  /** Deletes expired sessions; called periodically. */
  async prune(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }
}

/** Ends every session of a user (account disabled, password reset). */
export async function endSessionsOf(db: Pick<Db, "delete">, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
