import { eq, inArray, lt, sql } from "drizzle-orm";
import session from "express-session";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";

/** How far the idle expiry must move before `touch` writes it (at most; a short idle timeout takes a tenth of it). */
export const TOUCH_GRANULARITY_MS = 60_000;

/** The account columns a request's user is built from (see toRequestUser). */
const sessionUserColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  roles: users.roles,
  unitId: users.unitId,
  locale: users.locale,
  disabledAt: users.disabledAt,
};
export type SessionUserRow = {
  [K in keyof typeof sessionUserColumns]: (typeof users.$inferSelect)[K];
};

/**
 * How long this instance answers a session from its last read instead of the database: a request refused for an
 * ended session is refused at most this late when it ended through another instance — the same bound as for the
 * live connections (docs/targets.md S11). An end seen here (sign-out, an account disabled, a password reset, an
 * end relayed from another instance) drops the read at once. Every request read the session before: one statement
 * of an official write's six (docs/performance.md, P7).
 */
export const SESSION_REUSE_MS = 1_000;

/** Where `get` leaves the session's account row, on the session's `passport` object, for the deserializer. */
export const SESSION_USER = Symbol("sessionUser");

/**
 * express-session store on our own database (PGlite or PostgreSQL alike), so that sessions survive restarts and
 * an account's sessions can be ended by user id (logout everywhere, account disabled).
 */
export class DbSessionStore extends session.Store {
  /** The expiry last read from or written to the database, per session id (bounded; a miss only costs a write). */
  private readonly expiry = new Map<string, number>();

  /** Built once and named: every request runs it, and PostgreSQL then plans it once per connection (P7). */
  private readonly lookup;

  /** How far the idle expiry must move before `touch` writes it. */
  private readonly touchEveryMs: number;

  /** The last read of each session, reused for SESSION_REUSE_MS. */
  private readonly reads = new Map<string, { row: LookupRow; at: number }>();
  /** Grows with every end: a read that began before an end is not kept (it may have read the ended session). */
  private ends = 0;

  constructor(
    private readonly db: Db,
    opts: { idleMs?: number } = {},
  ) {
    super();
    this.touchEveryMs = Math.min(TOUCH_GRANULARITY_MS, (opts.idleMs ?? Infinity) / 10);
    this.lookup = db
      .select({ data: sessions.data, expiresAt: sessions.expiresAt, user: sessionUserColumns })
      .from(sessions)
      .leftJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.sid, sql.placeholder("sid")))
      .prepare("session_get");
  }

  private written(sid: string, expiresAt: Date) {
    if (this.expiry.size >= 100_000 && !this.expiry.has(sid)) this.expiry.clear();
    this.expiry.set(sid, expiresAt.getTime());
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    const kept = this.reads.get(sid);
    if (kept && Date.now() - kept.at < SESSION_REUSE_MS) return answer(kept.row, cb);
    // The session and its account in one query: passport's deserializer takes the account from here instead of
    // asking again (docs/targets.md P7: every request pays for this).
    const ends = this.ends;
    this.lookup
      .execute({ sid })
      .then(([row]) => {
        if (row) {
          this.written(sid, row.expiresAt);
          if (ends === this.ends) this.keep(sid, row);
        }
        answer(row, cb);
      })
      .catch((err) => cb(err));
  }

  private keep(sid: string, row: LookupRow) {
    const now = Date.now();
    if (this.reads.size >= 10_000)
      for (const [k, v] of this.reads) if (now - v.at >= SESSION_REUSE_MS) this.reads.delete(k);
    if (this.reads.size < 10_000) this.reads.set(sid, { row, at: now });
  }

  /** Forgets what was read of these sessions (they ended, here or on another instance). */
  forget(target: { sids: string[] } | { userId: string }): void {
    this.ends++;
    if ("sids" in target) for (const sid of target.sids) this.reads.delete(sid);
    else for (const [sid, v] of this.reads) if (v.row.user?.id === target.userId) this.reads.delete(sid);
  }

  override set(sid: string, s: session.SessionData, cb?: (err?: unknown) => void): void {
    this.forget({ sids: [sid] });
    const userId = (s as { passport?: { user?: string } }).passport?.user ?? null;
    const expiresAt = s.cookie?.expires ? new Date(s.cookie.expires) : new Date(Date.now() + 30 * 60_000);
    this.db
      .insert(sessions)
      .values({ sid, userId, data: s, expiresAt })
      .onConflictDoUpdate({ target: sessions.sid, set: { userId, data: s, expiresAt } })
      .then(() => {
        this.written(sid, expiresAt);
        cb?.();
      })
      .catch((err) => cb?.(err));
  }

  /**
   * Pushes the idle expiry forward (express-session calls this on every request that did not change the session).
   * Written only when it moves by at least TOUCH_GRANULARITY_MS (a tenth of the idle timeout when that is shorter):
   * one committed (fsync'd) UPDATE per session per minute instead of one per request (docs/targets.md P7). The stored
   * expiry is then at most that much earlier than the cookie's, never later: an idle session ends on time, at
   * worst a minute early.
   */
  override touch(sid: string, s: session.SessionData, cb?: (err?: unknown) => void): void {
    const expiresAt = s.cookie?.expires ? new Date(s.cookie.expires) : new Date(Date.now() + 30 * 60_000);
    const known = this.expiry.get(sid);
    if (known !== undefined && expiresAt.getTime() - known < this.touchEveryMs) {
      cb?.();
      return;
    }
    this.db
      .update(sessions)
      .set({ expiresAt })
      .where(eq(sessions.sid, sid))
      .then(() => {
        this.written(sid, expiresAt);
        cb?.();
      })
      .catch((err) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.expiry.delete(sid);
    this.forget({ sids: [sid] });
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  /**
   * When each of these sessions ends by itself: its stored idle expiry, or `absoluteMs` after it started if that
   * comes first. A session that is gone (ended, pruned) is absent. For the live connections opened with them.
   */
  async deadlines(sids: string[], absoluteMs: number): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    // In slices: thousands of viewers' sessions stay well under PostgreSQL's limit of bind parameters.
    for (let i = 0; i < sids.length; i += 5_000) {
      const rows = await this.db
        .select({
          sid: sessions.sid,
          expiresAt: sessions.expiresAt,
          startedAt: sql<string | null>`${sessions.data}->>'startedAt'`,
        })
        .from(sessions)
        .where(inArray(sessions.sid, sids.slice(i, i + 5_000)));
      for (const r of rows)
        out.set(
          r.sid,
          Math.min(r.expiresAt.getTime(), r.startedAt ? Number(r.startedAt) + absoluteMs : Infinity),
        );
    }
    return out;
  }

  /** Deletes expired sessions; called periodically. */
  async prune(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }
}

type LookupRow = { data: unknown; expiresAt: Date; user: SessionUserRow | null };

/**
 * The session of a read, as express-session takes it: a copy, since express-session replaces its `cookie` and
 * Passport deletes from its `passport` at sign-out. The stored data is one level of objects of plain values
 * (`cookie`, `passport`, `startedAt`), so copying each object is a whole copy (structuredClone cost a few percent
 * of a write's CPU).
 */
function answer(row: LookupRow | undefined, cb: (err: unknown, s?: session.SessionData | null) => void) {
  if (!row || row.expiresAt <= new Date()) return cb(null, null);
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.data as object))
    copy[k] = v !== null && typeof v === "object" && !Array.isArray(v) ? { ...v } : v;
  const data = copy as unknown as session.SessionData & { passport?: object };
  if (data.passport && row.user)
    // Not enumerable, and keyed by a symbol: never saved with the session nor part of its change hash.
    Object.defineProperty(data.passport, SESSION_USER, { value: row.user, enumerable: false });
  cb(null, data);
}

/** Ends every session of a user (account disabled, password reset). */
export async function endSessionsOf(db: Pick<Db, "delete">, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
