import type { MilestoneKey } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { extensions } from "../db/schema";
import { loadDossierState } from "../queries/dossierState";
import { lockDossier, touchDossier } from "./dossierGuards";
import { notifyUnit } from "./notifyUnit";

/** The admin extends one unit's window for one milestone (DESIGN §2), with a reason, audited; the unit is told. */
export async function grantExtension({
  db,
  actor,
  dossierId,
  milestoneKey,
  until,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  dossierId: string;
  milestoneKey: MilestoneKey;
  until: string;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    await lockDossier(tx, dossierId);
    const state = await loadDossierState(tx, dossierId);
    const [row] = await tx
      .insert(extensions)
      .values({ dossierId, milestoneKey, until: new Date(until), reason, grantedBy: actor.id })
      .returning();
    await appendAudit(tx, {
      actor,
      action: "dossier.extension",
      entity: "dossier",
      entityId: dossierId,
      newValue: { milestoneKey, until },
      reason,
    });
    const notified = await notifyUnit(tx, state.unit.id, "extension", { dossierId, milestoneKey, until });
    const dossier = await touchDossier(tx, dossierId);
    return { extension: row, dossier, notified };
  });
}
