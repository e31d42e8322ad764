import type { DossierProjection } from "../collab/dossierProjection";

/**
 * A meeting's documents (one Yjs document per agenda dossier, named by `collabRoom(meetingId, dossierId)`) as the
 * meeting commands need them, whoever serves them: the Yjs endpoint of this server, or only the stored documents
 * when none runs (collab/meetingDocuments.ts builds both). Commands and routes see this port, never the endpoint.
 */
export interface MeetingDocuments {
  /**
   * Runs `fn` with the documents frozen: edits are held from the start, every update received so far is written,
   * and `fn` is handed their in-memory states (ahead of the database by nothing then). Once `fn` settles the
   * connections are checked again (an ended meeting's editors become read-only). A milestone — the end of the
   * meeting, a lock — so records exactly the state it snapshots.
   */
  hold<T>(rooms: readonly string[], fn: (live: ReadonlyMap<string, Uint8Array>) => Promise<T>): Promise<T>;
  /** The in-memory states of the documents loaded here (ahead of the database by the writes in flight). */
  liveStates(rooms: readonly string[]): ReadonlyMap<string, Uint8Array>;
  /** A dossier's projection in the meeting (valid proposals, their answers, verdicts): the live one, else the stored. */
  projection(meetingId: string, dossierId: string): Promise<DossierProjection>;
}
