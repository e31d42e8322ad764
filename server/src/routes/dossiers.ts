import { Router } from "express";
import { abilities, viewerClassOf, ZApplicability, ZExtension, ZTransition } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { closeRound } from "../commands/closeRound";
import { grantExtension } from "../commands/grantExtension";
import { setApplicability } from "../commands/setApplicability";
import { AppError } from "../http/errors";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { presentDossierDetail } from "../presenters/dossierDetail";
import { dossierOfRequest } from "../http/requestDossier";
import { loadDossierState } from "../queries/dossierState";

/** One dossier as the caller may see it, its transitions (closing rounds), and extensions. */
export function dossierRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/dossiers/:dossierId", async (req, res) => {
    const actor = actorOf(req);
    const state = await loadDossierState(db, idParam(req.params.dossierId));
    authorize(actor, "read", state.resource);
    res.json({
      data: presentDossierDetail(state, viewerClassOf(actor, state.resource)),
      abilities: abilities(actor, state.resource),
    });
  });

  router.post("/dossiers/:dossierId/transition", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    const { to } = validate(ZTransition, req.body);
    // Submissions carry a signed report, so they have their own multipart routes.
    if (to === "self_submitted" || to === "explained")
      throw new AppError("validation_failed", [
        {
          path: "to",
          message: `use POST /api/dossiers/:id/${to === "self_submitted" ? "submit" : "explanation"} with the signed report`,
        },
      ]);
    if (to !== "round1_done" && to !== "round2_done")
      throw new AppError(
        "conflict",
        { to },
        {
          vi: "Bước chuyển này được thực hiện trong phiên họp hoặc khi công bố.",
          en: "This move happens in the meeting or at publication.",
        },
      );
    authorize(actor, "closeRound", resource);
    const { dossier } = await execute(
      ctx.effects,
      closeRound({ db, actor, dossierId: resource.id, round: to === "round1_done" ? 1 : 2 }),
    );
    res.json({ data: { id: dossier.id, status: dossier.status, version: dossier.version } });
  });

  router.put("/dossiers/:dossierId/items/:code/applicability", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    authorize(actor, "setApplicability", resource);
    const input = validate(ZApplicability, req.body);
    const { dossier } = await execute(
      ctx.effects,
      setApplicability({ db, actor, dossierId: resource.id, code: String(req.params.code), ...input }),
    );
    res.json({ data: { code: req.params.code, applicable: input.applicable, version: dossier.version } });
  });

  router.post("/dossiers/:dossierId/extensions", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    authorize(actor, "grantExtension", resource);
    const input = validate(ZExtension, req.body);
    const { extension } = await execute(
      ctx.effects,
      grantExtension({ db, actor, dossierId: resource.id, ...input }),
    );
    res.status(201).json({
      data: {
        id: extension.id,
        milestoneKey: extension.milestoneKey,
        until: extension.until.toISOString(),
        reason: extension.reason,
      },
    });
  });

  return router;
}
