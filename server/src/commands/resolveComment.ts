import { eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { comments } from "../db/schema";
import { notFound } from "../http/errors";
import { lockAndTouchDossier } from "../queries/scoreWriteState";
import { assertStatus } from "../rules/dossierGuards";
import { refOf, type DomainEvent } from "../events/domainEvents";

/** Step 9: the council marks a request for explanation resolved, after reading the answer. */
export async function resolveComment({
  db,
  actor,
  commentId,
  now = new Date(),
}: {
  db: Db;
  actor: { id: string; username: string };
  commentId: string;
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment || comment.kind !== "request") throw notFound();
    // Lock and touch the dossier first: commands on one dossier run one after another (docs/targets.md P7).
    const dossier = await lockAndTouchDossier(tx, comment.dossierId);
    assertStatus(dossier, "explained");
    const [updated] = await tx
      .update(comments)
      .set({ status: "resolved", resolvedBy: actor.id, resolvedAt: now })
      .where(eq(comments.id, commentId))
      .returning();
    await appendAudit(tx, {
      actor,
      action: "comment.resolve",
      entity: "comment",
      entityId: commentId,
      oldValue: { status: comment.status },
      newValue: { status: "resolved" },
    });
    const events: DomainEvent[] = [
      { type: "commentChanged", commentId: updated.id, dossier: refOf(dossier), status: updated.status },
    ];
    return { comment: updated, events };
  });
}
