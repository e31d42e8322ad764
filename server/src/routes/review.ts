import { Router } from "express";
import { centiToNumber, figuresToView, ZReview } from "@ca/shared";
import type { AppContext } from "../context";
import { dossierIdOfComment, resolveComment } from "../commands/resolveComment";
import { saveReview } from "../commands/saveReview";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { loadDossier } from "../queries/dossiers";

/** Steps 7 and 9: the council's appraisal of leaves, and resolving requests for explanation. */
export function reviewRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.put("/dossiers/:dossierId/items/:code/review", async (req, res) => {
    const actor = actorOf(req);
    const { resource } = await loadDossier(db, idParam(req.params.dossierId));
    authorize(actor, "review", resource);
    const review = validate(ZReview, req.body);
    const { dossier, comment, record } = await saveReview({
      db,
      actor,
      dossierId: resource.id,
      code: String(req.params.code),
      review,
    });
    const ref = { id: dossier.id, periodId: dossier.periodId, status: dossier.status };
    // What changed: the round's score, else the comment alone (the rule says who sees either, and when).
    ctx.events.dossierUpdated(
      { ...ref, version: dossier.version },
      record
        ? `leaves[].stages.round${review.round}.score`
        : `leaves[].comments[${comment?.kind ?? "internal"}].body`,
    );
    if (comment) ctx.events.commentNew({ id: comment.id, dossier: ref, kind: comment.kind });
    ctx.events.rankingChanged(dossier.periodId);
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
    const { resource } = await loadDossier(db, await dossierIdOfComment(db, commentId));
    authorize(actor, "resolve", resource);
    const { comment } = await resolveComment({ db, actor, commentId });
    ctx.events.commentUpdated({ id: comment.id, dossier: resource, status: comment.status });
    res.json({ data: { id: comment.id, status: comment.status } });
  });

  return router;
}
