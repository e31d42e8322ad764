import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { reportSessionEnded } from "../api/http";
import { noteActivity } from "../auth/keepAlive";
import { connectionBoard } from "../live/connectionBoard";
import { SyncConfirmations } from "./syncConfirmations";
import {
  COLLAB_CLOSE,
  COLLAB_PATH,
  COLLAB_RECONNECT_MAX_MS,
  openMeetingDocument,
  type MeetingDocument,
  type TCollabPresence,
} from "@ca/shared";

/** What the document's connection is doing; `closed` is final (the server refused this connection). */
export type CollabStatus = "connecting" | "connected" | "reconnecting" | "offline" | "closed";

export interface CollabState {
  status: CollabStatus;
  /** The close code of a final refusal (COLLAB_CLOSE), else null. */
  closeCode: number | null;
  /** True once the server's state has arrived: before that, the document is empty, not "no proposals". */
  synced: boolean;
  /** True once the server's state has arrived at least once: edits keep working offline from then on (queued). */
  loaded: boolean;
  /** Local edits the server has not confirmed yet (made offline, or sent and not yet acknowledged). */
  unsynced: number;
}

/** A sync message's sub-type (y-protocols): the server's step 1 asks for what we have, its step 2 answers ours. */
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
/** Typing is confirmed in one round trip shortly after it pauses, not once per keystroke. */
const CONFIRM_AFTER_MS = 150;
/** How long the document waits for the Socket.IO connection to be back before reconnecting anyway. */
const PRIMARY_FIRST_MS = 1_000;

/**
 * One dossier's meeting document, live: the Y.Doc, its typed layout, the awareness and the connection state,
 * reported to the tab's connection board together with how many local edits the server has not confirmed.
 */
export class MeetingDocumentSession {
  readonly doc = new Y.Doc();
  readonly md: MeetingDocument = openMeetingDocument(this.doc);
  readonly provider: WebsocketProvider;
  private state: CollabState = {
    status: "connecting",
    closeCode: null,
    synced: false,
    loaded: false,
    unsynced: 0,
  };
  private version = 0;
  private readonly listeners = new Set<() => void>();
  private everConnected = false;
  private readonly confirmations = new SyncConfirmations();
  private confirmTimer: ReturnType<typeof setTimeout> | null = null;
  private released = false;
  private destroyed = false;

  constructor(room: string, presence: TCollabPresence) {
    const origin = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
    this.provider = new WebsocketProvider(origin + COLLAB_PATH, room, this.doc, {
      // The server admits one room per socket; the session cookie authenticates it.
      maxBackoffTime: COLLAB_RECONNECT_MAX_MS,
    });
    this.provider.awareness.setLocalState(presence);
    this.watchSyncReplies();
    this.provider.on("status", ({ status }) => {
      if (status === "connected") {
        this.everConnected = true;
        // The provider sends its sync step 1 right after this event: the first reply on this socket is its.
        this.confirmations.newSocket();
        this.set({ status: "connected" });
      } else if (this.state.status !== "closed")
        this.set({
          status: !navigator.onLine ? "offline" : this.everConnected ? "reconnecting" : "connecting",
        });
    });
    this.provider.on("sync", (synced) => this.set(synced ? { synced, loaded: true } : { synced }));
    this.provider.on("closed", (event) => {
      this.set({ status: "closed", closeCode: event.code });
      // No session (any more): the sign-in page, rather than a document that stays closed.
      if (event.code === COLLAB_CLOSE.sessionEnded || event.code === COLLAB_CLOSE.unauthenticated)
        reportSessionEnded();
    });
    this.doc.on("update", (_update, origin) => {
      if (origin !== this.provider) {
        noteActivity();
        // The provider's own listener ran first: an edit made while connected is on the wire already.
        this.confirmations.localEdit(this.provider.wsconnected);
        this.set({ unsynced: this.confirmations.unsynced });
        this.confirmSoon();
      }
      this.bump();
    });
    this.provider.awareness.on("change", () => this.bump());
    // The browser knows first when the network is gone (a socket may linger half-open): stop, queue, come back.
    window.addEventListener("offline", this.onOffline);
    window.addEventListener("online", this.onOnline);
  }

  /**
   * y-websocket has no acknowledgement, but the server answers each sync step 1 with a step 2, in order, after
   * everything sent before it on the same socket: sending a step 1 after our edits and seeing its answer proves
   * the server has applied them. The server's own step 1 is answered (by the provider) with our offline edits.
   */
  private watchSyncReplies(): void {
    const handle = this.provider.messageHandlers[0]!;
    this.provider.messageHandlers[0] = (encoder, decoder, provider, emitSynced, type) => {
      const kind = (decoder as unknown as { arr: Uint8Array; pos: number }).arr[
        (decoder as unknown as { pos: number }).pos
      ];
      handle(encoder, decoder, provider, emitSynced, type);
      if (kind === SYNC_STEP1) {
        // Our answer (the offline edits) leaves as soon as this handler returns.
        this.confirmations.offlineEditsSent();
        this.confirmSoon(0);
      } else if (kind === SYNC_STEP2) {
        this.confirmations.replyArrived();
        this.set({ unsynced: this.confirmations.unsynced });
        this.confirmSoon();
      }
    };
  }

  /** Sends a sync step 1 once the edits on the wire are not yet covered by one. */
  private confirmSoon(delay = CONFIRM_AFTER_MS): void {
    if (this.confirmTimer) clearTimeout(this.confirmTimer);
    this.confirmTimer = setTimeout(() => {
      this.confirmTimer = null;
      const ws = this.provider.ws;
      if (!this.provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
      if (!this.confirmations.needsProbe()) return;
      this.confirmations.probeSent();
      ws.send(encodeSyncStep1(this.doc));
    }, delay);
  }

  private readonly onOffline = () => {
    if (this.state.status === "closed") return;
    this.provider.disconnect();
    this.set({ status: "offline" });
  };

  /** Back after the Socket.IO connection (1 s at most): see ConnectionBoard.whenPrimaryConnected. */
  private readonly onOnline = () => {
    if (this.state.status === "closed") return;
    this.set({ status: this.everConnected ? "reconnecting" : "connecting" });
    void connectionBoard.whenPrimaryConnected(PRIMARY_FIRST_MS).then(() => {
      if (!this.destroyed && this.state.status !== "closed" && navigator.onLine) this.provider.connect();
    });
  };

  setFocus(leafCode: string | null): void {
    this.provider.awareness.setLocalStateField("focus", leafCode);
  }

  /**
   * The page no longer shows this document. With nothing unconfirmed it closes now; otherwise it stays open,
   * out of sight, until the server has confirmed the last edits (the board keeps counting them meanwhile).
   */
  release(): void {
    this.released = true;
    this.provider.awareness.setLocalState(null);
    if (this.state.unsynced === 0 || this.state.status === "closed") this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.confirmTimer) clearTimeout(this.confirmTimer);
    window.removeEventListener("offline", this.onOffline);
    window.removeEventListener("online", this.onOnline);
    connectionBoard.remove(this);
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
    if (this.destroyed) return;
    this.state = { ...this.state, ...patch };
    const { status, unsynced } = this.state;
    if (status === "closed") connectionBoard.remove(this);
    else connectionBoard.report(this, { state: status, unsynced });
    this.bump();
    if (this.released && (unsynced === 0 || status === "closed")) this.destroy();
  }

  private bump(): void {
    this.version++;
    this.listeners.forEach((l) => l());
  }
}

/** A sync step 1 message (y-protocols): our state vector, after the message and sync type bytes. */
function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const vector = Y.encodeStateVector(doc);
  const length = varUint(vector.length);
  const out = new Uint8Array(2 + length.length + vector.length);
  out.set([0, SYNC_STEP1], 0);
  out.set(length, 2);
  out.set(vector, 2 + length.length);
  return out;
}

/** lib0's variable-length unsigned integer: seven bits a byte, low bits first. */
function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
