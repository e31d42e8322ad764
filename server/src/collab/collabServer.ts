import http from "node:http";
import type { Duplex } from "node:stream";
import { eq } from "drizzle-orm";
import type { RequestHandler } from "express";
import type passport from "passport";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { collabRoom, COLLAB_CLOSE, COLLAB_CLOSE_STATUS, COLLAB_PATH, parseCollabRoom } from "@ca/shared";
import type { AppContext } from "../context";
import { toRequestUser } from "../auth/passport";
import { users } from "../db/schema";
import { isAllowedOrigin } from "../http/originCheck";
import { decideAccess, leafCodesOf } from "./access";
import { MeetingProjections } from "./meetingProjections";
import type { CollabServer } from "./collabEndpoint";
import { SharedDocument, type CollabConnection } from "./sharedDocument";
import { acceptConnection } from "./acceptConnection";
import { upgradeSessionUser } from "./upgradeSession";
import type { LiveSessions } from "../realtime/liveSessions";
import type { CollabCluster } from "./cluster/collabCluster";
import { joinCluster } from "./cluster/joinCluster";

export type { CollabInspection, CollabServer } from "./collabEndpoint";

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
const PING_INTERVAL_MS = 30_000;
const COMPACT_EVERY = 100;

/**
 * The y-websocket endpoint at `/collab/<room>` on the app's HTTP server (docs/architecture.md). On upgrade it checks the
 * Origin (cross-site: 403 before any upgrade, docs/targets.md S5); then the session, the room and `can()`. Refusals after
 * the Origin are close codes in 4400–4499 rather than HTTP statuses: a browser sees nothing of a refused
 * handshake but a 1006, on which the stock provider retries forever, while a 44xx close tells it (and the page)
 * why and stops it; no document byte is sent before the decision.
 */
export function createCollabServer(
  ctx: AppContext,
  server: http.Server,
  sessionMiddleware: RequestHandler,
  pp: passport.PassportStatic,
  opts: {
    sessions: LiveSessions;
    compactEvery?: number;
    /** With several instances (REDIS_URL): the relay, leases and notices between them (docs/scaling.md). */
    cluster?: CollabCluster;
    /** Another instance judged proposals of this period: the cached provisional ranking is stale. */
    onProposalsHeard?: (periodId: string) => void;
  },
): CollabServer {
  const { db } = ctx.database;
  const logger = ctx.logger.child({ module: "collab" });
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  const docs = new Map<string, SharedDocument>();
  const conns = new Set<CollabConnection>();
  const held = new Map<string, number>();
  let closing = false;
  const projections = new MeetingProjections(db, ctx.effects, logger);
  const { cluster } = opts;
  const sessionUser = upgradeSessionUser(
    sessionMiddleware,
    pp,
    ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000,
  );

  const openDocument = async (
    docName: string,
    dossierId: string,
    conn: CollabConnection,
  ): Promise<SharedDocument> => {
    for (;;) {
      let doc = docs.get(docName);
      if (!doc) {
        doc = new SharedDocument(docName, {
          db,
          logger,
          compactEvery: opts.compactEvery ?? COMPACT_EVERY,
          leafCodes: () => leafCodesOf(db, dossierId),
          editsHeld: () => (held.get(docName) ?? 0) > 0,
          onFreed: (d) => {
            projections.detach(d.name);
            if (docs.get(d.name) === d) docs.delete(d.name);
            void cluster?.leave(d.name);
          },
          onLoaded: async (d, serverOrigin) => {
            const judge = async () => {
              await d.writeNoteTexts();
              const { meetingId } = parseCollabRoom(d.name)!;
              await projections.attach(d.doc, d.name, meetingId, dossierId, serverOrigin);
            };
            if (!cluster) return judge();
            await cluster.join(d.name, d.doc);
            await cluster.leases.want(d.name, async (judging) => {
              if (d.destroyed) return;
              if (!judging) return projections.detach(d.name);
              await judge();
              d.writeWholeState();
            });
          },
          relay: cluster && {
            publish: (kind, bytes) => cluster.publish(docName, kind, bytes),
            writesRelayed: () => cluster.leases.judging(docName),
          },
        });
        docs.set(docName, doc);
        const loading = doc;
        loading.ready.catch((err) => {
          if (!ctx.database.reachability.noteFailure(err))
            logger.error({ err, doc: docName }, "collab: could not load a document");
          if (docs.get(docName) === loading) docs.delete(docName);
          loading.destroy();
        });
      }
      await doc.ready;
      // Checked and attached in one synchronous step (see SharedDocument.release).
      if (!doc.destroyed) {
        doc.add(conn);
        return doc;
      }
    }
  };

  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "").split("?")[0];
    // Every other upgrade (Socket.IO's /socket.io/) belongs to another listener: left untouched.
    if (!path.startsWith(`${COLLAB_PATH}/`)) return;
    if (!isAllowedOrigin(req.headers.origin, ctx.config.allowedOrigins))
      return refuseUpgrade(socket, 403, "cross-site WebSocket handshake refused");
    let room: string;
    try {
      room = decodeURIComponent(path.slice(COLLAB_PATH.length + 1));
    } catch {
      return refuseUpgrade(socket, COLLAB_CLOSE_STATUS[COLLAB_CLOSE.notFound], "unknown room");
    }
    // A name that cannot be a room is refused before upgrading: no stock client asks for one.
    const parsed = parseCollabRoom(room);
    if (!parsed) return refuseUpgrade(socket, COLLAB_CLOSE_STATUS[COLLAB_CLOSE.notFound], "unknown room");
    if (closing) return refuseUpgrade(socket, 503, "restarting");
    // One spelling per document (ids lower-cased): two spellings must never be two documents.
    const docName = collabRoom(parsed.meetingId, parsed.dossierId);
    wss.handleUpgrade(req, socket, head, (ws) =>
      acceptConnection(ws, req, docName, {
        db,
        logger,
        reachability: ctx.database.reachability,
        sessionUser,
        sessions: opts.sessions,
        conns,
        openDocument,
        closing: () => closing,
      }),
    );
  });

  // Connections whose peer vanished without a close (network loss) are found by pings and let go.
  const pinger = setInterval(() => {
    for (const c of conns) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }, PING_INTERVAL_MS);
  pinger.unref();

  const reauthorize = async (targets: CollabConnection[]) => {
    await Promise.all(
      targets.map(async (c) => {
        const [row] = await db.select().from(users).where(eq(users.id, c.user.id)).limit(1);
        if (!row || row.disabledAt) return void c.ws.close(COLLAB_CLOSE.unauthenticated, "signed out");
        c.user = toRequestUser(row);
        const access = await decideAccess(db, c.user, c.docName);
        if (!access.ok) return void c.ws.close(access.code, access.reason);
        docs.get(c.docName)?.setMode(c, access.mode);
      }),
    );
  };

  const collab: CollabServer = {
    projections,
    document: (name) => docs.get(name),
    inspect: () => ({
      documents: [...docs.values()].map((d) => ({
        name: d.name,
        connections: d.conns.size,
        editors: [...d.conns].filter((c) => c.mode === "edit").length,
        users: [...d.conns].map((c) => c.user.id),
        pendingWrites: d.pendingWrites,
      })),
      connections: conns.size,
    }),
    closeUserConnections(userId, docName, code = COLLAB_CLOSE.recused) {
      let n = 0;
      for (const c of conns) {
        if (c.user.id !== userId || (docName !== undefined && c.docName !== docName)) continue;
        c.ws.close(code, code === COLLAB_CLOSE.recused ? "recused" : "closed");
        n++;
      }
      return n;
    },
    async reauthorizeUser(userId) {
      await reauthorize([...conns].filter((c) => c.user.id === userId));
      await projections.refreshProposers();
    },
    reauthorizeDocuments: (names, { local = false } = {}) => {
      if (!local) cluster?.announce({ t: "documents", rooms: [...names] });
      return reauthorize([...conns].filter((c) => names.includes(c.docName)));
    },
    async holdEdits(names, fn) {
      names.forEach((n) => held.set(n, (held.get(n) ?? 0) + 1));
      try {
        return await fn();
      } finally {
        names.forEach((n) => (held.get(n) === 1 ? held.delete(n) : held.set(n, held.get(n)! - 1)));
        await collab
          .reauthorizeDocuments(names)
          .catch((err) => logger.error({ err }, "collab: re-check failed"));
      }
    },
    liveStates(names) {
      const out = new Map<string, Uint8Array>();
      for (const n of names) {
        const d = docs.get(n);
        if (d && !d.destroyed) out.set(n, Y.encodeStateAsUpdate(d.doc));
      }
      return out;
    },
    async flush(names) {
      const targets = [...docs.values()].filter((d) => !names || names.includes(d.name));
      await Promise.all(targets.map((d) => d.flushed()));
    },
    async close() {
      closing = true;
      clearInterval(pinger);
      for (const c of [...conns]) {
        conns.delete(c);
        c.ws.close(COLLAB_CLOSE.goingAway, "server restarting");
      }
      const all = [...docs.values()];
      all.forEach((d) => d.stop());
      for (const d of all) for (const c of [...d.conns]) d.remove(c);
      await Promise.all(all.map((d) => d.release()));
      all.forEach((d) => d.destroy());
      await cluster?.close();
      // A peer that does not answer the closing handshake must not hold the HTTP server open.
      setTimeout(() => wss.clients.forEach((ws) => ws.terminate()), 1_000).unref();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  if (cluster)
    joinCluster(cluster, projections, {
      find: collab.document,
      reauthorizeDocuments: (names) => collab.reauthorizeDocuments(names, { local: true }),
      onProposalsHeard: opts.onProposalsHeard,
      logger,
    });

  return collab;
}

/** Answers an upgrade request with a plain HTTP error instead of switching protocols. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? "Error"}\r\n` +
      "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
