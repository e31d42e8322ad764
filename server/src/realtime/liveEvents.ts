import type { IoServer } from "./ioServer";
import type { LiveSessions, SessionTarget } from "./liveSessions";
import {
  audienceOf,
  roomOf,
  type DossierStatus,
  type SessionEndReason,
  type TMeetingFocus,
  type TRankingRow,
} from "@ca/shared";

/** A dossier as its events name it: the rooms they go to, and the status the visibility rule is read at. */
interface DossierRef {
  id: string;
  periodId: string;
  status: string;
}

/**
 * The live events the server pushes after a command commits (the dispatcher calls these, events/dispatcher.ts). Events say what changed (ids and versions); clients
 * refetch details through the API, so authorization stays in one place (docs/architecture.md). Who hears an event about a
 * dossier is the visibility rule's to say (`audienceOf`, docs/visibility.md): the unit's own people only when they
 * see what changed, a member recused on the dossier never.
 */
export interface LiveEvents {
  /**
   * `dossier:update` to the dossier's rooms, and the throttled `period:update` to the council's period room.
   * `changed`: the path of the dossier's visibility table that changed (`leaves[].stages.round1.score`…).
   */
  dossierUpdated(d: DossierRef & { version: number }, changed: string): void;
  /** A formal request reaches the agency's room too; an internal note only the council's. */
  commentNew(c: { id: string; dossier: DossierRef; kind: "internal" | "request" }): void;
  commentUpdated(c: { id: string; dossier: DossierRef; status: string }): void;
  rankingChanged(periodId: string): void;
  /** Only meeting proposals moved the period's provisional ranking (nothing official changed). */
  proposalsChanged(periodId: string): void;
  notify(userIds: string[], n: { id: string; kind: string }): void;
  /**
   * Disconnects every socket of an account whose rights changed (disabled, new roles or unit): the rooms it
   * joined were authorized for the old rights. A client that reconnects joins again under the new ones.
   */
  accountChanged(userId: string): void;
  /**
   * Sessions ended (signed out, expired, the account disabled or its password reset): every live connection
   * opened with them — sockets and Yjs, on every instance — is told why and closed.
   */
  sessionsEnded(target: SessionTarget, reason: SessionEndReason): void;
  /** The meeting changed (started, ended, a lock, an agreement): members and the period's lists refetch it. */
  meetingUpdated(m: { id: string; periodId: string; status: string }): void;
  /** The chair moved the meeting (the tracker). */
  meetingFocus(focus: TMeetingFocus): void;
  /** A dossier's provisional totals in a meeting moved (throttled like the ranking). */
  meetingProjection(meetingId: string, dossierId: string): void;
}

// At most 4 ranking updates a second per period (docs/architecture.md): a burst of edits yields one trailing update.
const RANKING_INTERVAL_MS = 250;
// At most one `period:update` a second: the screens it reaches refetch a list over REST, at most once a second
// (client usePeriodRefetch), so more would only be frames to every dashboard socket.
const PERIOD_INTERVAL_MS = 1_000;

/** Live events over Socket.IO rooms (see realtime/socketServer.ts for who may join which room). */
export function socketLiveEvents(
  io: IoServer,
  /** The period's ranking with every figure, pushed to the sockets that may see all of it (see roomOf). */
  rankingRows?: (periodId: string) => Promise<TRankingRow[]>,
  /** The live connections by session (sockets and Yjs), which end with their session. */
  sessions?: Pick<LiveSessions, "end">,
): LiveEvents & { stop(): void } {
  let stopped = false;
  const keys = new Map<
    string,
    { timer: NodeJS.Timeout | null; busy: boolean; again: boolean; last: number }
  >();
  /**
   * Runs `send` at most once per `interval` per key, the last call of a burst always delivered. A send may be slow
   * (the ranking is computed first): the interval counts from when it finished, and calls made meanwhile are
   * folded into one more send after it.
   */
  const throttled = (key: string, send: () => void | Promise<void>, interval = RANKING_INTERVAL_MS) => {
    const k = keys.get(key) ?? { timer: null, busy: false, again: false, last: 0 };
    keys.set(key, k);
    if (k.timer) return;
    if (k.busy) return void (k.again = true);
    k.timer = setTimeout(
      async () => {
        k.timer = null;
        // After the server closed (Redis clients quit), a late emit would reject inside the adapter, unawaited.
        if (stopped) return;
        k.busy = true;
        try {
          await send();
        } catch {
          // A live event is a hint (clients refetch on reconnect); one that cannot go out — Redis gone, the server
          // closing — must not become an unhandled rejection that takes the process down.
        } finally {
          k.busy = false;
          k.last = Date.now();
          if (k.again) {
            k.again = false;
            throttled(key, send, interval);
          }
        }
      },
      Math.max(0, k.last + interval - Date.now()),
    );
    k.timer.unref();
  };
  const sendRanking = async (periodId: string) => {
    const at = new Date().toISOString();
    const council = roomOf.periodCouncil(periodId);
    const full = roomOf.periodRanking(periodId);
    // One computation for every dashboard (rather than each refetching it); if it fails they refetch instead.
    const rows = rankingRows ? await rankingRows(periodId).catch(() => null) : null;
    if (!rows) return void io.to(council).emit("ranking:update", { periodId, at });
    io.to(full).emit("ranking:update", { periodId, at, rows });
    io.to(council).except(full).emit("ranking:update", { periodId, at });
  };
  const pushRanking = (periodId: string) => throttled(`ranking:${periodId}`, () => sendRanking(periodId));
  /**
   * The rooms of a dossier's audience: its readers' room or its council room — all but the sockets recused on it
   * (joined to `dossier:<id>:recused` by the server, socketServer.ts).
   */
  const dossierRooms = (d: DossierRef, audience: "readers" | "council") =>
    io
      .to(audience === "readers" ? roomOf.dossier(d.id) : roomOf.dossierCouncil(d.id))
      .except(roomOf.dossierRecused(d.id));
  // Names no dossier, so a member recused on the one that changed may hear it: it says only that the period moved.
  const pushPeriod = (periodId: string) =>
    throttled(
      `period:${periodId}`,
      () => {
        io.to(roomOf.periodCouncil(periodId)).emit("period:update", {
          periodId,
          at: new Date().toISOString(),
        });
      },
      PERIOD_INTERVAL_MS,
    );
  return {
    stop() {
      stopped = true;
      for (const k of keys.values()) if (k.timer) clearTimeout(k.timer);
    },
    dossierUpdated(d, changed) {
      const payload = { dossierId: d.id, status: d.status, version: d.version };
      dossierRooms(d, audienceOf("dossier:update", d.status as DossierStatus, changed)).emit(
        "dossier:update",
        payload,
      );
      pushPeriod(d.periodId);
    },
    commentNew(c) {
      const audience = audienceOf(`comment:new:${c.kind}`, c.dossier.status as DossierStatus);
      dossierRooms(c.dossier, audience).emit("comment:new", { dossierId: c.dossier.id, commentId: c.id });
    },
    commentUpdated(c) {
      dossierRooms(c.dossier, audienceOf("comment:update", c.dossier.status as DossierStatus)).emit(
        "comment:update",
        { dossierId: c.dossier.id, commentId: c.id, status: c.status },
      );
    },
    rankingChanged: pushRanking,
    // Here the same push: the difference is what the cache drops (events/dispatcher.ts).
    proposalsChanged: pushRanking,
    notify(userIds, n) {
      if (userIds.length)
        io.to(userIds.map(roomOf.user)).emit("notification:new", { notificationId: n.id, kind: n.kind });
    },
    accountChanged(userId) {
      io.in(roomOf.user(userId)).disconnectSockets(true);
    },
    sessionsEnded(target, reason) {
      sessions?.end(target, reason);
    },
    meetingUpdated(m) {
      io.to(roomOf.meeting(m.id))
        .to(roomOf.periodCouncil(m.periodId))
        .emit("meeting:update", { meetingId: m.id, status: m.status });
    },
    meetingFocus(focus) {
      io.to(roomOf.meeting(focus.meetingId)).emit("meeting:focus", focus);
    },
    meetingProjection(meetingId, dossierId) {
      throttled(`projection:${dossierId}`, () => {
        // The council's live work on the dossier: not for a member recused on it, though in the meeting's room.
        io.to(roomOf.meeting(meetingId))
          .except(roomOf.dossierRecused(dossierId))
          .emit("meeting:projection", { meetingId, dossierId, at: new Date().toISOString() });
      });
    },
  };
}
