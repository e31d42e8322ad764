import { useEffect, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { reportSessionEnded } from "../api/http";
import { noteActivity } from "../auth/keepAlive";
import {
  COLLAB_CLOSE,
  COLLAB_PATH,
  COLLAB_RECONNECT_MAX_MS,
  openMeetingDocument,
  type MeetingDocument,
  type TCollabPresence,
} from "@ca/shared";

/** What the document's connection chip shows; `closed` is final (the server refused this connection). */
export type CollabStatus = "connecting" | "connected" | "reconnecting" | "offline" | "closed";

export interface CollabState {
  status: CollabStatus;
  /** The close code of a final refusal (COLLAB_CLOSE), else null. */
  closeCode: number | null;
  /** True once the server's state has arrived: before that, the document is empty, not "no proposals". */
  synced: boolean;
  /** True once the server's state has arrived at least once: edits keep working offline from then on (queued). */
  loaded: boolean;
  /** Local edits made while not connected, sent when the connection comes back. */
  queued: number;
}

/** One dossier's meeting document, live: the Y.Doc, its typed layout, the awareness and the connection state. */
export class MeetingDocumentSession {
  readonly doc = new Y.Doc();
  readonly md: MeetingDocument = openMeetingDocument(this.doc);
  readonly provider: WebsocketProvider;
  private state: CollabState = {
    status: "connecting",
    closeCode: null,
    synced: false,
    loaded: false,
    queued: 0,
  };
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private everConnected = false;

  constructor(room: string, presence: TCollabPresence) {
    const origin = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
    this.provider = new WebsocketProvider(origin + COLLAB_PATH, room, this.doc, {
      // The server admits one room per socket; the session cookie authenticates it.
      maxBackoffTime: COLLAB_RECONNECT_MAX_MS,
    });
    this.provider.awareness.setLocalState(presence);
    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.everConnected = true;
        this.set({ status: "connected" });
      } else if (this.state.status !== "closed")
        this.set({
          status: !navigator.onLine ? "offline" : this.everConnected ? "reconnecting" : "connecting",
        });
    });
    this.provider.on("sync", (synced) => this.set(synced ? { synced, loaded: true, queued: 0 } : { synced }));
    this.provider.on("closed", (event) => {
      this.set({ status: "closed", closeCode: event.code });
      // No session (any more): the sign-in page, rather than a document that stays closed.
      if (event.code === COLLAB_CLOSE.sessionEnded || event.code === COLLAB_CLOSE.unauthenticated)
        reportSessionEnded();
    });
    this.doc.on("update", (_update, origin) => {
      if (origin !== this.provider) noteActivity();
      // Our own edits made while the socket is down wait in the document until the next sync.
      if (origin !== this.provider && !this.provider.wsconnected) this.set({ queued: this.state.queued + 1 });
      this.bump();
    });
    this.provider.awareness.on("change", () => this.bump());
    // The browser knows first when the network is gone (a socket may linger half-open): stop, queue, come back.
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  private readonly onOffline = () => {
    if (this.state.status === "closed") return;
    this.provider.disconnect();
    this.set({ status: "offline" });
  };

  private readonly onOnline = () => {
    if (this.state.status === "closed") return;
    this.set({ status: this.everConnected ? "reconnecting" : "connecting" });
    this.provider.connect();
  };

  setFocus(leafCode: string | null): void {
    this.provider.awareness.setLocalStateField("focus", leafCode);
  }

  destroy(): void {
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  getState = () => this.state;
  /** Grows on every change of the document or of the awareness: components re-read what they show. */
  getVersion = () => this.version;

  private set(patch: Partial<CollabState>): void {
    this.state = { ...this.state, ...patch };
    this.bump();
  }

  private bump(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }
}

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
      s.destroy();
    };
  }, [room, name]);
  return session;
}

const NONE: CollabState = { status: "connecting", closeCode: null, synced: false, loaded: false, queued: 0 };

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
