import http from "node:http";
import type { AppContext } from "./context";
import { createApp } from "./app";
import { createCollabServer } from "./collab/collabServer";
import { createSocketServer } from "./realtime/socketServer";
import { socketLiveEvents } from "./realtime/liveEvents";

/** The one HTTP server: REST API, Socket.IO, the Yjs endpoint (/collab) and the built client. */
export function createServer(ctx: AppContext) {
  const { app, sessionMiddleware, passport } = createApp(ctx);
  const server = http.createServer(app);
  const io = createSocketServer(ctx, server, sessionMiddleware, passport);
  const collab = createCollabServer(ctx, server, sessionMiddleware, passport);
  ctx.events = socketLiveEvents(io);
  return { server, io, app, collab };
}
