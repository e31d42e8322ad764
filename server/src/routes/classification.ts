import { Router } from "express";
import {
  ZBandCapInput,
  ZBandCapWithdraw,
  ZClassificationConfigInput,
  ZTieDecisionInput,
  type Actor,
  type TUnitRef,
} from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { configureClassification } from "../commands/configureClassification";
import { decideQuotaTie } from "../commands/decideQuotaTie";
import { recordBandCap, withdrawBandCap } from "../commands/recordBandCap";
import type { Db } from "../db/client";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentBandCap, presentClassification, presentQuotaCut } from "../presenters/classification";
import { listBandCaps, listTieDecisions } from "../queries/classification";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { computeRanking, quotaCuts } from "../ranking/ranking";

/**
 * What the council side reads of a period's classification: bands, quotas, tie-breaks, the chair's caps and the
 * quota cuts a tie straddles. A reader recused on a unit gets nothing of its unit type's cuts and caps: they speak
 * of where its units stand (docs/visibility.md, S3).
 */
async function classificationFor(db: Db, periodId: string, viewer: Actor) {
  const { period } = await loadPeriod(db, periodId);
  const rules = period.rules as PeriodRules;
  const [ranking, caps, ties, cuts] = await Promise.all([
    computeRanking(db, periodId, rules, viewer),
    listBandCaps(db, periodId),
    listTieDecisions(db, periodId),
    quotaCuts(db, periodId, rules),
  ]);
  const withheld = new Set(ranking.filter((r) => r.standing === "hidden").map((r) => r.unit.unitType));
  const units = new Map<string, TUnitRef>(ranking.map((r) => [r.unit.id, r.unit]));
  return presentClassification(
    rules,
    caps.filter((c) => !withheld.has(c.unitType)).map(presentBandCap),
    cuts
      .filter((c) => !withheld.has(c.unitType))
      .map((c) =>
        presentQuotaCut(
          c,
          units,
          ties.find((d) => d.unitType === c.unitType && d.band === c.band),
        ),
      ),
  );
}

/** Classification beyond bands: quotas and tie-breaks (admin), band caps and tie decisions (the chair). */
export function classificationRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();
  const periodOf = (id: unknown) => ({ type: "period" as const, id: idParam(id) });

  router.get("/periods/:periodId/classification", async (req, res) => {
    const actor = actorOf(req);
    const resource = periodOf(req.params.periodId);
    authorize(actor, "readClassification", resource);
    res.json({ data: await classificationFor(db, resource.id, actor) });
  });

  router.put("/periods/:periodId/classification", async (req, res) => {
    const actor = actorOf(req);
    const resource = periodOf(req.params.periodId);
    authorize(actor, "configureClassification", resource);
    const input = validate(ZClassificationConfigInput, req.body);
    await execute(
      ctx.effects,
      configureClassification({ db, actor: req.user!, periodId: resource.id, input }),
    );
    res.json({ data: await classificationFor(db, resource.id, actor) });
  });

  router.post("/periods/:periodId/classification/caps", async (req, res) => {
    const actor = actorOf(req);
    const resource = periodOf(req.params.periodId);
    authorize(actor, "decideClassification", resource);
    const input = validate(ZBandCapInput, req.body);
    const { cap } = await execute(
      ctx.effects,
      recordBandCap({ db, actor: req.user!, periodId: resource.id, input }),
    );
    const caps = await listBandCaps(db, resource.id);
    res.status(201).json({ data: presentBandCap(caps.find((c) => c.id === cap.id)!) });
  });

  router.delete("/periods/:periodId/classification/caps/:capId", async (req, res) => {
    const actor = actorOf(req);
    const resource = periodOf(req.params.periodId);
    authorize(actor, "decideClassification", resource);
    const { reason } = validate(ZBandCapWithdraw, req.body);
    const capId = idParam(req.params.capId);
    await execute(
      ctx.effects,
      withdrawBandCap({ db, actor: req.user!, periodId: resource.id, capId, reason }),
    );
    res.status(204).end();
  });

  router.post("/periods/:periodId/classification/ties", async (req, res) => {
    const actor = actorOf(req);
    const resource = periodOf(req.params.periodId);
    authorize(actor, "decideClassification", resource);
    const input = validate(ZTieDecisionInput, req.body);
    await execute(ctx.effects, decideQuotaTie({ db, actor: req.user!, periodId: resource.id, input }));
    res.status(201).json({ data: await classificationFor(db, resource.id, actor) });
  });

  return router;
}
