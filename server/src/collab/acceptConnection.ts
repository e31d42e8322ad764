import type http from "node:http";
import type { Logger } from "pino";
import type { RawData, WebSocket } from "ws";
import { COLLAB_CLOSE } from "@ca/shared";
import type { Db } from "../db/client";
import type { DatabaseReachability } from "../db/reachability";
import type { LiveSessions } from "../realtime/liveSessions";
import { decideAccess } from "./access";
import type { CollabConnection } from "./collabConnection";
import type { SharedDocument } from "./sharedDocument";
import type { UpgradeSessionUser } from "./upgradeSession";

// What a client may send while its session is checked and the document loads (the stock provider sends two or
// three small messages): beyond either bound it is closed, so that nobody unauthenticated makes us hold megabytes.
const MAX_QUEUED = 256;
const MAX_QUEUED_BYTES = 1024 * 1024;

/** What a connection needs of the endpoint (collabServer.ts). */
export interface AcceptDeps {
  db: Db;
  logger: Logger;
  reachability: Pick<DatabaseReachability, "noteFailure">;
  sessionUser: UpgradeSessionUser;
  sessions: Pick<LiveSessions, "track">;
  /** Every open connection of the endpoint (pinged, re-authorized, closed at shutdown). */
  conns: Set<CollabConnection>;
  /** The document, loaded (or loading) and with this connection attached. */
  openDocument(docName: string, dossierId: string, conn: CollabConnection): Promise<SharedDocument>;
  /** True once the endpoint is closing: a connection authorized meanwhile is not attached. */
  closing(): boolean;
}

/**
 * One upgraded WebSocket on `/collab/<room>`: its messages wait while the session is read and `can()` decides
 * (collab/access.ts); then it is attached to the document in edit or view mode, and it ends with its session
 * (4440), a malformed message (4400) or its peer.
 */
export function acceptConnection(
  ws: WebSocket,
  req: http.IncomingMessage,
  room: string,
  deps: AcceptDeps,
): void {
  const { db, logger, sessionUser, sessions, conns, openDocument } = deps;
  const queue: Uint8Array[] = [];
  let queuedBytes = 0;
  let conn: CollabConnection | null = null;
  let doc: SharedDocument | null = null;
  let untrack = () => undefined as void;
  /**
   * The session ended: out of the document at once (nothing more is applied or sent to it), then closed for
   * good (4440: the provider stops and the page signs out); a peer that ignores the closing handshake is cut.
   */
  const endSession = (reason: string) => {
    if (conn) {
      conns.delete(conn);
      doc?.remove(conn);
    }
    conn = null;
    queue.length = 0;
    ws.close(COLLAB_CLOSE.sessionEnded, reason);
    setTimeout(() => ws.terminate(), 1_000).unref();
  };
  const handleData = (c: CollabConnection, d: SharedDocument, data: Uint8Array) => {
    try {
      d.handle(c, data);
    } catch (err) {
      logger.debug({ err, doc: d.name, user: c.user.id }, "collab: malformed message");
      ws.close(COLLAB_CLOSE.badMessage, "malformed message");
    }
  };
  ws.on("message", (data: RawData, isBinary: boolean) => {
    // Closing (its session ended, or any other close): what still arrives is not applied.
    if (ws.readyState !== ws.OPEN) return;
    if (!isBinary) return void ws.close(COLLAB_CLOSE.badMessage, "binary messages only");
    const bytes = toBytes(data);
    if (conn && doc) return handleData(conn, doc, bytes);
    // Until the session is checked and the document loaded, messages wait: nothing is answered from a
    // document that is not fully loaded yet, and nothing is applied before the connection is authorized.
    if (ws.readyState !== ws.OPEN) return;
    queuedBytes += bytes.byteLength;
    if (queue.push(bytes) > MAX_QUEUED || queuedBytes > MAX_QUEUED_BYTES) {
      queue.length = 0;
      ws.close(COLLAB_CLOSE.badMessage, "too much data before the session was checked");
    }
  });
  ws.on("error", (err) => logger.debug({ err }, "collab: socket error"));
  ws.on("pong", () => {
    if (conn) conn.alive = true;
  });
  ws.on("close", () => {
    untrack();
    if (conn) {
      conns.delete(conn);
      doc?.remove(conn);
    }
  });

  void (async () => {
    const signedIn = await sessionUser(req);
    // Tracked before anything else is awaited: a session ending while the document loads ends this too.
    if (signedIn && ws.readyState === ws.OPEN)
      untrack = sessions.track(signedIn.sid, signedIn.user.id, { end: endSession });
    const access = await decideAccess(db, signedIn?.user ?? null, room);
    if (!access.ok) return ws.close(access.code, access.reason);
    if (ws.readyState !== ws.OPEN || deps.closing()) return;
    const c: CollabConnection = {
      ws,
      user: signedIn!.user,
      docName: room,
      meetingId: access.meetingId,
      dossierId: access.dossierId,
      mode: access.mode,
      controlled: new Set(),
      alive: true,
      dropped: 0,
    };
    conns.add(c);
    const d = await openDocument(room, access.dossierId, c);
    if (ws.readyState !== ws.OPEN) {
      conns.delete(c);
      d.remove(c);
      return;
    }
    conn = c;
    doc = d;
    for (const data of queue.splice(0)) handleData(c, d, data);
  })().catch((err) => {
    // The database away (restarting): the provider reconnects by itself on 4503, so it is not worth a stack.
    if (deps.reachability.noteFailure(err)) logger.warn({ room }, "collab: database unreachable");
    else logger.error({ err, room }, "collab: could not open a connection");
    if (ws.readyState === ws.OPEN) ws.close(COLLAB_CLOSE.unavailable, "try again later");
  });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
