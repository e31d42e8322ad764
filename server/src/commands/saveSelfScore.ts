import type { Db, DbOrTx } from "../db/client";
import { AppError } from "../http/errors";
import { writeStageScoreAudited } from "../queries/scoreWrite";
import { lockAndLoadScoreWriteState, writeLeaf, type Admission } from "../queries/scoreWriteState";
import { assertStatus, assertWindowOpen } from "../rules/dossierGuards";
import { stageRecordOf, type AnswerInput } from "../rules/kindAnswer";
import { dossierChanged } from "../events/domainEvents";

/** Locks the dossier and reads what a write of the agency's own score of one leaf checks (its self stage, its window). */
export function lockForSelfWrite(tx: DbOrTx, dossierId: string, code: string, admission: boolean) {
  return lockAndLoadScoreWriteState(tx, {
    dossierId,
    leaf: { code },
    stage: "self",
    windowKey: "self_assessment",
    admission,
  });
}

/**
 * The leaf the agency may write its own score of now: a draft in its self-assessment window, a leaf of the self
 * method that applies to the unit. One place for saving and clearing a self score (commands/clearSelfScore.ts).
 */
export function selfWritableLeaf(
  dossier: { status: string },
  state: Awaited<ReturnType<typeof lockAndLoadScoreWriteState>>["state"],
  code: string,
  now: Date,
) {
  assertStatus(dossier, "draft");
  assertWindowOpen(state, "self_assessment", now);
  const leaf = writeLeaf(state, code);
  if (leaf.method !== "self")
    throw new AppError(
      "validation_failed",
      [{ path: "code", message: `${leaf.method} leaves are not self-scored` }],
      {
        vi:
          leaf.method === "survey"
            ? "Tiêu chí điều tra xã hội học không tự chấm."
            : "Tiêu chí này do Hội đồng chấm.",
        en:
          leaf.method === "survey"
            ? "Survey leaves are not self-scored."
            : "This leaf is scored by the council only.",
      },
    );
  if (state.notApplicable)
    throw new AppError("validation_failed", [{ path: "code", message: "not applicable" }], {
      vi: "Tiêu chí không áp dụng cho đơn vị.",
      en: "This leaf does not apply to the unit.",
    });
  return leaf;
}

/** The agency's answer for one leaf and its note. */
export interface SelfScoreInput {
  answer: AnswerInput;
  note: string;
}

/**
 * Step 6: the agency scores one leaf (upsert), inside its self-assessment window; audited with old and new. Two
 * statements in the transaction (docs/performance.md, P7): lock and touch the dossier with a read of what the checks
 * need, then the score with its audit row.
 * The answer is what the leaf's kind asks for (points, a level or figures); the points are derived here. A request
 * hands `admit` instead: it is called on the locked dossier, before anything else is checked, to refuse the request
 * (archived period, `can()`) or return the validated input — the route's read of the dossier is this one.
 */
export async function saveSelfScore(
  args: {
    db: Db;
    actor: { id: string; username: string };
    dossierId: string;
    code: string;
    now?: Date;
  } & (SelfScoreInput | { admit: (locked: Admission) => SelfScoreInput }),
) {
  const { db, actor, dossierId, code, now = new Date() } = args;
  return db.transaction(async (tx) => {
    const { dossier, state, admission } = await lockForSelfWrite(tx, dossierId, code, "admit" in args);
    const { answer, note } = "admit" in args ? args.admit(admission) : args;
    const leaf = selfWritableLeaf(dossier, state, code, now);
    const record = stageRecordOf(leaf, answer);
    const old = state.score;
    await writeStageScoreAudited(
      tx,
      { dossierId, itemId: leaf.id, stage: "self", record, note, authorId: actor.id, now },
      {
        actor,
        action: "score.self",
        entity: "dossier",
        entityId: dossierId,
        oldValue: old
          ? { code, score: old.score, level: old.level, figures: old.figures, note: old.note }
          : null,
        newValue: { code, ...record, note },
      },
    );
    return { dossier, record, note, events: [dossierChanged(dossier, "leaves[].stages.self.score")] };
  });
}
