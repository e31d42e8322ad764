import type { CollabCloseCode } from "@ca/shared";
import type { MeetingProjections } from "./meetingProjections";
import type { SharedDocument } from "./sharedDocument";

// The Yjs endpoint as the rest of the server sees it, apart from how it is built (collabServer.ts), so that the
// registry and the routes depend on this shape and not on the endpoint's module.

export interface CollabInspection {
  documents: { name: string; connections: number; editors: number; users: string[]; pendingWrites: number }[];
  connections: number;
}

/** The Yjs endpoint's handle for routes, commands' callers, tests and shutdown. */
export interface CollabServer {
  /** What is in memory: documents and their connections (tests check that a document is freed). */
  inspect(): CollabInspection;
  /**
   * Closes every connection of a user, on one document or on all, with a close code (default: recused). For
   * "a recusal added mid-meeting closes the affected connections"; `reauthorizeUser` decides per document.
   */
  closeUserConnections(userId: string, docName?: string, code?: CollabCloseCode): number;
  /**
   * Re-asks `can()` for each connection of a user (new conflict, new roles, disabled): closes, downgrades or
   * promotes; and has every live projection judge its proposals again (a recused author's stop counting).
   */
  reauthorizeUser(userId: string): Promise<void>;
  /**
   * Re-asks `can()` for each connection on these documents (the meeting started or ended), on every instance
   * unless `local` (the notice of another instance: docs/scaling.md).
   */
  reauthorizeDocuments(docNames: readonly string[], opts?: { local?: boolean }): Promise<void>;
  /**
   * Runs `fn` while every edit to these documents is dropped, then re-checks their connections: a milestone
   * (the end of the meeting, a lock) then freezes exactly the state it snapshots.
   */
  holdEdits<T>(docNames: readonly string[], fn: () => Promise<T>): Promise<T>;
  /** The in-memory state of those documents that are loaded (ahead of the database by the writes in flight). */
  liveStates(docNames: readonly string[]): Map<string, Uint8Array>;
  /** Resolves once every update received so far on these documents (default: all) is written. */
  flush(docNames?: readonly string[]): Promise<void>;
  /** Closes every connection (1001: clients reconnect by themselves), writes what is pending, frees the documents. */
  close(): Promise<void>;
  /** The server's judgement of every meeting document: provisional scores, verdicts, locks. */
  projections: MeetingProjections;
  /** A document in memory here (loaded or loading), for the relay between instances. */
  document(name: string): SharedDocument | undefined;
}
