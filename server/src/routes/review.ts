import { Router } from "express";
import { centiToNumber, figuresToView, ZReview } from "@ca/shared";
import type { AppContext } from "../context";
import { execute } from "../events/domainEvents";
import { resolveComment } from "../commands/resolveComment";
import { saveReview } from "../commands/saveReview";
import { actorOf, authorize } from "../http/authorize";
import { idParam, validate } from "../http/validate";
import { dossierOfCommentRequest } from "../http/requestDossier";
import { assertPeriodWritable } from "../rules/periodGuards";

/** Steps 7 and 9: the council's appraisal of leaves, and resolving requests for explanation. */
export function reviewRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  // The council's official write, admitted on the row its transaction locks, like the self-score write (routes/
  // selfAssessment.ts): 409, 403, 422 in that order, without a read of the dossier before the transaction.
  router.put("/dossiers/:dossierId/items/:code/review", async (req, res) => {
    const actor = actorOf(req);
    const { dossier, comment, record, review } = await execute(
      ctx.effects,
      saveReview({
        db,
        actor,
        dossierId: idParam(req.params.dossierId),
        code: String(req.params.code),
        // Which round's score the locked read brings along; the body is validated only once the caller may review.
        round: (req.body as { round?: unknown } | undefined)?.round === 2 ? 2 : 1,
        admit: ({ period, resource }) => {
          assertPeriodWritable(period);
          authorize(actor, "review", resource);
          return validate(ZReview, req.body);
        },
      }),
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
