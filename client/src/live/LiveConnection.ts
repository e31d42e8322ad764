import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@ca/shared";
import { reportSessionEnded } from "../api/http";
import { noteActivity } from "../auth/keepAlive";
import { connectionBoard } from "./connectionBoard";

/** What the connection chip shows; "connecting" is the first attempt, "reconnecting" any later one. */
export type LiveStatus = "connecting" | "connected" | "reconnecting" | "offline";
export type LiveEventName = keyof ServerToClientEvents;
export type LivePayload<E extends LiveEventName> = Parameters<ServerToClientEvents[E]>[0];

type AnyHandler = (payload: never) => void;
const EVENT_NAMES: readonly LiveEventName[] = [
  "dossier:update",
  "period:update",
  "comment:new",
  "comment:update",
  "ranking:update",
  "notification:new",
  "meeting:update",
  "meeting:focus",
  "presence",
  "meeting:projection",
];
export type MeetingLook = Parameters<ClientToServerEvents["meeting:look"]>[0];
/** How long a socket that survived a network cut has to answer a probe before it is replaced. */
const PROBE_TIMEOUT_MS = 1_500;

/**
 * One Socket.IO connection per signed-in person, shared by every page. Pages ask for rooms (reference-counted,
 * re-joined after each reconnect, since a fresh server connection starts in no room) and listen to events;
 * after a reconnect that could not recover missed events, `onResync` listeners refetch what they show.
 * socket.io-client is loaded on first use, so the login page never ships it.
 */
export class LiveConnection {
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private readonly rooms = new Map<string, number>();
  private readonly handlers = new Map<LiveEventName, Set<AnyHandler>>();
  private readonly statusListeners = new Set<() => void>();
  private readonly resyncListeners = new Set<() => void>();
  private everConnected = false;
  /** The last `meeting:look` said, repeated after each (re)join of its meeting room: presence is per socket. */
  private currentLook: MeetingLook | null = null;
  private generation = 0;
  private started = false;
  status: LiveStatus = "connecting";

  private readonly onBrowserOffline = () => this.setStatus("offline");
  /**
   * The network is back. A socket that is down reconnects now rather than at the end of its backoff (up to 10 s).
   * A socket that still says "connected" may have outlived the cut or may be half-open: one round trip decides,
   * and until it answers the chip says "reconnecting" — never "offline" over a live socket, never "connected"
   * over a dead one.
   */
  private readonly onBrowserOnline = () => {
    const socket = this.socket;
    if (!socket) return;
    this.setStatus("reconnecting");
    if (!socket.connected) return this.reconnectNow(socket);
    socket.timeout(PROBE_TIMEOUT_MS).emit("probe", (err: Error | null) => {
      if (this.socket !== socket) return;
      if (!err && socket.connected) this.setStatus("connected");
      else this.reconnectNow(socket);
    });
  };

  /** Drops any backoff in progress and opens a fresh connection at once. */
  private reconnectNow(socket: Socket<ServerToClientEvents, ClientToServerEvents>): void {
    socket.disconnect();
    socket.connect();
  }

  start(): void {
    const generation = ++this.generation;
    this.started = true;
    connectionBoard.report(this, { state: this.status, unsynced: 0 });
    connectionBoard.setPrimary(this);
    window.addEventListener("offline", this.onBrowserOffline);
    window.addEventListener("online", this.onBrowserOnline);
    import("socket.io-client")
      .then(({ io }) => {
        if (generation !== this.generation) return; // closed (or restarted) while the module loaded
        const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
          path: "/socket.io",
          // WebSocket only: the server admits a handshake only with an allowed Origin header (CSWSH defence),
          // and browsers send none on the same-origin GET requests of the long-polling transport.
          transports: ["websocket"],
          withCredentials: true,
          reconnectionDelayMax: 10_000,
        });
        this.socket = socket;
        socket.on("connect", () => {
          this.setStatus("connected");
          for (const room of this.rooms.keys()) this.emitJoin(room);
          if (this.everConnected && !socket.recovered) this.resyncListeners.forEach((l) => l());
          this.everConnected = true;
        });
        socket.on("disconnect", (reason) => {
          // The server drops a socket without a session; retrying would only be refused again.
          if (reason === "io server disconnect" || !navigator.onLine) this.setStatus("offline");
          else this.setStatus("reconnecting");
        });
        socket.on("connect_error", () => {
          if (!navigator.onLine) this.setStatus("offline");
          else if (this.everConnected) this.setStatus("reconnecting");
        });
        socket.io.on("reconnect_failed", () => this.setStatus("offline"));
        // The session was ended (sign-out elsewhere, expiry, account disabled, password reset): sign in again.
        socket.on("session:ended", () => reportSessionEnded());
        for (const name of EVENT_NAMES)
          socket.on(name, ((payload: never) => this.handlers.get(name)?.forEach((h) => h(payload))) as never);
      })
      .catch(() => this.setStatus("offline"));
  }

  close(): void {
    this.generation++;
    window.removeEventListener("offline", this.onBrowserOffline);
    window.removeEventListener("online", this.onBrowserOnline);
    this.socket?.disconnect();
    this.socket = null;
    this.everConnected = false;
    this.setStatus("connecting");
    this.started = false;
    connectionBoard.remove(this);
  }

  /** Joins a room while at least one caller wants it; returns the matching leave. */
  join(room: string): () => void {
    const count = this.rooms.get(room) ?? 0;
    this.rooms.set(room, count + 1);
    if (count === 0 && this.socket?.connected) this.emitJoin(room);
    return () => {
      const left = (this.rooms.get(room) ?? 1) - 1;
      if (left > 0) return void this.rooms.set(room, left);
      this.rooms.delete(room);
      if (this.socket?.connected) this.socket.emit("leave", room);
    };
  }

  on<E extends LiveEventName>(name: E, handler: (payload: LivePayload<E>) => void): () => void {
    const set = this.handlers.get(name) ?? new Set<AnyHandler>();
    set.add(handler as AnyHandler);
    this.handlers.set(name, set);
    return () => void set.delete(handler as AnyHandler);
  }

  /** Tells the meeting room what this person looks at (null: nothing, e.g. on leaving the meeting page). */
  look(look: MeetingLook | null): void {
    this.currentLook = look;
    if (look) noteActivity();
    if (look && this.socket?.connected && this.rooms.has(`meeting:${look.meetingId}`))
      this.socket.emit("meeting:look", look);
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => void this.resyncListeners.delete(listener);
  }

  subscribeStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  private emitJoin(room: string): void {
    this.socket?.emit("join", room, (result) => {
      // The database away for a moment: ask again while the room is still wanted.
      if (result?.error === "database_unavailable")
        return void setTimeout(
          () => this.rooms.has(room) && this.socket?.connected && this.emitJoin(room),
          2_000,
        );
      // A refused room is a page asking for more than its reader may see; the REST answers stay authoritative.
      if (!result?.ok) console.warn("live room refused", room, result?.error);
      else if (this.currentLook && room === `meeting:${this.currentLook.meetingId}`)
        this.socket?.emit("meeting:look", this.currentLook);
    });
  }

  private setStatus(status: LiveStatus): void {
    // The board hears every state while the connection is open (it combines it with the shared documents').
    if (this.started) connectionBoard.report(this, { state: status, unsynced: 0 });
    if (status === this.status) return;
    this.status = status;
    this.statusListeners.forEach((l) => l());
  }
}
