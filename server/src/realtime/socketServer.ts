import type http from "node:http";
import { Server } from "socket.io";
import type { RequestHandler } from "express";
import type passport from "passport";
import { can, roomOf, type ClientToServerEvents, type ServerToClientEvents } from "@ca/shared";
import type { AppContext } from "../context";
import { isAllowedOrigin } from "../http/originCheck";
import { loadDossier } from "../queries/dossiers";
import { loadPeriod } from "../queries/periods";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Socket.IO on the same HTTP server and the same session as REST. A client joins rooms through `join`;
 * each join is authorized with the same `can()` as the REST routes.
 */
export function createSocketServer(
  ctx: AppContext,
  server: http.Server,
  sessionMiddleware: RequestHandler,
  pp: passport.PassportStatic,
): IoServer {
  const io: IoServer = new Server(server, {
    path: "/socket.io",
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
    // Cross-site WebSocket hijacking defence (TARGETS S5): the handshake's Origin must be allowed.
    allowRequest: (req, cb) => cb(null, isAllowedOrigin(req.headers.origin, ctx.config.allowedOrigins)),
  });
  io.engine.use(sessionMiddleware);
  io.engine.use(pp.initialize());
  io.engine.use(pp.session());

  io.on("connection", (socket) => {
    const user = (socket.request as unknown as { user?: Express.User }).user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    void socket.join(roomOf.user(user.id));
    socket.on("join", async (room, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      try {
        const allowed = await mayJoin(ctx, user, String(room));
        if (!allowed) return reply({ ok: false, error: "forbidden" });
        await socket.join(String(room));
        reply({ ok: true });
      } catch {
        reply({ ok: false, error: "not_found" });
      }
    });
    socket.on("leave", (room) => void socket.leave(String(room)));
  });
  return io;
}

/** Room names map to one policy question each; anything else is refused. */
async function mayJoin(ctx: AppContext, user: Express.User, room: string): Promise<boolean> {
  const [kind, id, scope] = room.split(":");
  if (scope !== undefined && scope !== "council") return false;
  const { db } = ctx.database;
  if (kind === "period") {
    const { period } = await loadPeriod(db, id);
    return can(user, scope ? "readRanking" : "read", { type: "period", id: period.id });
  }
  if (kind === "dossier") {
    const { resource } = await loadDossier(db, id);
    return can(user, scope ? "readCouncilWork" : "read", resource);
  }
  return false;
}
