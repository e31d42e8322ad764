/** Socket.IO events, typed for both ends (CONVENTIONS §6). Events say what changed; clients refetch details. */
export interface ServerToClientEvents {
  "period:update": (p: { periodId: string; at: string }) => void;
  "dossier:update": (p: { dossierId: string; status: string; version: number }) => void;
}

export interface ClientToServerEvents {
  join: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  leave: (room: string) => void;
}

/** Room names: `period:<id>`, `dossier:<id>`, `meeting:<id>`. */
export const roomOf = {
  period: (id: string) => `period:${id}`,
  dossier: (id: string) => `dossier:${id}`,
  meeting: (id: string) => `meeting:${id}`,
};
