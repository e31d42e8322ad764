import crypto from "node:crypto";
import { Router } from "express";
import type { Registry } from "prom-client";
import type { AppContext } from "../context";
import { AppError } from "../http/errors";

/** Liveness, readiness (database reachable, migrations applied) and Prometheus metrics (with a token). */
export function healthRoutes(ctx: AppContext, registry: Registry): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    if (!ctx.ready.migrated) return void res.status(503).json({ status: "starting" });
    try {
      await ctx.database.ping();
      res.json({ status: "ready", database: ctx.database.kind });
    } catch {
      res.status(503).json({ status: "database_unreachable" });
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
