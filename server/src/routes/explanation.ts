import { Router } from "express";
import { centiToNumber, figuresToView, ZAnswer } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { answerComment } from "../commands/answerComment";
import { submitExplanation } from "../commands/submitExplanation";
import { actorOf, authorize } from "../http/authorize";
import { readUpload } from "../http/upload";
import { idParam, validate } from "../http/validate";
import { dossierOfCommentRequest, dossierOfRequest } from "../http/requestDossier";

/** Step 8: the agency's answers to requests for explanation, and the submitted explanation. */
export function explanationRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();
  const readReport = readUpload("signedReport", ctx.config.MAX_UPLOAD_MB);

  router.post("/comments/:commentId/answer", async (req, res) => {
    const actor = actorOf(req);
    const commentId = idParam(req.params.commentId);
    const { resource } = await dossierOfCommentRequest(req, db);
    authorize(actor, "answer", resource);
    const input = validate(ZAnswer, req.body);
    const { comment } = await execute(ctx.effects, answerComment({ db, actor, commentId, input }));
    res.json({
      data: {
        id: comment.id,
        status: comment.status,
        answer: comment.answer,
        proposedScore: comment.proposedScore === null ? null : centiToNumber(comment.proposedScore),
        proposedLevel: comment.proposedLevel,
        proposedFigures: comment.proposedFigures && figuresToView(comment.proposedFigures),
      },
    });
  });

  router.post("/dossiers/:dossierId/explanation", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    authorize(actor, "submitExplanation", resource);
    const report = await readReport(req, res);
    const { dossier } = await execute(
      ctx.effects,
      submitExplanation({ db, store: ctx.files, actor, dossierId: resource.id, report }),
    );
    res.json({ data: { id: dossier.id, status: "explained", version: dossier.version } });
  });

  return router;
}
