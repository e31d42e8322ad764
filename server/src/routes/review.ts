import { Router } from "express";
import { centiToNumber, figuresToView, ZReview } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { resolveComment } from "../commands/resolveComment";
import { saveReview } from "../commands/saveReview";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { dossierOfCommentRequest, dossierOfRequest } from "../http/requestDossier";

/** Steps 7 and 9: the council's appraisal of leaves, and resolving requests for explanation. */
export function reviewRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.put("/dossiers/:dossierId/items/:code/review", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await dossierOfRequest(req, db);
    authorize(actor, "review", resource);
    const review = validate(ZReview, req.body);
    const { dossier, comment, record } = await execute(
      ctx.effects,
      saveReview({ db, actor, dossierId: resource.id, code: String(req.params.code), review }),
    );
    res.json({
      data: {
        code: req.params.code,
        round: review.round,
        score: record ? centiToNumber(record.score) : null,
        level: record?.level ?? null,
        figures: record?.figures ? figuresToView(record.figures) : null,
        commentId: comment?.id ?? null,
        version: dossier.version,
      },
    });
  });

  router.post("/comments/:commentId/resolve", async (req, res) => {
    const actor = actorOf(req);
    const commentId = idParam(req.params.commentId);
    const { resource } = await dossierOfCommentRequest(req, db);
    authorize(actor, "resolve", resource);
    const { comment } = await execute(ctx.effects, resolveComment({ db, actor, commentId }));
    res.json({ data: { id: comment.id, status: comment.status } });
  });

  return router;
}
