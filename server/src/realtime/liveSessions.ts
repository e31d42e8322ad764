import type { Logger } from "pino";
import type { SessionEndReason } from "@ca/shared";

/** One live connection (a Socket.IO socket, a Yjs WebSocket) as the session registry sees it. */
export interface LiveConnection {
  /** Tells the client why and closes the connection; nothing it sends afterwards is applied. */
  end(reason: SessionEndReason): void;
}

/** Whose live connections to end: those opened with these sessions, or every one of a user's. */
export type SessionTarget = { sids: string[] } | { userId: string };

/** How often due sessions are checked: a connection outlives its session's expiry by at most about this. */
export const SWEEP_INTERVAL_MS = 250;
/**
 * How often every tracked session is read again, due or not: a session deleted without a word to this instance
 * (pruned, ended on another instance while Redis was away) still ends its connections within this.
 */
export const FULL_CHECK_INTERVAL_MS = 30_000;
/** After a failed read (the database away), when to try those sessions again. Connections stay meanwhile. */
const RETRY_MS = 2_000;
/**
 * A session found gone from the store is ended as `ended` only this long after: the instance that ended it (a
 * sign-out, a disabled account) says why through Redis a moment after its commit, and the person is told that
 * reason rather than the vague one when the read came first.
 */
export const GONE_GRACE_MS = 300;

interface Entry {
  userId: string;
  /** When the session ends by itself unless activity moves it (ms); 0: read it from the store at the next sweep. */
  deadline: number;
  /** Grows with each connection added: a read of the store that began before it says nothing about it. */
  added: number;
  /** When a read first found the session gone from the store (ended for good after GONE_GRACE_MS). */
  goneAt?: number;
  conns: Set<LiveConnection>;
}

export interface LiveSessionsDeps {
  /** When each of these sessions ends by itself (idle expiry or absolute limit); absent: it has ended already. */
  deadlines(sids: string[]): Promise<Map<string, number>>;
  /** Drops what else this instance remembers of ended sessions (the REST session store's reads). */
  forget?(target: SessionTarget): void;
  logger: Logger;
}

/**
 * Which session every live connection of this instance was opened with, so that a session's end ends them
 * (S11, docs/operations.md). A session ends in two ways:
 * - by a request (sign-out, an account disabled, a password reset): `end` closes this instance's connections at
 *   once and tells the other instances, which close theirs;
 * - by time (idle or absolute expiry): each session's deadline is kept; once it passes, the store is read again
 *   (a REST request elsewhere may have moved the idle expiry on) and the connections end if it has really passed.
 * Only REST requests count as activity: the client keeps an active person's session alive with one while they
 * edit a meeting document (client/src/auth/keepAlive.ts), as the session cookie in the browser needs it too.
 */
export class LiveSessions {
  /** Tells the other instances (through Redis) to end their connections too; unset with one instance. */
  broadcast?: (target: SessionTarget, reason: SessionEndReason) => void;
  private readonly entries = new Map<string, Entry>();
  private readonly timer: NodeJS.Timeout;
  private sweeping = false;
  private nextFullCheck = Date.now() + FULL_CHECK_INTERVAL_MS;

  constructor(private readonly deps: LiveSessionsDeps) {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Registers a connection opened with session `sid` of `userId`; returns what unregisters it (on close). Its
   * session is read again at the next sweep: it may have ended while the connection was being opened.
   */
  track(sid: string, userId: string, conn: LiveConnection): () => void {
    let entry = this.entries.get(sid);
    if (!entry) {
      entry = { userId, deadline: 0, added: 0, conns: new Set() };
      this.entries.set(sid, entry);
    }
    entry.deadline = 0;
    entry.added++;
    entry.conns.add(conn);
    return () => {
      const e = this.entries.get(sid);
      if (!e?.conns.delete(conn)) return;
      if (e.conns.size === 0) this.entries.delete(sid);
    };
  }

  /** Ends the target's connections here and on every other instance. */
  end(target: SessionTarget, reason: SessionEndReason): void {
    this.endLocal(target, reason);
    this.broadcast?.(target, reason);
  }

  /** Ends the target's connections on this instance; returns how many. */
  endLocal(target: SessionTarget, reason: SessionEndReason): number {
    this.deps.forget?.(target);
    const sids =
      "sids" in target
        ? target.sids
        : [...this.entries].filter(([, e]) => e.userId === target.userId).map(([sid]) => sid);
    let n = 0;
    for (const sid of sids) {
      const entry = this.entries.get(sid);
      if (!entry) continue;
      this.entries.delete(sid);
      for (const conn of entry.conns) {
        n++;
        try {
          conn.end(reason);
        } catch (err) {
          this.deps.logger.warn({ err }, "live sessions: could not end a connection");
        }
      }
    }
    return n;
  }

  /** Stops the sweep (server shutdown). */
  stop(): void {
    clearInterval(this.timer);
  }

  /** Reads the due sessions (and, every FULL_CHECK_INTERVAL_MS, all of them) and ends those that have ended. */
  private async sweep(): Promise<void> {
    if (this.sweeping || this.entries.size === 0) return;
    const now = Date.now();
    const all = now >= this.nextFullCheck;
    if (all) this.nextFullCheck = now + FULL_CHECK_INTERVAL_MS;
    const due = [...this.entries]
      .filter(([, e]) => all || e.deadline <= now)
      .map(([sid, entry]) => ({ sid, entry, added: entry.added }));
    if (!due.length) return;
    this.sweeping = true;
    // Only what the read can speak for: the same entry, with no connection added since the read began.
    const unchanged = (d: (typeof due)[number]) =>
      this.entries.get(d.sid) === d.entry && d.entry.added === d.added;
    try {
      const deadlines = await this.deps.deadlines(due.map((d) => d.sid));
      const checked = Date.now();
      for (const d of due) {
        if (!unchanged(d)) continue;
        const deadline = deadlines.get(d.sid);
        if (deadline === undefined) {
          d.entry.goneAt ??= checked;
          if (checked - d.entry.goneAt >= GONE_GRACE_MS) this.endLocal({ sids: [d.sid] }, "ended");
          else d.entry.deadline = d.entry.goneAt + GONE_GRACE_MS;
        } else if (deadline <= checked) this.endLocal({ sids: [d.sid] }, "expired");
        else d.entry.deadline = deadline;
      }
    } catch (err) {
      this.deps.logger.debug({ err }, "live sessions: could not read sessions; retrying");
      for (const d of due) if (unchanged(d)) d.entry.deadline = Date.now() + RETRY_MS;
    } finally {
      this.sweeping = false;
    }
  }
}
