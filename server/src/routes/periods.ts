import { Router } from "express";
import { asc, inArray } from "drizzle-orm";
import {
  abilities,
  can,
  computeUnitTotals,
  viewerClassOf,
  ZMilestoneKey,
  ZMilestoneUpdate,
  ZPeriodCreate,
  ZPeriodIndexSetUpdate,
} from "@ca/shared";
import { assignPeriodIndexSet } from "../commands/assignPeriodIndexSet";
import { listPeriodIndexSets } from "../queries/periodIndexSets";
import { createPeriod } from "../commands/createPeriod";
import { PERIOD_TEMPLATES } from "../periodTemplates";
import { presentPeriodTemplate } from "../presenters/periodTemplate";
import type { AppContext } from "../context";
import { updateMilestone } from "../commands/updateMilestone";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentDossierSummary } from "../presenters/dossier";
import { presentMilestone, presentPeriod } from "../presenters/period";
import { loadPeriodScoring } from "../queries/periodScoring";
import { unitInputOf, visibleStages } from "../services/dossierScoring";
import { listPeriods, loadPeriod, loadPeriodWithMilestones } from "../queries/periods";
import { listDossiersOfPeriod } from "../queries/dossiers";
import { extensions } from "../db/schema";

/** Periods, their timelines, and the dossiers of a period the caller may see. */
export function periodRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods", async (req, res) => {
    const actor = actorOf(req);
    authorize(actor, "read", { type: "period" });
    const rows = await listPeriods(db);
    res.json({ data: rows.map((r) => presentPeriod(r.period, r.milestones)) });
  });

  router.get("/period-templates", async (req, res) => {
    authorize(actorOf(req), "create", { type: "period" });
    res.json({ data: PERIOD_TEMPLATES.map(presentPeriodTemplate) });
  });

  router.post("/periods", async (req, res) => {
    authorize(actorOf(req), "create", { type: "period" });
    const input = validate(ZPeriodCreate, req.body);
    const created = await createPeriod({ db, actor: req.user!, input });
    const loaded = await loadPeriodWithMilestones(db, created.id);
    res.status(201).json({ data: presentPeriod(loaded.period, loaded.milestones) });
  });

  router.get("/periods/:periodId", async (req, res) => {
    const actor = actorOf(req);
    const { period, milestones } = await loadPeriodWithMilestones(db, idParam(req.params.periodId));
    const resource = { type: "period" as const, id: period.id };
    authorize(actor, "read", resource);
    res.json({ data: presentPeriod(period, milestones), abilities: abilities(actor, resource) });
  });

  router.put("/periods/:periodId/milestones/:key", async (req, res) => {
    const actor = actorOf(req);
    const periodId = idParam(req.params.periodId);
    authorize(actor, "updateMilestone", { type: "period", id: periodId });
    const key = validate(ZMilestoneKey, req.params.key);
    const input = validate(ZMilestoneUpdate, req.body);
    const milestone = await updateMilestone({ db, actor: req.user!, periodId, key, ...input });
    res.json({ data: presentMilestone(milestone) });
  });

  router.get("/periods/:periodId/index-sets", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    const resource = { type: "period" as const, id: period.id };
    authorize(actor, "read", resource);
    res.json({ data: await listPeriodIndexSets(db, period.id), abilities: abilities(actor, resource) });
  });

  router.put("/periods/:periodId/index-sets/:unitTypeCode", async (req, res) => {
    const actor = actorOf(req);
    const periodId = idParam(req.params.periodId);
    authorize(actor, "assignIndexSet", { type: "period", id: periodId });
    // An unknown code is the command's 404, in both languages.
    const unitTypeCode = String(req.params.unitTypeCode);
    const input = validate(ZPeriodIndexSetUpdate, req.body);
    await assignPeriodIndexSet({ db, actor: req.user!, periodId, unitTypeCode, ...input });
    res.json({ data: await listPeriodIndexSets(db, periodId) });
  });

  router.get("/periods/:periodId/dossiers", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "read", { type: "period", id: period.id });
    const rows = await loadPeriodScoring(db, period.id);
    const visible = rows.filter(({ resource }) => can(actor, "read", resource));
    res.json({
      data: visible.map((d) => {
        const viewer = viewerClassOf(actor, d.resource);
        if (!d.hasIndexSet) return presentDossierSummary(d.row, viewer);
        const self = computeUnitTotals(unitInputOf(d.state, new Set(["self"]))).total;
        const stages = visibleStages(d.status, viewer);
        return presentDossierSummary(d.row, viewer, {
          self,
          official: computeUnitTotals(unitInputOf(d.state, stages)).total,
        });
      }),
    });
  });

  // The extensions of the dossiers the caller reads, oldest first: screens apply the shared rule to them.
  router.get("/periods/:periodId/extensions", async (req, res) => {
    const actor = actorOf(req);
    const { period } = await loadPeriod(db, idParam(req.params.periodId));
    authorize(actor, "read", { type: "period", id: period.id });
    const readable = (await listDossiersOfPeriod(db, period.id))
      .filter(({ resource }) => can(actor, "read", resource))
      .map(({ row }) => row.id);
    const rows = readable.length
      ? await db
          .select()
          .from(extensions)
          .where(inArray(extensions.dossierId, readable))
          .orderBy(asc(extensions.createdAt))
      : [];
    res.json({
      data: rows.map((e) => ({
        dossierId: e.dossierId,
        milestoneKey: e.milestoneKey,
        until: e.until.toISOString(),
      })),
    });
  });

  return router;
}
