import http from "node:http";
import type { AppContext } from "./context";
import { createApp } from "./app";
import { createCollabServer } from "./collab/collabServer";
import { createSocketServer } from "./realtime/socketServer";
import { invalidatingRanking, socketLiveEvents } from "./realtime/liveEvents";
import { attachRedisAdapter } from "./realtime/redisAdapter";
import { LiveSessions } from "./realtime/liveSessions";
import { startAuditSealer } from "./audit/auditSealer";
import { invalidateProvisional, invalidateRanking, liveRankingRows } from "./services/ranking";
import { CollabCluster } from "./collab/cluster/collabCluster";

/**
 * The one HTTP server: REST API, Socket.IO, the Yjs endpoint (/collab) and the built client. With REDIS_URL, the
 * Socket.IO rooms span every instance and each instance's cached ranking is dropped when another changes it.
 * Background work (live events, the audit sealer, Redis) stops with `stopBackground`, after the sockets close.
 */
export async function createServer(ctx: AppContext) {
  const { app, sessionMiddleware, passport, store } = createApp(ctx);
  const server = http.createServer(app);
  const absoluteMs = ctx.config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  const sessions = new LiveSessions({
    deadlines: (sids) => store.deadlines(sids, absoluteMs),
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
    onProposalsHeard: (periodId) => invalidateProvisional(ctx.database.db, periodId),
  });
  const quitRedis = ctx.config.REDIS_URL
    ? await attachRedisAdapter(io, { url: ctx.config.REDIS_URL, key: ctx.config.REDIS_KEY }, ctx.logger)
    : async () => undefined;
  const invalidate = (periodId: string) => invalidateRanking(ctx.database.db, periodId);
  io.on("ranking:invalidate", invalidate);
  // A session ended, or an account's rights changed, through another instance: its sockets there are reached
  // through the adapter's rooms, but this instance's Yjs connections (and sockets by session) only from here.
  const reauthorize = (userId: string) =>
    collab.reauthorizeUser(userId).catch((err) => ctx.logger.error({ err }, "collab: re-check failed"));
  io.on("session:end", (target, reason) => {
    sessions.endLocal(target, reason);
    // Every session of an account ended (disabled, password reset): its proposals here are judged again.
    if ("userId" in target) void reauthorize(target.userId);
  });
  io.on("account:changed", (userId) => void reauthorize(userId));
  if (ctx.config.REDIS_URL)
    sessions.broadcast = (target, reason) => io.serverSideEmit("session:end", target, reason);
  const live = socketLiveEvents(io, (periodId) => liveRankingRows(ctx, periodId), sessions);
  const events = invalidatingRanking(live, (periodId, what) => {
    if (what === "provisional") invalidateProvisional(ctx.database.db, periodId);
    else invalidate(periodId);
    // Only other instances need telling, and only the Redis adapter has any (the in-memory one warns). They drop
    // everything: a meeting's proposals live in the instance that holds its documents.
    if (ctx.config.REDIS_URL) io.serverSideEmit("ranking:invalidate", periodId);
  });
  ctx.events = {
    ...events,
    accountChanged(userId) {
      events.accountChanged(userId);
      if (ctx.config.REDIS_URL) io.serverSideEmit("account:changed", userId);
    },
  };
  const sealer = startAuditSealer(ctx.database.db, ctx.audit, ctx.logger, () => ctx.ready.migrated);
  const unwatch = ctx.database.reachability.onChange((reachable, err) => {
    if (reachable) ctx.logger.warn("database: reachable again; ready");
    else ctx.logger.error({ err }, "database: unreachable; answering 503 and not ready until it is back");
  });
  // Live events stop before Redis goes: a throttled event due later must not publish on a closed client.
  const stopBackground = async () => {
    unwatch();
    sessions.stop();
    live.stop();
    await sealer.stop();
    await quitRedis();
  };
  return { server, io, app, collab, stopBackground };
}
