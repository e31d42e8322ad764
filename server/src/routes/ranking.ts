import { Router } from "express";
import { ZRankingQuery } from "@ca/shared";
import type { AppContext } from "../context";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { liveRanking, type LiveProposals } from "../ranking/ranking";

/** The period's provisional (or final) ranking per unit type, with the running meetings' `proposals`. */
export function rankingRoutes(ctx: AppContext, proposals: LiveProposals): Router {
  const { db } = ctx.database;
  const router = Router();
  router.get("/periods/:periodId/ranking", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "readRanking", { type: "period", id: period.id });
    const { unitType } = validate(ZRankingQuery, req.query);
    res.json({
      data: await liveRanking(db, proposals, period.id, period.rules as PeriodRules, actor, unitType),
    });
  });
  return router;
}
