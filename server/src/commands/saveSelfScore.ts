import type { Db } from "../db/client";
import { AppError } from "../http/errors";
import { writeStageScoreAudited } from "../queries/scoreWrite";
import { lockAndLoadScoreWriteState, writeLeaf } from "../queries/scoreWriteState";
import { assertStatus, assertWindowOpen } from "../rules/dossierGuards";
import { stageRecordOf, type AnswerInput } from "../rules/kindAnswer";
import { dossierChanged } from "../events/domainEvents";

/**
 * Step 6: the agency scores one leaf (upsert), inside its self-assessment window; audited with old and new. Two
 * statements in the transaction (docs/performance.md, P7): lock and touch the dossier with a read of what the checks
 * need, then the score with its audit row.
 * The answer is what the leaf's kind asks for (points, a level or figures); the points are derived here.
 */
export async function saveSelfScore({
  db,
  actor,
  dossierId,
  code,
  answer,
  note,
  now = new Date(),
}: {
  db: Db;
  actor: { id: string; username: string };
  dossierId: string;
  code: string;
  answer: AnswerInput;
  note: string;
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const { dossier, state } = await lockAndLoadScoreWriteState(tx, {
      dossierId,
      leaf: { code },
      stage: "self",
      windowKey: "self_assessment",
    });
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
    return { dossier, record, events: [dossierChanged(dossier, "leaves[].stages.self.score")] };
  });
}
