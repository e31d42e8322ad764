import { and, eq } from "drizzle-orm";
import { writeAudited } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { scores } from "../db/schema";
import { AppError } from "../http/errors";
import type { DossierResource } from "@ca/shared";
import { loadScoreWriteState, lockDossierForWrite, writeLeaf } from "../queries/scoreWriteState";
import { assertStatus, assertWindowOpen, checkedScore } from "./dossierGuards";

/**
 * Step 6: the agency scores one leaf (upsert), inside its self-assessment window; audited with old and new. Three
 * statements (TARGETS P7): lock and touch the dossier (with who is recused on it), read what the checks need, write
 * the score with its audit row. `admit` authorizes the actor on the locked dossier, then validates the input, in
 * that order (403 before 422, as every route); it runs in the transaction, which a refusal rolls back.
 */
export async function saveSelfScore({
  db,
  actor,
  dossierId,
  code,
  admit,
  now = new Date(),
}: {
  db: Db;
  actor: { id: string; username: string };
  dossierId: string;
  code: string;
  admit: (resource: DossierResource) => { score: number; note: string };
  now?: Date;
}) {
  return db.transaction(async (tx) => {
    const { dossier, resource } = await lockDossierForWrite(tx, dossierId);
    const { score, note } = admit(resource);
    assertStatus(dossier, "draft");
    const state = await loadScoreWriteState(tx, {
      dossierId,
      leaf: { code },
      stage: "self",
      windowKey: "self_assessment",
    });
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
    const value = checkedScore(leaf, score);
    const where = and(eq(scores.dossierId, dossierId), eq(scores.itemId, leaf.id), eq(scores.stage, "self"));
    const old = state.score;
    const write = old
      ? tx.update(scores).set({ score: value, note, authorId: actor.id, updatedAt: now }).where(where)
      : tx.insert(scores).values({
          dossierId,
          itemId: leaf.id,
          stage: "self",
          score: value,
          note,
          authorId: actor.id,
          updatedAt: now,
        });
    await writeAudited(tx, write, {
      actor,
      action: "score.self",
      entity: "dossier",
      entityId: dossierId,
      oldValue: old ? { code, score: old.score, note: old.note } : null,
      newValue: { code, score: value, note },
    });
    return { dossier, input: { score, note } };
  });
}
