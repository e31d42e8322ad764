import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SessionEndReason } from "@ca/shared";
import type { SessionTarget } from "./liveSessions";

/** Between server instances (through the Redis adapter): another instance changed a period's ranking. */
export interface InterServerEvents {
  /** A period's cached ranking is stale: its base, or only that dossier's part of it. */
  "ranking:invalidate": (periodId: string, dossierId?: string) => void;
  /** Sessions ended (sign-out, disabled, password reset): each instance ends its own connections of them. */
  "session:end": (target: SessionTarget, reason: SessionEndReason) => void;
  /** An account's rights changed: each instance decides its Yjs connections of that user again. */
  "account:changed": (userId: string) => void;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents>;
