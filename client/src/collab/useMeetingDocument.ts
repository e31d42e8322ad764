import { useEffect, useState, useSyncExternalStore } from "react";
import type { TCollabPresence } from "@ca/shared";
import { MeetingDocumentSession, type CollabState } from "./meetingDocumentSession";

export { MeetingDocumentSession, type CollabState, type CollabStatus } from "./meetingDocumentSession";

/**
 * Opens the document of a dossier in a meeting while mounted (null room: none, e.g. a recused member, who must
 * not even connect). Returns the session, or null until it exists.
 */
export function useMeetingDocument(
  room: string | null,
  presence: TCollabPresence,
): MeetingDocumentSession | null {
  const [session, setSession] = useState<MeetingDocumentSession | null>(null);
  const name = presence.name;
  useEffect(() => {
    if (!room) return;
    const s = new MeetingDocumentSession(room, { name, focus: null });
    setSession(s);
    return () => {
      setSession(null);
      // Edits not yet confirmed keep the document open until they are (leaving waits for the last edits).
      s.release();
    };
  }, [room, name]);
  return session;
}

const NONE: CollabState = {
  status: "connecting",
  closeCode: null,
  synced: false,
  loaded: false,
  unsynced: 0,
};

/** The connection state of a session (re-rendering on change). */
export function useCollabState(session: MeetingDocumentSession | null): CollabState {
  return useSyncExternalStore(
    (l) => (session ? session.subscribe(l) : () => undefined),
    () => (session ? session.getState() : NONE),
  );
}

/** Re-renders on every change of the document; returns a counter to key memoised reads on. */
export function useDocumentVersion(session: MeetingDocumentSession | null): number {
  return useSyncExternalStore(
    (l) => (session ? session.subscribe(l) : () => undefined),
    () => (session ? session.getVersion() : 0),
  );
}
