import { Router } from "express";
import type { Registry } from "prom-client";
import type { AppContext } from "../context";

/**
 * Liveness, readiness and Prometheus metrics. Ready = migrations applied and the database answering: not ready
 * from the first connection error anywhere in the server (a request, a pool client, a background job) until a probe
 * reaches the database again (db/reachability.ts), and whenever this check's own query fails.
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
  router.get("/metrics", async (_req, res) => {
    res.setHeader("Content-Type", registry.contentType);
    res.send(await registry.metrics());
  });
  return router;
}
