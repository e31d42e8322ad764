import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { appendAudit } from "../audit/appendAudit";
import type { Admission } from "../queries/scoreWriteState";
import { dossierChanged } from "../events/domainEvents";
import { lockForSelfWrite, selfWritableLeaf } from "./saveSelfScore";

/**
 * Step 6: the agency takes back its own score of one leaf (and the note that goes with it) while the draft is in its
 * window — a score typed on the wrong leaf, or one the unit is no longer ready to claim. Audited with what was
 * there. Clearing a leaf that holds no score changes nothing and says so (`cleared: false`), so a retried request
 * is harmless. `admit` refuses the request on the locked dossier, as for saving (commands/saveSelfScore.ts).
 */
export async function clearSelfScore(args: {
  db: Db;
  actor: { id: string; username: string };
  dossierId: string;
  code: string;
  admit: (locked: Admission) => void;
  now?: Date;
}) {
  const { db, actor, dossierId, code, admit, now = new Date() } = args;
  return db.transaction(async (tx) => {
    const { dossier, state, admission } = await lockForSelfWrite(tx, dossierId, code, true);
    admit(admission);
    const leaf = selfWritableLeaf(dossier, state, code, now);
    const old = state.score;
    if (!old) return { dossier, cleared: false, events: [] };
    await tx
      .delete(t.scores)
      .where(
        and(eq(t.scores.dossierId, dossierId), eq(t.scores.itemId, leaf.id), eq(t.scores.stage, "self")),
      );
    await appendAudit(tx, {
      actor,
      action: "score.self_cleared",
      entity: "dossier",
      entityId: dossierId,
      oldValue: { code, score: old.score, level: old.level, figures: old.figures, note: old.note },
      newValue: null,
    });
    return { dossier, cleared: true, events: [dossierChanged(dossier, "leaves[].stages.self.score")] };
  });
}
