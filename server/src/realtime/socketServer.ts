import type http from "node:http";
import { Server } from "socket.io";
import type { RequestHandler } from "express";
import type passport from "passport";
import { can, COUNCIL_VIEWERS, roomOf, viewerClassOf } from "@ca/shared";
import type { AppContext } from "../context";
import { isAllowedOrigin } from "../http/originCheck";
import { listDossiersOfPeriod, loadDossier } from "../queries/dossiers";
import { loadMeeting } from "../queries/meetings";
import { loadPeriod } from "../queries/periods";
import { MeetingPresence } from "./meetingPresence";
import type { IoServer } from "./ioServer";
import type { LiveSessions } from "./liveSessions";

/**
 * Socket.IO on the same HTTP server and the same session as REST. A client joins rooms through `join`;
 * each join is authorized with the same `can()` as the REST routes.
 */
export function createSocketServer(
  ctx: AppContext,
  server: http.Server,
  sessionMiddleware: RequestHandler,
  pp: passport.PassportStatic,
  sessions: LiveSessions,
): IoServer {
  const io: IoServer = new Server(server, {
    path: "/socket.io",
    serveClient: false,
    // A client back within two minutes gets the events it missed and its rooms (with Redis too: the Streams adapter).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000 },
    // Cross-site WebSocket hijacking defence (docs/targets.md S5): the handshake's Origin must be allowed.
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
    // Remembered with the session it was opened with, whose end ends it (told why first, so the page signs out).
    const sid = (socket.request as unknown as { sessionID: string }).sessionID;
    const untrack = sessions.track(sid, user.id, {
      end: (reason) => {
        // With connection-state recovery, `socket.emit` goes through the adapter, and the Redis one publishes
        // first and delivers after the disconnect below: this socket is on this instance, and so is its event.
        io.local.to(socket.id).emit("session:ended", { reason });
        socket.disconnect(true);
      },
    });
    void socket.join(roomOf.user(user.id));
    socket.on("join", async (room, ack) => {
      const reply = typeof ack === "function" ? ack : () => undefined;
      try {
        const allowed = await mayJoin(ctx, user, String(room));
        if (!allowed) return reply({ ok: false, error: "forbidden" });
        const [kind, id, scope] = String(room).split(":");
        // Whoever may read the period's ranking hears its council events through the documented `period:<id>` as
        // through `period:<id>:council`. Rooms whose events name the period's dossiers: the socket is first kept
        // out of those about a dossier its user is recused on (liveEvents.ts), then joined; it gets the ranking's
        // rows only when recused on none (S3).
        const councilPeriod =
          kind === "period" && (scope === "council" || can(user, "readRanking", { type: "period", id }));
        const periodId = councilPeriod
          ? id
          : kind === "meeting"
            ? (await loadMeeting(ctx.database.db, id)).row.periodId
            : null;
        const recused = periodId ? await recusedIn(ctx, user, periodId) : [];
        await socket.join(recused.map(roomOf.dossierRecused));
        await socket.join(String(room));
        if (councilPeriod && scope === undefined) await socket.join(roomOf.periodCouncil(id));
        if (councilPeriod && !recused.length) await socket.join(roomOf.periodRanking(id));
        reply({ ok: true });
        // Who is there already: a newcomer need not wait for someone to move to learn it.
        if (kind === "meeting") presence.greet(socket, id);
      } catch (err) {
        // The database away for a moment is not "no such room": the client may ask again.
        reply({
          ok: false,
          error: ctx.database.reachability.noteFailure(err) ? "database_unavailable" : "not_found",
        });
      }
    });
    socket.on("leave", (room) => {
      void socket.leave(String(room));
      const [kind, id, scope] = String(room).split(":");
      if (kind === "period" && scope === undefined) void socket.leave(roomOf.periodCouncil(id));
      if (kind === "period") void socket.leave(roomOf.periodRanking(id));
      presence.leave(socket.id, String(room));
    });
    socket.on("meeting:look", (p) => presence.look(socket, user, p));
    socket.on("probe", (ack) => typeof ack === "function" && ack());
    socket.on("disconnect", () => {
      untrack();
      presence.disconnect(socket.id);
    });
  });
  const presence = new MeetingPresence(io);
  return io;
}

/**
 * The dossiers of the period whose council work the user does not read (recused on them, or a council member who
 * is also one of the unit's own people): the council's events about them are not for this user.
 */
async function recusedIn(ctx: AppContext, user: Express.User, periodId: string): Promise<string[]> {
  const dossiers = await listDossiersOfPeriod(ctx.database.db, periodId);
  return dossiers
    .filter((d) => !COUNCIL_VIEWERS.includes(viewerClassOf(user, d.resource)))
    .map((d) => d.row.id);
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
  if (kind === "meeting" && scope === undefined) {
    const { resource } = await loadMeeting(db, id);
    return can(user, "read", resource);
  }
  if (kind === "dossier") {
    const { resource } = await loadDossier(db, id);
    return can(user, scope ? "readCouncilWork" : "read", resource);
  }
  return false;
}
