import { Router } from "express";
import { centiToNumber, figuresToView, ZSelfScore } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { saveSelfScore } from "../commands/saveSelfScore";
import { clearSelfScore } from "../commands/clearSelfScore";
import { submitSelfAssessment } from "../commands/submitSelfAssessment";
import { uploadEvidence } from "../commands/uploadFile";
import { removeEvidence } from "../commands/removeEvidence";
import { actorOf, authorize } from "../http/authorize";
import { readUpload } from "../http/upload";
import { idParam, validate } from "../http/validate";
import { assertPeriodWritable } from "../rules/periodGuards";
import { presentFile } from "../presenters/dossierDetail";
import { dossierOfRequest } from "../http/requestDossier";

/** Step 6: the agency's scores, evidence and submission. */
export function selfAssessmentRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();
  const readFile = readUpload("file", ctx.config.MAX_UPLOAD_MB);
  const readReport = readUpload("signedReport", ctx.config.MAX_UPLOAD_MB);

  // The busiest official write: admitted on the row its transaction locks, not on a read before it (the archived
  // guard leaves this path to it, http/archivedGuard.ts) — the same refusals in the same order (409, 403, 422),
  // one statement fewer (docs/performance.md, P7).
  router.put("/dossiers/:dossierId/items/:code/self", async (req, res) => {
    const actor = actorOf(req);
    const { dossier, record, note } = await execute(
      ctx.effects,
      saveSelfScore({
        db,
        actor,
        dossierId: idParam(req.params.dossierId),
        code: String(req.params.code),
        admit: ({ period, resource }) => {
          assertPeriodWritable(period);
          authorize(actor, "editSelf", resource);
          const { note, ...answer } = validate(ZSelfScore, req.body);
          return { answer, note };
        },
      }),
    );
    res.json({
      data: {
        code: req.params.code,
        score: centiToNumber(record.score),
        level: record.level,
        figures: record.figures && figuresToView(record.figures),
        note,
        version: dossier.version,
      },
    });
  });

  router.delete("/dossiers/:dossierId/items/:code/self", async (req, res) => {
    const actor = actorOf(req);
    const code = String(req.params.code);
    const { dossier, cleared } = await execute(
      ctx.effects,
      clearSelfScore({
        db,
        actor,
        dossierId: idParam(req.params.dossierId),
        code,
        admit: ({ period, resource }) => {
          assertPeriodWritable(period);
          authorize(actor, "editSelf", resource);
        },
      }),
    );
    res.json({ data: { code, cleared, version: dossier.version } });
  });

  router.post("/dossiers/:dossierId/items/:code/evidence", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    authorize(actor, evidenceAction(resource), resource);
    const file = await readFile(req, res);
    const { file: row } = await execute(
      ctx.effects,
      uploadEvidence({
        db,
        store: ctx.files,
        actor,
        dossierId: resource.id,
        code: String(req.params.code),
        bytes: file?.bytes ?? Buffer.alloc(0),
        name: file?.name ?? "",
      }),
    );
    res.status(201).json({ data: presentFile(row) });
  });

  router.delete("/dossiers/:dossierId/evidence/:fileId", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    // Whoever may upload the evidence now may take it back (the command checks the file's own step).
    authorize(actor, evidenceAction(resource), resource);
    await execute(
      ctx.effects,
      removeEvidence({
        db,
        store: ctx.files,
        actor,
        dossierId: resource.id,
        fileId: idParam(req.params.fileId),
      }),
    );
    res.status(204).end();
  });

  router.post("/dossiers/:dossierId/submit", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    authorize(actor, "submitSelf", resource);
    const report = await readReport(req, res);
    const { dossier } = await execute(
      ctx.effects,
      submitSelfAssessment({ db, store: ctx.files, actor, dossierId: resource.id, report }),
    );
    res.json({ data: { id: dossier.id, status: "self_submitted", version: dossier.version } });
  });

  return router;
}

/** Evidence goes with the self-assessment, or with an explanation after round 1: who may add or take back files. */
function evidenceAction(resource: { status: string }): "answer" | "editSelf" {
  return resource.status === "round1_done" ? "answer" : "editSelf";
}
