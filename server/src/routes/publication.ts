import { Router } from "express";
import { abilities, ZPublishInput } from "@ca/shared";
import type { AppContext } from "../context";
import { publishResults } from "../commands/publishResults";
import { AppError } from "../http/errors";
import { actorOf, authorize } from "../http/authorize";
import { localeOf } from "../http/locale";
import { idParam, validate } from "../http/validate";
import { computePeriodResults } from "../services/results/periodResults";
import {
  loadResultsResource,
  presentPublication,
  publicationBlockers,
  publishedResultsOf,
} from "../services/results/publication";

/** Step 10: the admin's publication of a period's agreed results, and the published results for signed-in readers. */
export function publicationRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods/:periodId/publication", async (req, res) => {
    const actor = actorOf(req);
    const { period, publication, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "readPublication", resource);
    // Why nothing is published yet, for every reader of this page (the chair waits on the same reasons as the admin).
    const blockers = publication
      ? []
      : await publicationBlockers(db, await computePeriodResults(db, period.id));
    res.json({
      data: presentPublication(period.id, publication, blockers, localeOf(req)),
      abilities: abilities(actor, resource),
    });
  });

  router.post("/periods/:periodId/publication", async (req, res) => {
    const actor = actorOf(req);
    const { period, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "publish", resource);
    const input = validate(ZPublishInput, req.body);
    const row = await publishResults({ db, actor: req.user!, periodId: period.id, ...input });
    res.json({ data: presentPublication(period.id, row, [], localeOf(req)) });
  });

  router.get("/periods/:periodId/results", async (req, res) => {
    const actor = actorOf(req);
    const { publication, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "readPublished", resource);
    if (!publication) throw new AppError("not_found");
    res.json({ data: publishedResultsOf(publication) });
  });

  return router;
}
