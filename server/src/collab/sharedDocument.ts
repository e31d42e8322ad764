import type { Logger } from "pino";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import { ensureNoteTexts } from "@ca/shared";
import type { Db } from "../db/client";
import type { CollabConnection } from "./collabConnection";
import { RELAYED } from "./origins";
import { DocumentWriter } from "./documentWriter";
import { loadDocumentUpdates } from "./persistence";
import {
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwarenessMessage,
  encodeAwarenessUpdate,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type AwarenessEntry,
} from "./protocol";

export type { CollabConnection };

export interface SharedDocumentDeps {
  db: Db;
  logger: Logger;
  /** Appended rows after which the document is compacted into its state row. */
  compactEvery: number;
  /** The dossier's leaf codes, for the notes texts the server creates (see ensureNoteTexts). */
  leafCodes: () => Promise<string[]>;
  /** True while a meeting milestone holds every edit of this document (the end snapshot is being taken). */
  editsHeld: () => boolean;
  /** Called once the document is destroyed, to drop it from the server's map. */
  onFreed: (doc: SharedDocument) => void;
  /**
   * Called once loaded, before any client syncs, with the origin of the server's own writes: the judge (the one
   * instance, or the lease holder of several) then writes the note texts and projects the document.
   */
  onLoaded?: (doc: SharedDocument, serverOrigin: symbol) => Promise<void>;
  /** With several instances (docs/scaling.md): where this instance's own changes are published. */
  relay?: {
    publish(kind: "update" | "awareness", bytes: Uint8Array): void;
    /** Whether relayed updates are written here too (by the judge: see docs/scaling.md, "Nothing lost"). */
    writesRelayed(): boolean;
  };
}

// Transaction origins: loading from the database is neither persisted again nor broadcast.
const LOAD = Symbol("load");
const SERVER = Symbol("server");
// A client needs one or two ids (Yjs picks a new one on a clientID clash); more is someone speaking for others.
const MAX_IDS_PER_CONNECTION = 4;
const MAX_PRESENCE_CHARS = 8_192;

/**
 * A loaded Yjs document and its connections: it loads from PostgreSQL before any client syncs, applies editors'
 * updates, broadcasts them, persists them, and is freed once its last client has left and everything is written.
 */
export class SharedDocument {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<CollabConnection>();
  readonly ready: Promise<void>;
  destroyed = false;
  private readonly owners = new Map<number, CollabConnection>();
  /** Who last claimed each awareness client id (kept after they leave, for their reconnection). */
  private readonly claimedBy = new Map<number, string>();
  private readonly writer: DocumentWriter;
  private releasing: Promise<void> | null = null;
  private leafCodes: string[] = [];

  constructor(
    readonly name: string,
    private readonly deps: SharedDocumentDeps,
  ) {
    this.writer = new DocumentWriter(name, deps);
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on("update", this.onAwareness);
    this.ready = this.load();
  }

  /** Updates not yet written to the database. */
  get pendingWrites(): number {
    return this.writer.pendingWrites;
  }

  private async load(): Promise<void> {
    const [updates, codes] = await Promise.all([
      loadDocumentUpdates(this.deps.db, this.name),
      this.deps.leafCodes(),
    ]);
    this.doc.transact(() => updates.forEach((u) => Y.applyUpdate(this.doc, u)), LOAD);
    this.leafCodes = codes;
    if (this.deps.onLoaded) await this.deps.onLoaded(this, SERVER);
    else await this.writeNoteTexts();
    if (updates.length > this.deps.compactEvery) this.compactSoon();
  }

  /**
   * The note texts, created by the judge, once, before any client syncs: clients (or two instances) creating them
   * would race (see noteText). Written before any client syncs: were the server to die before this insert, a
   * restart would create other texts for the same leaves, and what clients typed into these would be hidden.
   */
  async writeNoteTexts(): Promise<void> {
    if (ensureNoteTexts(this.doc, this.leafCodes, SERVER)) await this.flushed();
  }

  /**
   * Appends the whole state once (an instance that just became the judge): what a judge that died had relayed
   * here but not yet written is then written too. Yjs merges duplicates, so nothing is stored twice in effect.
   */
  writeWholeState(): void {
    this.writer.persist(Y.encodeStateAsUpdate(this.doc));
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOAD) return;
    const relayed = origin === RELAYED;
    // Broadcast at once, appended shortly after (collab/documentWriter.ts).
    if (!relayed || this.deps.relay?.writesRelayed()) this.writer.persist(update);
    if (!relayed) this.deps.relay?.publish("update", update);
    const message = encodeUpdate(update);
    for (const c of this.conns) if (c !== origin) send(c, message);
  }

  private onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Our clients' presence goes to the other instances; a state timing out is timed out by each on its own.
    if (origin !== RELAYED && origin !== "timeout") this.deps.relay?.publish("awareness", update);
    const message = encodeAwarenessMessage(update);
    // To everyone, the sender included: a lone client's own echo is what keeps its provider from timing out.
    for (const c of this.conns) send(c, message);
  };

  /** Registers a connection and starts its sync: our step 1 to editors (to receive their offline edits), presence to all. */
  add(conn: CollabConnection): void {
    this.conns.add(conn);
    if (conn.mode === "edit") send(conn, encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length)
      send(conn, encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** Unregisters a connection, clears its presence, and frees the document if it was the last one. */
  remove(conn: CollabConnection): void {
    if (!this.conns.delete(conn)) return;
    const ids = [...conn.controlled].filter((id) => this.owners.get(id) === conn);
    ids.forEach((id) => this.owners.delete(id));
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    if (this.conns.size === 0) void this.release();
  }

  /** Changes what a connection may do; one promoted to editor is asked for what it has that we lack. */
  setMode(conn: CollabConnection, mode: "edit" | "view"): void {
    if (conn.mode === mode) return;
    conn.mode = mode;
    if (mode === "edit") send(conn, encodeSyncStep1(this.doc));
  }

  /** Handles one protocol message from a connection; throws on a malformed one (the caller closes it). */
  handle(conn: CollabConnection, data: Uint8Array): void {
    const msg = decodeMessage(data);
    switch (msg.type) {
      case "syncStep1":
        send(conn, encodeSyncStep2(this.doc, msg.stateVector));
        return;
      case "syncStep2":
      case "update":
        // Read-only connections (leadership, the admin, everyone outside a running meeting) may send what they
        // like: it is dropped here, so it is neither applied, nor broadcast, nor persisted (docs/targets.md S4).
        if (conn.mode !== "edit" || this.deps.editsHeld()) {
          conn.dropped++;
          return;
        }
        Y.applyUpdate(this.doc, msg.update, conn);
        return;
      case "awareness":
        this.applyPresence(conn, decodeAwarenessUpdate(msg.update));
        return;
      case "queryAwareness":
        send(
          conn,
          encodeAwarenessMessage(
            awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
          ),
        );
        return;
      case "auth":
        return;
    }
  }

  /**
   * Presence passes for every connection, read-only ones included, but each speaks only for its own client ids,
   * and the server stamps the session's user id into each state so that nobody appears as someone else.
   * Stock providers re-send every awareness change they receive, other clients' included, so an entry for an id
   * is accepted only from the connection that claimed it. A claim is a non-null state for an id never seen, or
   * for an id last claimed by the same user (that user reconnecting): taken over from a live connection only
   * with a newer clock, since echoes carry no newer clock than the server's. Echoes of removals are dropped.
   */
  private applyPresence(conn: CollabConnection, entries: AwarenessEntry[]): void {
    const accepted: AwarenessEntry[] = [];
    for (const e of entries) {
      if (e.clientID === this.doc.clientID || e.state.length > MAX_PRESENCE_CHARS) continue;
      const owner = this.owners.get(e.clientID);
      if (owner !== conn) {
        const known = this.awareness.meta.get(e.clientID);
        const sameUser = this.claimedBy.get(e.clientID) === conn.user.id;
        const claim =
          e.state !== "null" &&
          (known === undefined
            ? conn.controlled.size < MAX_IDS_PER_CONNECTION
            : sameUser && (owner ? e.clock > known.clock : e.clock >= known.clock));
        if (!claim) continue;
        // A client back after its old connection was let go resends its state with the clock it had, which
        // awareness would ignore as not newer: one tick more makes its presence reappear at once.
        if (known && e.clock <= known.clock) e.clock = known.clock + 1;
        owner?.controlled.delete(e.clientID);
        this.owners.set(e.clientID, conn);
        this.claimedBy.set(e.clientID, conn.user.id);
        conn.controlled.add(e.clientID);
      }
      let state = e.state;
      if (state !== "null") {
        let value: unknown;
        try {
          value = JSON.parse(state);
        } catch {
          continue;
        }
        if (!value || typeof value !== "object" || Array.isArray(value)) continue;
        state = JSON.stringify({ ...(value as object), userId: conn.user.id });
      }
      accepted.push({ ...e, state });
    }
    if (accepted.length)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessUpdate(accepted), conn);
  }

  /** Resolves once every update received so far is written. */
  flushed(): Promise<void> {
    return this.writer.flushed();
  }

  private compactSoon(): void {
    void this.ready.then(() => this.writer.compact());
  }

  /**
   * After the last client left: write what is pending, compact, and destroy the document unless a client came
   * back meanwhile. The final check and the destruction happen in one synchronous step, and attaching checks
   * `destroyed` in one synchronous step too, so a client never joins a destroyed document.
   */
  release(): Promise<void> {
    this.releasing ??= (async () => {
      try {
        await this.ready.catch(() => undefined);
        await this.flushed();
        if (this.conns.size === 0) await this.writer.compact();
        await this.flushed();
      } finally {
        this.releasing = null;
      }
      if (this.conns.size === 0 && this.writer.idle && !this.destroyed) this.destroy();
    })();
    return this.releasing;
  }

  /** Stops retrying failed writes forever (server shutdown): gives up after the longest backoff. */
  stop(): void {
    this.writer.stop();
  }

  /** Frees the document's memory (Y.Doc, awareness timer) and tells the server. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
    this.deps.onFreed(this);
  }
}

function send(conn: CollabConnection, message: Uint8Array): void {
  if (conn.ws.readyState !== conn.ws.OPEN) return;
  conn.ws.send(message, (err) => {
    if (err) conn.ws.terminate();
  });
}
