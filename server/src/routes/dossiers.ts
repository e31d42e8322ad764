import { Router } from "express";
import { abilities } from "@ca/shared";
import type { AppContext } from "../context";
import { actorOf, authorize } from "../http/authorize";
import { idParam } from "../http/validate";
import { presentDossierSummary } from "../presenters/dossier";
import { loadDossier } from "../queries/dossiers";

/** One dossier (the leaves and stages arrive with the workflow). */
export function dossierRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/dossiers/:dossierId", async (req, res) => {
    const actor = actorOf(req);
    const { row, resource } = await loadDossier(db, idParam(req.params.dossierId));
    authorize(actor, "read", resource);
    res.json({ data: presentDossierSummary(row), abilities: abilities(actor, resource) });
  });

  return router;
}
