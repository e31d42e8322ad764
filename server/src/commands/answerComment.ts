import { eq } from "drizzle-orm";
import type { TAnswer } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { comments } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import { lockAndLoadScoreWriteState } from "../queries/scoreWriteState";
import { assertStatus, assertWindowOpen } from "../rules/dossierGuards";
import { hasAnswer, stageRecordOf } from "../rules/kindAnswer";
import { refOf, type DomainEvent } from "../events/domainEvents";

/**
 * Step 8: the agency answers a request for explanation, optionally proposing a revision by the leaf's kind — a
 * score, a level or figures, the points derived here — (editable until submitted).
 */
export async function answerComment({
  db,
  actor,
  commentId,
  input,
  now = new Date(),
}: {
  db: Db;
  actor: { id: string; username: string };
  commentId: string;
  input: TAnswer;
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment || comment.kind !== "request") throw notFound();
    const { dossier, state } = await lockAndLoadScoreWriteState(tx, {
      dossierId: comment.dossierId,
      leaf: { id: comment.itemId },
      windowKey: "explanation",
    });
    assertStatus(dossier, "round1_done");
    assertWindowOpen(state, "explanation", now);
    if (comment.status === "resolved")
      throw new AppError("conflict", undefined, {
        vi: "Yêu cầu này đã được xử lý.",
        en: "This request is already resolved.",
      });
    const leaf = state.leaf!;
    const answer = { score: input.proposedScore, level: input.proposedLevel, figures: input.proposedFigures };
    const proposed = hasAnswer(answer) ? stageRecordOf(leaf, answer, "proposedScore") : null;
    const [updated] = await tx
      .update(comments)
      .set({
        answer: input.answer,
        proposedScore: proposed?.score ?? null,
        proposedLevel: proposed?.level ?? null,
        proposedFigures: proposed?.figures ?? null,
        status: "answered",
        answeredBy: actor.id,
        answeredAt: now,
      })
      .where(eq(comments.id, commentId))
      .returning();
    await appendAudit(tx, {
      actor,
      action: "comment.answer",
      entity: "comment",
      entityId: commentId,
      oldValue: {
        answer: comment.answer,
        proposedScore: comment.proposedScore,
        proposedLevel: comment.proposedLevel,
        proposedFigures: comment.proposedFigures,
        status: comment.status,
      },
      newValue: {
        answer: input.answer,
        proposedScore: proposed?.score ?? null,
        proposedLevel: proposed?.level ?? null,
        proposedFigures: proposed?.figures ?? null,
        status: "answered",
      },
    });
    const events: DomainEvent[] = [
      { type: "commentChanged", commentId: updated.id, dossier: refOf(dossier), status: updated.status },
    ];
    return { comment: updated, dossier, events };
  });
}
