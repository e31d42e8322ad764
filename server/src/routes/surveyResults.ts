import { Router } from "express";
import { eq } from "drizzle-orm";
import { abilities, ZSurveyLock } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { lockSurveyResults } from "../commands/lockSurveyResults";
import { users } from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { computeSurveyResults, loadSurveyResource, presentSurveyResults } from "../queries/survey";
import { auditStampNow } from "../services/exports/auditStamp";
import { buildSurveyExport } from "../services/spreadsheets/surveySpreadsheet";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Survey results: response rates and points, the lock that makes them count, and the traceable export. */
export function surveyResultRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods/:periodId/survey-results", async (req, res) => {
    const actor = actorOf(req);
    const { resource, lock } = await loadSurveyResource(db, idParam(req.params.periodId));
    authorize(actor, "readResults", resource);
    const results = await computeSurveyResults(db, resource.periodId);
    const [by] = lock ? await db.select().from(users).where(eq(users.id, lock.lockedBy)) : [];
    res.json({
      data: presentSurveyResults(resource.periodId, results, lock, by?.fullName ?? null),
      abilities: abilities(actor, resource),
    });
  });

  router.post("/periods/:periodId/survey-results/lock", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadSurveyResource(db, idParam(req.params.periodId));
    authorize(actor, "lock", resource);
    const { reason } = validate(ZSurveyLock, req.body);
    const { scores } = await execute(
      ctx.effects,
      lockSurveyResults({ db, actor, periodId: resource.periodId, reason }),
    );
    res.json({ data: { scores } });
  });

  router.get("/periods/:periodId/survey-results/export.xlsx", async (req, res) => {
    const actor = actorOf(req);
    const { resource, period } = await loadSurveyResource(db, idParam(req.params.periodId));
    authorize(actor, "exportResults", resource);
    const bytes = await buildSurveyExport(db, resource.periodId, await auditStampNow(db, ctx.audit));
    res.setHeader("Content-Type", XLSX_MIME);
    res.setHeader("Content-Disposition", `attachment; filename="khao-sat-${period.code}.xlsx"`);
    res.send(bytes);
  });

  return router;
}
