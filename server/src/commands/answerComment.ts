import { eq } from "drizzle-orm";
import type { TAnswer } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { comments } from "../db/schema";
import { AppError, notFound } from "../http/errors";
import { loadDossierState } from "../queries/dossierState";
import { assertStatus, assertWindowOpen, checkedScore, lockDossier, touchDossier } from "./dossierGuards";

/** Step 8: the agency answers a request for explanation, optionally proposing a revised score (editable until submitted). */
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
    await lockDossier(tx, comment.dossierId);
    const state = await loadDossierState(tx, comment.dossierId);
    assertStatus(state, "round1_done");
    assertWindowOpen(state, "explanation", now);
    if (comment.status === "resolved")
      throw new AppError("conflict", undefined, {
        vi: "Yêu cầu này đã được xử lý.",
        en: "This request is already resolved.",
      });
    const leaf = state.leaves.find((l) => l.id === comment.itemId)!;
    const proposed = input.proposedScore === null ? null : checkedScore(leaf, input.proposedScore);
    const [updated] = await tx
      .update(comments)
      .set({
        answer: input.answer,
        proposedScore: proposed,
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
      oldValue: { answer: comment.answer, proposedScore: comment.proposedScore, status: comment.status },
      newValue: { answer: input.answer, proposedScore: proposed, status: "answered" },
    });
    await touchDossier(tx, comment.dossierId);
    return { comment: updated, state };
  });
}
