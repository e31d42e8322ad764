import { Router } from "express";
import type { AppContext } from "../context";
import { actorOf, authorize } from "../http/authorize";
import { idParam } from "../http/validate";
import { loadPeriod } from "../queries/periods";
import type { LiveProposals } from "../ranking/ranking";
import { computeDashboard } from "../services/dashboard";

/** The live leadership dashboard's aggregated figures; read like the ranking (`readRanking`). */
export function dashboardRoutes(ctx: AppContext, proposals: LiveProposals): Router {
  const { db } = ctx.database;
  const router = Router();
  router.get("/periods/:periodId/dashboard", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "readRanking", { type: "period", id: period.id });
    res.json({ data: await computeDashboard(db, period, actor, await proposals(period.id)) });
  });
  return router;
}
