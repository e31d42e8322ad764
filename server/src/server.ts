import http from "node:http";
import type { AppContext } from "./context";
import { createApp } from "./app";
import { createCollabServer } from "./collab/collabServer";
import { createSocketServer } from "./realtime/socketServer";
import { invalidatingRanking, socketLiveEvents } from "./realtime/liveEvents";
import { attachRedisAdapter } from "./realtime/redisAdapter";
import { startAuditSealer } from "./audit/auditSealer";
import { invalidateProvisional, invalidateRanking, liveRankingRows } from "./services/ranking";

/**
 * The one HTTP server: REST API, Socket.IO, the Yjs endpoint (/collab) and the built client. With REDIS_URL, the
 * Socket.IO rooms span every instance and each instance's cached ranking is dropped when another changes it.
 * Background work (live events, the audit sealer, Redis) stops with `stopBackground`, after the sockets close.
 */
export async function createServer(ctx: AppContext) {
  const { app, sessionMiddleware, passport } = createApp(ctx);
  const server = http.createServer(app);
  const io = createSocketServer(ctx, server, sessionMiddleware, passport);
  const collab = createCollabServer(ctx, server, sessionMiddleware, passport);
  const quitRedis = ctx.config.REDIS_URL
    ? await attachRedisAdapter(io, { url: ctx.config.REDIS_URL, key: ctx.config.REDIS_KEY }, ctx.logger)
    : async () => undefined;
  const invalidate = (periodId: string) => invalidateRanking(ctx.database.db, periodId);
  io.on("ranking:invalidate", invalidate);
  const live = socketLiveEvents(io, (periodId) => liveRankingRows(ctx, periodId));
  ctx.events = invalidatingRanking(live, (periodId, what) => {
    if (what === "provisional") invalidateProvisional(ctx.database.db, periodId);
    else invalidate(periodId);
    // Only other instances need telling, and only the Redis adapter has any (the in-memory one warns). They drop
    // everything: a meeting's proposals live in the instance that holds its documents.
    if (ctx.config.REDIS_URL) io.serverSideEmit("ranking:invalidate", periodId);
  });
  const sealer = startAuditSealer(ctx.database.db, ctx.audit, ctx.logger, () => ctx.ready.migrated);
  // Live events stop before Redis goes: a throttled event due later must not publish on a closed client.
  const stopBackground = async () => {
    live.stop();
    await sealer.stop();
    await quitRedis();
  };
  return { server, io, app, collab, stopBackground };
}
