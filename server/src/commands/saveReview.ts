import type { TReview } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { comments } from "../db/schema";
import { writeStageScoreAudited } from "../queries/scoreWrite";
import { AppError, forbidden } from "../http/errors";
import { lockAndLoadScoreWriteState, writeLeaf, type Admission } from "../queries/scoreWriteState";
import { assertStatus } from "../rules/dossierGuards";
import { hasAnswer, stageRecordOf, type StageRecord } from "../rules/kindAnswer";
import { dossierChanged, type DomainEvent } from "../events/domainEvents";

/**
 * Steps 7 and 9: a reviewer appraises one leaf in a round — a score, a comment, and in round 1 optionally a formal
 * request for explanation to the agency. Council members and the chair write confirmed scores; the working group
 * writes drafts that a council member confirms by saving the leaf. Members appraise only their assigned areas.
 * Lock and touch the dossier with one read of what the checks need, the comment, the score with its audit row (P7).
 * A request hands `admit` and the round its body names instead of the review: `admit` runs on the locked dossier
 * before anything else is checked, to refuse the request (archived period, `can()`) or return the validated review
 * — the route reads the dossier no other way (as saveSelfScore).
 */
export async function saveReview(
  args: {
    db: Db;
    actor: { id: string; username: string; roles: readonly string[] };
    dossierId: string;
    code: string;
    now?: Date;
  } & ({ review: TReview } | { round: 1 | 2; admit: (locked: Admission) => TReview }),
) {
  const { db, actor, dossierId, code, now = new Date() } = args;
  return db.transaction(async (tx) => {
    // Validation takes only round 1 or 2, so a request's named round is its validated one.
    const round = "admit" in args ? args.round : args.review.round;
    const stage = round === 1 ? "round1" : "round2";
    const { dossier, state, admission } = await lockAndLoadScoreWriteState(tx, {
      dossierId,
      leaf: { code },
      stage,
      seatOf: actor.id,
      admission: "admit" in args,
    });
    const review = "admit" in args ? args.admit(admission) : args.review;
    // The council's own deadlines are not enforced here: docs/domain.md §2 locks agencies out after their windows;
    // the council's pace is the chair's to manage (and the admin can move milestones).
    assertStatus(dossier, review.round === 1 ? "self_submitted" : "explained");
    const leaf = writeLeaf(state, code);
    const area = code.split(".")[0];
    const seat = state.seat;
    const isChair = actor.roles.includes("council_chair") || seat?.role === "chair";
    // Bonus and penalty items (B.x, P.x) are the whole council's, open to every member.
    const assigned = isChair || ["B", "P"].includes(area) || (seat?.areaCodes.includes(area) ?? false);
    if (!assigned) throw forbidden({ reason: "area not assigned" });
    const answered = hasAnswer(review);
    if (leaf.method === "survey" && answered)
      throw new AppError("validation_failed", [{ path: "score", message: "survey leaves are computed" }], {
        vi: "Điểm điều tra xã hội học được tính tự động.",
        en: "Survey points are computed.",
      });

    const draft =
      actor.roles.includes("working_group") &&
      !actor.roles.some((r) => r === "council_member" || r === "council_chair");
    // The points are derived from the level or figures the reviewer appraised (or given, on a `points` leaf).
    const record: StageRecord | null = answered ? stageRecordOf(leaf, review) : null;
    const old = record ? (state.score ?? undefined) : undefined;
    let comment: typeof comments.$inferSelect | undefined;
    if (review.comment) {
      [comment] = await tx
        .insert(comments)
        .values({
          dossierId,
          itemId: leaf.id,
          round: review.round,
          kind: review.requestExplanation ? "request" : "internal",
          body: review.comment,
          authorId: actor.id,
        })
        .returning();
    }
    const audit = {
      actor,
      action: `score.${stage}`,
      entity: "dossier",
      entityId: dossierId,
      oldValue: old
        ? { code, score: old.score, level: old.level, figures: old.figures, confirmed: old.confirmed }
        : null,
      newValue: {
        code,
        score: record?.score ?? null,
        level: record?.level ?? undefined,
        figures: record?.figures ?? undefined,
        confirmed: !draft,
        comment: review.comment || undefined,
        request: review.requestExplanation || undefined,
      },
    };
    if (record)
      // The comment is a `comments` row, internal or a request (above); the score row never repeats it, so no
      // internal note lingers in a field presented beside the score (docs/visibility.md).
      await writeStageScoreAudited(
        tx,
        { dossierId, itemId: leaf.id, stage, record, note: "", confirmed: !draft, authorId: actor.id, now },
        audit,
      );
    else await appendAudit(tx, audit);
    const ref = { id: dossier.id, periodId: dossier.periodId, status: dossier.status };
    const events: DomainEvent[] = [
      // What changed: the round's score, else the comment alone (the rule says who sees either, and when).
      dossierChanged(
        dossier,
        record
          ? `leaves[].stages.round${review.round}.score`
          : `leaves[].comments[${comment?.kind ?? "internal"}].body`,
      ),
      ...(comment
        ? [{ type: "commentAdded" as const, commentId: comment.id, dossier: ref, kind: comment.kind }]
        : []),
      { type: "rankingChanged", periodId: dossier.periodId, dossierId: dossier.id },
    ];
    return { dossier, comment, record, review, events };
  });
}
