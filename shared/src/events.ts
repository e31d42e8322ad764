import type { TMeetingFocus, TMeetingPresence } from "./schemas/meeting";
import type { TRankingRow } from "./schemas/ranking";

/** Socket.IO events, typed for both ends (CONVENTIONS §6). Events say what changed; clients refetch details. */
export interface ServerToClientEvents {
  /** One dossier changed (to its own rooms, `dossier:<id>` and `dossier:<id>:council`); refetch it. */
  "dossier:update": (p: { dossierId: string; status: string; version: number }) => void;
  /**
   * Some dossier of the period changed — a score, a status (to the council's period room, at most once a second
   * per period; a burst gives one more after it). Names no dossier: screens that list the period refetch.
   * One signal rather than every dossier's own event: a thousand dashboards × every official write was most of
   * the server's time under meeting load (docs/performance.md).
   */
  "period:update": (p: { periodId: string; at: string }) => void;
  "comment:new": (p: { dossierId: string; commentId: string }) => void;
  "comment:update": (p: { dossierId: string; commentId: string; status: string }) => void;
  /**
   * The provisional ranking of the period changed (throttled to ≤ 4 a second). Sockets whose user is recused on no
   * unit of the period receive the ranking itself in `rows` (every unit type); the others refetch it.
   */
  "ranking:update": (p: { periodId: string; at: string; rows?: TRankingRow[] }) => void;
  "notification:new": (p: { notificationId: string; kind: string }) => void;
  /** The meeting changed (started, ended, a dossier locked, an agreement recorded); refetch it. */
  "meeting:update": (p: { meetingId: string; status: string }) => void;
  /** The chair moved the meeting: members' screens follow unless they stepped away. */
  "meeting:focus": (p: TMeetingFocus) => void;
  /** Who is connected to the meeting and what each looks at (sent whenever it changes). */
  presence: (p: { meetingId: string; people: TMeetingPresence[] }) => void;
  /** A dossier's provisional totals moved (a proposal was accepted or refused, or leaves were locked); refetch. */
  "meeting:projection": (p: { meetingId: string; dossierId: string; at: string }) => void;
  /**
   * The session this socket was opened with has ended; the server disconnects it right after. The page goes to
   * the sign-in screen (the Yjs connections of the session are closed with COLLAB_CLOSE.sessionEnded).
   */
  "session:ended": (p: { reason: SessionEndReason }) => void;
}

/**
 * Why a session ended while live connections were open: signed out, timed out (idle or absolute), its account
 * disabled or its password reset, or gone from the store for another reason (ended on another instance).
 */
export const SESSION_END_REASONS = ["logout", "expired", "disabled", "password_reset", "ended"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface ClientToServerEvents {
  join: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  leave: (room: string) => void;
  /** A round trip and nothing else: the client asks whether a socket that outlived a network cut still carries. */
  probe: (ack: () => void) => void;
  /** A member in the meeting room says what they look at; the server stamps who and rebroadcasts presence. */
  "meeting:look": (p: {
    meetingId: string;
    dossierId: string | null;
    leafCode: string | null;
    following: boolean;
  }) => void;
}

/**
 * Rooms, each joined only when `can()` allows it. The documented ones (docs/api.md): `period:<id>` (any reader of
 * the period; the server adds `period:<id>:council` for readers of its ranking, and `period:<id>:ranking` for those
 * recused on none of its units), `dossier:<id>` (readers of the dossier), `meeting:<id>`. Also joinable:
 * `period:<id>:council`, `dossier:<id>:council` (readers of the council's work on it); `user:<id>` is joined
 * automatically for notifications.
 */
export const roomOf = {
  period: (id: string) => `period:${id}`,
  periodCouncil: (id: string) => `period:${id}:council`,
  /** Joined by the server alongside `period:<id>:council` for users recused on nothing in the period. */
  periodRanking: (id: string) => `period:${id}:ranking`,
  dossier: (id: string) => `dossier:${id}`,
  dossierCouncil: (id: string) => `dossier:${id}:council`,
  /**
   * Joined by the server (never by a client) for each dossier the user is recused on, alongside the council's
   * period room and a meeting's room: events about that dossier go to those rooms except this one.
   */
  dossierRecused: (id: string) => `dossier:${id}:recused`,
  meeting: (id: string) => `meeting:${id}`,
  user: (id: string) => `user:${id}`,
};
