import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { notApplicable } from "../db/schema";
import { loadScoreWriteState, lockAndTouchDossier, writeLeaf } from "../queries/scoreWriteState";
import { dossierChanged, type DomainEvent } from "../events/domainEvents";

/**
 * Marks a leaf not applicable to this unit (its maximum leaves the applicable maximum, docs/domain.md §3), or applicable
 * again. Scores already entered stay stored but stop counting while the leaf is not applicable.
 */
export async function setApplicability({
  db,
  actor,
  dossierId,
  code,
  applicable,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  dossierId: string;
  code: string;
  applicable: boolean;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    // Lock and touch the dossier first: commands on one dossier run one after another (docs/targets.md P7).
    const dossier = await lockAndTouchDossier(tx, dossierId);
    const state = await loadScoreWriteState(tx, { dossierId, leaf: { code } });
    const leaf = writeLeaf(state, code);
    const was = !state.notApplicable;
    if (was !== applicable) {
      if (applicable)
        await tx
          .delete(notApplicable)
          .where(and(eq(notApplicable.dossierId, dossierId), eq(notApplicable.itemId, leaf.id)));
      else await tx.insert(notApplicable).values({ dossierId, itemId: leaf.id, reason, decidedBy: actor.id });
      await appendAudit(tx, {
        actor,
        action: "leaf.applicability",
        entity: "dossier",
        entityId: dossierId,
        oldValue: { code, applicable: was },
        newValue: { code, applicable },
        reason,
      });
    }
    const events: DomainEvent[] = [
      dossierChanged(dossier, "leaves[].applicable"),
      { type: "rankingChanged", periodId: dossier.periodId, dossierId: dossier.id },
    ];
    return { dossier, events };
  });
}
