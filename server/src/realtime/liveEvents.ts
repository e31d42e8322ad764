import type { IoServer } from "./socketServer";
import { roomOf } from "@ca/shared";

/**
 * The live events the server pushes after a command commits. Events say what changed (ids and versions); clients
 * refetch details through the API, so authorization stays in one place (DESIGN §4).
 */
export interface LiveEvents {
  dossierUpdated(d: { id: string; periodId: string; status: string; version: number }): void;
  /** A formal request reaches the agency's room too; an internal note only the council's. */
  commentNew(c: { id: string; dossierId: string; kind: "internal" | "request" }): void;
  commentUpdated(c: { id: string; dossierId: string; status: string }): void;
  rankingChanged(periodId: string): void;
  notify(userIds: string[], n: { id: string; kind: string }): void;
  /**
   * Disconnects every socket of an account whose rights changed (disabled, new roles or unit): the rooms it
   * joined were authorized for the old rights. A client that reconnects joins again under the new ones.
   */
  accountChanged(userId: string): void;
}

/** Does nothing: before Socket.IO is attached, and in scripts. */
export const noLiveEvents: LiveEvents = {
  dossierUpdated: () => undefined,
  commentNew: () => undefined,
  commentUpdated: () => undefined,
  rankingChanged: () => undefined,
  notify: () => undefined,
  accountChanged: () => undefined,
};

// At most 4 ranking updates a second per period (DESIGN §4): a burst of edits yields one trailing update.
const RANKING_INTERVAL_MS = 250;

/** Live events over Socket.IO rooms (see realtime/socketServer.ts for who may join which room). */
export function socketLiveEvents(io: IoServer): LiveEvents {
  const pending = new Map<string, NodeJS.Timeout>();
  const lastSent = new Map<string, number>();
  return {
    dossierUpdated(d) {
      const payload = { dossierId: d.id, status: d.status, version: d.version };
      io.to(roomOf.dossier(d.id)).to(roomOf.periodCouncil(d.periodId)).emit("dossier:update", payload);
    },
    commentNew(c) {
      const room = c.kind === "request" ? roomOf.dossier(c.dossierId) : roomOf.dossierCouncil(c.dossierId);
      io.to(room).emit("comment:new", { dossierId: c.dossierId, commentId: c.id });
    },
    commentUpdated(c) {
      io.to(roomOf.dossier(c.dossierId)).emit("comment:update", {
        dossierId: c.dossierId,
        commentId: c.id,
        status: c.status,
      });
    },
    rankingChanged(periodId) {
      if (pending.has(periodId)) return;
      const wait = Math.max(0, (lastSent.get(periodId) ?? 0) + RANKING_INTERVAL_MS - Date.now());
      const timer = setTimeout(() => {
        pending.delete(periodId);
        lastSent.set(periodId, Date.now());
        io.to(roomOf.periodCouncil(periodId)).emit("ranking:update", {
          periodId,
          at: new Date().toISOString(),
        });
      }, wait);
      timer.unref();
      pending.set(periodId, timer);
    },
    notify(userIds, n) {
      if (userIds.length)
        io.to(userIds.map(roomOf.user)).emit("notification:new", { notificationId: n.id, kind: n.kind });
    },
    accountChanged(userId) {
      io.in(roomOf.user(userId)).disconnectSockets(true);
    },
  };
}
