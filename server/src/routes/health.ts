import crypto from "node:crypto";
import { Router } from "express";
import type { Registry } from "prom-client";
import type { AppContext } from "../context";
import { AppError } from "../http/errors";

/**
 * Liveness, readiness and Prometheus metrics. Ready = migrations applied and the database answering: not ready
 * from the first connection error anywhere in the server (a request, a pool client, a background job) until a probe
 * reaches the database again (db/reachability.ts), and whenever this check's own query fails.
 * Metrics answer only with `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function healthRoutes(ctx: AppContext, registry: Registry): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (!ctx.ready.migrated) return void res.status(503).json({ status: "starting" });
    const unreachable = () => void res.status(503).json({ status: "database_unreachable" });
    if (!ctx.database.reachability.reachable) return unreachable();
    try {
      await ctx.database.ping();
      res.json({ status: "ready", database: ctx.database.kind });
    } catch (err) {
      ctx.database.reachability.noteFailure(err);
      unreachable();
    }
  });
  // Prometheus only: `Authorization: Bearer <METRICS_TOKEN>`. Without a token configured there is no endpoint.
  const token = ctx.config.METRICS_TOKEN ? Buffer.from(`Bearer ${ctx.config.METRICS_TOKEN}`) : null;
  router.get("/metrics", async (req, res) => {
    if (!token) throw new AppError("not_found");
    const given = Buffer.from(req.headers.authorization ?? "");
    if (given.length !== token.length || !crypto.timingSafeEqual(given, token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
      throw new AppError("unauthenticated");
    }
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
