import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import compression from "compression";
import express, { type RequestHandler } from "express";
import session from "express-session";
import { MAX_SURVEY_ANSWERS } from "@ca/shared";
import type { AppContext } from "./context";
import type { CollabServer } from "./collab/collabEndpoint";
import { meetingDocuments } from "./collab/meetingDocuments";
import { noLiveProposals, type LiveProposals } from "./ranking/ranking";
import { createPassport } from "./auth/passport";
import { deviceCookies } from "./auth/deviceCookie";
import { pruneLoginFailures } from "./commands/authenticate";
import { DbSessionStore } from "./auth/sessionStore";
import { clientAssets } from "./http/clientAssets";
import { accessLog } from "./http/accessLog";
import { AppError } from "./http/errors";
import { errorHandler } from "./http/errorHandler";
import { createMetrics } from "./http/metrics";
import { buildOpenApi } from "./http/openapi";
import { originCheck } from "./http/originCheck";
import { securityHeaders } from "./http/securityHeaders";
import { authRoutes } from "./routes/auth";
import { dossierRoutes } from "./routes/dossiers";
import { healthRoutes } from "./routes/health";
import { indexSetRoutes } from "./routes/indexSets";
import { periodRoutes } from "./routes/periods";
import { unitRoutes } from "./routes/units";
import { userRoutes } from "./routes/users";
import { selfAssessmentRoutes } from "./routes/selfAssessment";
import { reviewRoutes } from "./routes/review";
import { explanationRoutes } from "./routes/explanation";
import { fileRoutes } from "./routes/files";
import { rankingRoutes } from "./routes/ranking";
import { dashboardRoutes } from "./routes/dashboard";
import { progressRoutes } from "./routes/progress";
import { notificationRoutes } from "./routes/notifications";
import { councilRoutes } from "./routes/council";
import { meetingRoutes } from "./routes/meetings";
import { surveyRoutes } from "./routes/survey";
import { archivedGuard } from "./http/archivedGuard";
import { publicationRoutes } from "./routes/publication";
import { publicResultsRoutes } from "./routes/publicResults";
import { exportRoutes } from "./routes/exports";
import { responsibilityRoutes } from "./routes/resultsResponsibility";
import { periodLifecycleRoutes } from "./routes/resultsPeriods";
import { agreementRoutes } from "./routes/agreements";
import { classificationRoutes } from "./routes/classification";

/** A body of MAX_SURVEY_ANSWERS answers (about 118 bytes each, compact), with room for whitespace: 3.2 MB. */
const surveyAnswerBodyLimit = MAX_SURVEY_ANSWERS * 160 + 4096;

/**
 * The session cookie, its store and Passport: shared by the REST API, Socket.IO and the Yjs endpoint, so built
 * before any of them (server.ts).
 */
export function createWebSessions(ctx: AppContext) {
  const { config, database } = ctx;
  const store = new DbSessionStore(database.db, { idleMs: config.SESSION_IDLE_MINUTES * 60_000 });
  const secret = sessionSecret(ctx);
  const secure = config.PUBLIC_URL?.startsWith("https://") ?? false;
  const devices = deviceCookies(secret, secure);
  const passport = createPassport(database.db, devices);

  const sessionMiddleware = session({
    name: "ca.sid",
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    // Idle timeout: every request pushes the expiry forward; a session idle longer than this is gone.
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure,
      maxAge: config.SESSION_IDLE_MINUTES * 60_000,
    },
  });

  // Absolute timeout: a session started more than SESSION_ABSOLUTE_HOURS ago ends, however active.
  const absoluteTimeout: RequestHandler = (req, _res, next) => {
    const started = req.session?.startedAt;
    if (started && Date.now() - started > config.SESSION_ABSOLUTE_HOURS * 3_600_000) {
      // A fresh, empty session replaces it: the request goes on signed out, and its live connections end.
      const ended = req.sessionID;
      return req.session.regenerate((err) => {
        if (!err)
          void ctx.effects.dispatch([
            { type: "sessionsEnded", target: { sids: [ended] }, reason: "expired" },
          ]);
        next(err);
      });
    }
    next();
  };
  return { sessionMiddleware, absoluteTimeout, passport, store, devices };
}

export type WebSessions = ReturnType<typeof createWebSessions>;

/**
 * Builds the Express app: API, health, metrics and the built client. The Yjs endpoint, when the HTTP server has
 * one, is handed in: the meeting commands hold and read its documents through the meeting routes' port
 * (collab/meetingDocuments.ts), the rankings read its live proposals.
 */
export function createApp(ctx: AppContext, web: WebSessions = createWebSessions(ctx), collab?: CollabServer) {
  const { config, database, logger } = ctx;
  const { sessionMiddleware, absoluteTimeout, passport, store, devices } = web;
  const app = express();
  app.disable("x-powered-by");
  // Who the client is (throttling, audit) comes from X-Forwarded-For only through the proxies TRUST_PROXY names.
  app.set("trust proxy", config.trustProxy);
  const metrics = createMetrics(() => database.statementsSent());
  const proposals: LiveProposals = collab
    ? (periodId) => collab.projections.proposalsOfPeriod(periodId)
    : noLiveProposals;

  app.use(metrics.middleware);
  app.use(accessLog(logger));
  app.use(securityHeaders(config.allowedOrigins));
  app.use(healthRoutes(ctx, metrics.registry));
  // Answers to reads over 1 KiB go out compressed (Brotli at a quick level, or gzip); the client's files are
  // compressed at build time instead (clientAssets), and Socket.IO compresses its own frames. Not the answers to
  // writes: a few hundred bytes, and wrapping every response cost each official write its share (docs/performance.md).
  const compress = compression({ threshold: 1024 });
  app.use("/api", (req, res, next) => (req.method === "GET" ? compress(req, res, next) : next()));
  app.get("/api/openapi.json", (_req, res) => {
    res.json(buildOpenApi());
  });

  const api = express.Router();
  // The server listens while its migrations run (main.ts): until then the tables may not be there.
  api.use((_req, _res, next) => next(ctx.ready.migrated ? undefined : new AppError("not_ready")));
  api.use(originCheck(config.allowedOrigins));
  // A survey submission carries every answer about every rated unit in one body (a link's, or a paper form typed in
  // by staff): up to MAX_SURVEY_ANSWERS, far past the general limit (a hundred communes × ten questions is 100 kB).
  api.use(
    ["/survey/:token", "/surveys/:surveyId/paper-forms"],
    express.json({ limit: surveyAnswerBodyLimit, strict: true }),
  );
  api.use(express.json({ limit: "100kb", strict: true }));
  api.use(sessionMiddleware, absoluteTimeout, passport.initialize(), passport.session());
  api.use(authRoutes(ctx, passport, devices));
  api.use(archivedGuard(database.db));
  // The official writes first: Express tries every route of every router mounted before the one that matches,
  // which was a twentieth of a score write's CPU when these came sixth (docs/performance.md, P7). No path of these
  // three routers is a path of another.
  api.use(selfAssessmentRoutes(ctx));
  api.use(reviewRoutes(ctx));
  api.use(explanationRoutes(ctx));
  api.use(periodRoutes(ctx));
  api.use(dossierRoutes(ctx));
  api.use(unitRoutes(ctx));
  api.use(userRoutes(ctx));
  api.use(indexSetRoutes(ctx));
  api.use(fileRoutes(ctx));
  api.use(rankingRoutes(ctx, proposals));
  api.use(dashboardRoutes(ctx, proposals));
  api.use(progressRoutes(ctx));
  api.use(notificationRoutes(ctx));
  api.use(councilRoutes(ctx));
  api.use(meetingRoutes(ctx, meetingDocuments(database.db, collab)));
  api.use(surveyRoutes(ctx));
  api.use(publicationRoutes(ctx));
  api.use(publicResultsRoutes(ctx));
  api.use(exportRoutes(ctx));
  api.use(responsibilityRoutes(ctx));
  api.use(periodLifecycleRoutes(ctx));
  api.use(agreementRoutes(ctx));
  api.use(classificationRoutes(ctx));
  // No route matched: a wrong method or path, not a missing record (docs/api.md, "Errors").
  api.use((req, _res, next) =>
    next(new AppError("route_not_found", { method: req.method, path: req.originalUrl.split("?")[0] })),
  );
  app.use("/api", api);

  app.use(clientAssets(config.clientDir));
  app.use(errorHandler(logger, database.reachability));

  const pruneTimer = setInterval(() => {
    store.prune().catch(() => undefined);
    pruneLoginFailures(database.db).catch(() => undefined);
  }, 10 * 60_000);
  pruneTimer.unref();
  return { app };
}

// Without SESSION_SECRET (development), the embedded database folder keeps a generated secret so that
// sessions survive restarts; with an external database, a per-process secret is the safe default.
function sessionSecret({ config }: AppContext): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (config.DATABASE_URL || config.DATA_DIR.startsWith("memory://"))
    return crypto.randomBytes(32).toString("hex");
  const file = path.join(config.dataDir, ".session-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8");
}
