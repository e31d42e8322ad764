import { Router } from "express";
import type { Registry } from "prom-client";
import type { AppContext } from "../context";

/** Liveness, readiness (database reachable, migrations applied) and Prometheus metrics. */
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
  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
