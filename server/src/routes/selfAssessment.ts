import { Router } from "express";
import { ZSelfScore } from "@ca/shared";
import type { AppContext } from "../context";
import { deliverNotifications } from "../services/deliverNotifications";
import { saveSelfScore } from "../commands/saveSelfScore";
import { submitSelfAssessment } from "../commands/submitSelfAssessment";
import { uploadEvidence } from "../commands/uploadFile";
import { actorOf, authorize } from "../http/authorize";
import { readUpload } from "../http/upload";
import { idParam, validate } from "../http/validate";
import { presentFile } from "../presenters/dossierDetail";
import { loadDossier } from "../queries/dossiers";

/** Step 6: the agency's scores, evidence and submission. */
export function selfAssessmentRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();
  const readFile = readUpload("file", ctx.config.MAX_UPLOAD_MB);
  const readReport = readUpload("signedReport", ctx.config.MAX_UPLOAD_MB);

  router.put("/dossiers/:dossierId/items/:code/self", async (req, res) => {
    const actor = actorOf(req);
    // Authorized in the write's transaction, on the locked row (one read fewer per write; docs/performance.md).
    const { dossier, input } = await saveSelfScore({
      db,
      actor,
      dossierId: idParam(req.params.dossierId),
      code: String(req.params.code),
      admit: (resource) => {
        authorize(actor, "editSelf", resource);
        return validate(ZSelfScore, req.body);
      },
    });
    ctx.events.dossierUpdated(
      {
        id: dossier.id,
        periodId: dossier.periodId,
        status: dossier.status,
        version: dossier.version,
      },
      "leaves[].stages.self.score",
    );
    res.json({
      data: { code: req.params.code, score: input.score, note: input.note, version: dossier.version },
    });
  });

  router.post("/dossiers/:dossierId/items/:code/evidence", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadDossier(db, idParam(req.params.dossierId));
    // Evidence goes with the self-assessment, or with an explanation after round 1.
    authorize(actor, resource.status === "round1_done" ? "answer" : "editSelf", resource);
    const file = await readFile(req, res);
    const { file: row, dossier } = await uploadEvidence({
      db,
      store: ctx.files,
      actor,
      dossierId: resource.id,
      code: String(req.params.code),
      bytes: file?.bytes ?? Buffer.alloc(0),
      name: file?.name ?? "",
    });
    ctx.events.dossierUpdated(
      {
        id: dossier.id,
        periodId: dossier.periodId,
        status: dossier.status,
        version: dossier.version,
      },
      "leaves[].evidence[].id",
    );
    res.status(201).json({ data: presentFile(row) });
  });

  router.post("/dossiers/:dossierId/submit", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadDossier(db, idParam(req.params.dossierId));
    authorize(actor, "submitSelf", resource);
    const report = await readReport(req, res);
    const { dossier, notified } = await submitSelfAssessment({
      db,
      store: ctx.files,
      actor,
      dossierId: resource.id,
      report,
    });
    ctx.events.dossierUpdated(
      {
        id: dossier.id,
        periodId: dossier.periodId,
        status: "self_submitted",
        version: dossier.version,
      },
      "status",
    );
    ctx.events.rankingChanged(dossier.periodId);
    deliverNotifications(ctx, notified);
    res.json({ data: { id: dossier.id, status: "self_submitted", version: dossier.version } });
  });

  return router;
}
