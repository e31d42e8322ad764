import { Router } from "express";
import { ZPeriodArchive, ZPeriodClone } from "@ca/shared";
import type { AppContext } from "../context";
import { archivePeriod } from "../commands/archivePeriod";
import { clonePeriod } from "../commands/clonePeriod";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentPeriod } from "../presenters/period";
import { loadPeriodWithMilestones } from "../queries/periods";
import { loadResultsResource } from "../services/results/publication";

/** Next year: clone a period to start the next one; archive a finished one (read-only from then on). */
export function periodLifecycleRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.post("/periods/:periodId/clone", async (req, res) => {
    const actor = actorOf(req);
    const { period, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "clone", resource);
    const input = validate(ZPeriodClone, req.body);
    const created = await clonePeriod({ db, actor: req.user!, periodId: period.id, input });
    const loaded = await loadPeriodWithMilestones(db, created.id);
    res.status(201).json({ data: presentPeriod(loaded.period, loaded.milestones) });
  });

  router.post("/periods/:periodId/archive", async (req, res) => {
    const actor = actorOf(req);
    const { period, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "archive", resource);
    const { reason } = validate(ZPeriodArchive, req.body);
    await archivePeriod({ db, actor: req.user!, periodId: period.id, reason });
    const loaded = await loadPeriodWithMilestones(db, period.id);
    res.json({ data: presentPeriod(loaded.period, loaded.milestones) });
  });

  return router;
}
