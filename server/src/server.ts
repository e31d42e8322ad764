import http from "node:http";
import type { AppContext } from "./context";
import { createApp, createWebSessions } from "./app";
import { createCollabServer } from "./collab/collabServer";
import { CollabCluster } from "./collab/cluster/collabCluster";
import { startAuditSealer } from "./audit/auditSealer";
import type { Dispatcher } from "./events/dispatcher";
import { invalidateProvisional, invalidateRanking, liveRankingRows } from "./ranking/ranking";
import { createSocketServer } from "./realtime/socketServer";
import { socketLiveEvents } from "./realtime/liveEvents";
import { attachRedisAdapter } from "./realtime/redisAdapter";
import { LiveSessions } from "./realtime/liveSessions";
import { mailNotifications } from "./services/mail/notificationMail";

/**
 * The one HTTP server: REST API, Socket.IO, the Yjs endpoint (/collab) and the built client. With REDIS_URL, the
 * Socket.IO rooms span every instance and each instance's cached ranking is dropped when another changes it.
 * Here the parts are wired together (docs/architecture.md): the sessions first, then the HTTP server, Socket.IO
 * and the Yjs endpoint, then the app that is handed the endpoint, and the dispatcher that is handed all of them.
 * Background work (live events, the audit sealer, Redis) stops with `stopBackground`, after the sockets close.
 */
export async function createServer(ctx: AppContext & { effects: Dispatcher }) {
  const { db } = ctx.database;
  const web = createWebSessions(ctx);
  const { sessionMiddleware, passport, store } = web;
  // The app is built once the Yjs endpoint exists; until then (no request can arrive before `listen`) nothing.
  let handle: http.RequestListener = (_req, res) => void res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  const absoluteMs = ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  const sessions = new LiveSessions({
    deadlines: (sids) => store.deadlines(sids, absoluteMs),
    // An end seen here or relayed from another instance: REST requests stop reusing the session's last read too.
    forget: (target) => store.forget(target),
    logger: ctx.logger,
  });
  const io = createSocketServer(ctx, server, sessionMiddleware, passport, sessions);
  // With REDIS_URL, meeting documents span instances: relayed through Redis, judged by a lease's holder.
  const cluster = ctx.config.REDIS_URL
    ? await CollabCluster.connect(
        ctx.config.REDIS_URL,
        ctx.config.REDIS_KEY,
        (name) => collab.document(name),
        ctx.logger.child({ module: "collab" }),
      )
    : undefined;
  const collab = createCollabServer(ctx, server, sessionMiddleware, passport, {
    sessions,
    cluster,
    onProposalsHeard: (periodId) => invalidateProvisional(db, periodId),
  });
  const { app } = createApp(ctx, web, collab);
  handle = app;
  const quitRedis = ctx.config.REDIS_URL
    ? await attachRedisAdapter(io, { url: ctx.config.REDIS_URL, key: ctx.config.REDIS_KEY }, ctx.logger)
    : async () => undefined;
  io.on("ranking:invalidate", (periodId, dossierId) => invalidateRanking(db, periodId, dossierId));
  // A session ended, or an account's rights changed, through another instance: its sockets there are reached
  // through the adapter's rooms, but this instance's Yjs connections (and sockets by session) only from here.
  const reauthorize = (userId: string) => {
    store.forget({ userId });
    return collab
      .reauthorizeUser(userId)
      .catch((err) => ctx.logger.error({ err }, "collab: re-check failed"));
  };
  io.on("session:end", (target, reason) => {
    sessions.endLocal(target, reason);
    // Every session of an account ended (disabled, password reset): its proposals here are judged again.
    if ("userId" in target) void reauthorize(target.userId);
  });
  io.on("account:changed", (userId) => void reauthorize(userId));
  if (ctx.config.REDIS_URL)
    sessions.broadcast = (target, reason) => io.serverSideEmit("session:end", target, reason);
  // The ranking pushed live: official scores from the database, the proposals of the meetings held here.
  const proposals = (periodId: string) => collab.projections.proposalsOfPeriod(periodId);
  const live = socketLiveEvents(io, (periodId) => liveRankingRows(db, proposals, periodId), sessions);
  ctx.effects.attach({
    live,
    dropRanking(periodId, what) {
      const dossierId = typeof what === "object" ? what.dossierId : undefined;
      if (what === "provisional") invalidateProvisional(db, periodId);
      else invalidateRanking(db, periodId, dossierId);
      // Only other instances need telling, and only the Redis adapter has any (the in-memory one warns). They drop
      // their ranking and its base (or the dossier's part of it) even for `provisional`: a meeting's proposals live
      // in the instance that holds its documents.
      if (ctx.config.REDIS_URL) io.serverSideEmit("ranking:invalidate", periodId, dossierId);
    },
    mail: (notified) => mailNotifications(ctx, notified),
    send: (to, subject, body) => ctx.mailer.send(to, subject, body),
    async reauthorizeUser(userId, tellOthers) {
      // The account's roles or unit may have changed: its sessions' next requests read it again.
      store.forget({ userId });
      if (tellOthers && ctx.config.REDIS_URL) io.serverSideEmit("account:changed", userId);
      await collab.reauthorizeUser(userId);
    },
    reauthorizeDocuments: (rooms) => collab.reauthorizeDocuments(rooms),
    meetingLocked: (meetingId, dossierId, agreed) =>
      collab.projections.locked(meetingId, dossierId, new Map(agreed)),
  });
  const sealer = startAuditSealer(db, ctx.audit, ctx.logger, () => ctx.ready.migrated);
  const unwatch = ctx.database.reachability.onChange((reachable, err) => {
    if (reachable) ctx.logger.warn("database: reachable again; ready");
    else ctx.logger.error({ err }, "database: unreachable; answering 503 and not ready until it is back");
  });
  // Live events stop before Redis goes: a throttled event due later must not publish on a closed client.
  const stopBackground = async () => {
    unwatch();
    ctx.effects.detach();
    sessions.stop();
    live.stop();
    await sealer.stop();
    await quitRedis();
  };
  // The sealer too: a test that counts one request's statements stops it first (writeStatements.test.ts).
  return { server, io, app, collab, sealer, stopBackground };
}
