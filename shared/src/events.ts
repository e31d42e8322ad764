/** Socket.IO events, typed for both ends (CONVENTIONS §6). Events say what changed; clients refetch details. */
export interface ServerToClientEvents {
  "dossier:update": (p: { dossierId: string; status: string; version: number }) => void;
  "comment:new": (p: { dossierId: string; commentId: string }) => void;
  "comment:update": (p: { dossierId: string; commentId: string; status: string }) => void;
  /** The provisional ranking of the period changed (throttled to ≤ 4 a second); refetch it. */
  "ranking:update": (p: { periodId: string; at: string }) => void;
  "notification:new": (p: { notificationId: string; kind: string }) => void;
}

export interface ClientToServerEvents {
  join: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  leave: (room: string) => void;
}

/**
 * Rooms, each joined only when `can()` allows it: `period:<id>` (any reader), `period:<id>:council` (readers of
 * the provisional ranking), `dossier:<id>` (readers of the dossier), `dossier:<id>:council` (readers of the
 * council's work on it), `meeting:<id>`; `user:<id>` is joined automatically for notifications.
 */
export const roomOf = {
  period: (id: string) => `period:${id}`,
  periodCouncil: (id: string) => `period:${id}:council`,
  dossier: (id: string) => `dossier:${id}`,
  dossierCouncil: (id: string) => `dossier:${id}:council`,
  meeting: (id: string) => `meeting:${id}`,
  user: (id: string) => `user:${id}`,
};
