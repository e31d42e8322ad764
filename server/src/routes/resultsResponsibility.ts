import { eq } from "drizzle-orm";
import { Router } from "express";
import {
  centiToNumber,
  classify,
  computeResponsibility,
  computeUnitTotals,
  redact,
  UNIT_RESPONSIBILITY,
  viewerClassOf,
  ZResponsibilityRules,
  type ClassificationBand,
  type ClassificationOverride,
  type DossierStatus,
} from "@ca/shared";
import type { AppContext } from "../context";
import { updateResponsibilityRules } from "../commands/updateResponsibilityRules";
import * as t from "../db/schema";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import {
  presentLeader,
  presentResponsibilityRules,
  presentUnitResponsibility,
  storedResponsibilityRules,
} from "../presenters/responsibility";
import { loadDossierState } from "../queries/dossierState";
import { dossierOfRequest } from "../http/requestDossier";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { isAppraised, unitInputOf, visibleStages } from "../services/dossierScoring";
import { computePeriodResults, leaderOrder, responsibilityRulesOf } from "../services/results/periodResults";
import { loadResultsResource } from "../services/results/publication";

/** Heads and deputies (docs/domain.md §3): per unit, for the whole period, and the period's rules for them. */
export function responsibilityRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/periods/:periodId/responsibility", async (req, res) => {
    const actor = actorOf(req);
    const { period, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "readResponsibility", resource);
    const results = await computePeriodResults(db, period.id);
    res.json({
      data: results.unitTypes.flatMap((type) =>
        type.rows.map((row) => presentUnitResponsibility(row, viewerClassOf(actor, row.resource))),
      ),
      rules: presentResponsibilityRules(results.responsibility),
    });
  });

  // One unit's leaders, from the stages the caller may see of its dossier (an agency sees its own, and the
  // council's figures once released to it), so this never shows more than the dossier page itself.
  router.get("/dossiers/:dossierId/responsibility", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await dossierOfRequest(req, db);
    authorize(actor, "read", resource);
    const { period } = await loadPeriod(db, row.periodId);
    const rules = period.rules as PeriodRules;
    const state = await loadDossierState(db, row.id);
    const viewer = viewerClassOf(actor, resource);
    const stages = visibleStages(resource.status, viewer);
    const totals = computeUnitTotals(unitInputOf(state, stages));
    // Not appraised yet (a draft, or nothing at the stages the caller sees): no index and no band, as in the ranking.
    const index = isAppraised(resource.status, state, stages) ? totals.index : null;
    const bands = rules.classificationBands as ClassificationBand[];
    const band = classify(
      { index, areas: totals.areas },
      bands,
      rules.classificationOverrides as ClassificationOverride[],
    ).band;
    const leaders = await db.select().from(t.unitLeaders).where(eq(t.unitLeaders.unitId, row.unitId));
    const results = computeResponsibility(
      { index, areas: totals.areas, band },
      leaders.sort(leaderOrder),
      responsibilityRulesOf(rules),
      bands,
    );
    const status = row.status as DossierStatus;
    res.json({
      data: redact(
        UNIT_RESPONSIBILITY,
        {
          dossierId: row.id,
          unit: { id: row.unitId, code: row.unitCode, name: row.unitName, unitType: row.unitTypeCode },
          status,
          unitIndex: index === null ? null : centiToNumber(index),
          unitClassification: band,
          visible: true,
          leaders: results.map(presentLeader),
        },
        viewer,
        status,
      ),
      rules: presentResponsibilityRules(responsibilityRulesOf(rules)),
    });
  });

  router.put("/periods/:periodId/rules/responsibility", async (req, res) => {
    const actor = actorOf(req);
    const { period, resource } = await loadResultsResource(db, idParam(req.params.periodId));
    authorize(actor, "updateRules", resource);
    const input = validate(ZResponsibilityRules, req.body);
    const rules = await updateResponsibilityRules({
      db,
      actor: req.user!,
      periodId: period.id,
      rules: storedResponsibilityRules(input),
    });
    res.json({ data: presentResponsibilityRules(rules) });
  });

  return router;
}
