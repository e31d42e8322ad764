import type { DossierStatus, MilestoneKey } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { extensions } from "../db/schema";
import { assertExtensionPossible } from "../rules/extensionGuard";
import { lockAndTouchDossier } from "../queries/scoreWriteState";
import { notifyUnit } from "./notifyUnit";
import { dossierChanged, type DomainEvent } from "../events/domainEvents";

/**
 * The admin extends one unit's window for one milestone, with a reason, audited; the unit is told. Not once the
 * dossier's result is settled, nor for a step the dossier has left (extensionGuard.ts).
 */
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
    // Lock and touch the dossier first: commands on one dossier run one after another (docs/targets.md P7).
    const dossier = await lockAndTouchDossier(tx, dossierId);
    // Refused inside the transaction: the version bump above is rolled back with it.
    assertExtensionPossible(dossier.status as DossierStatus, milestoneKey);
    const [row] = await tx
      .insert(extensions)
      .values({ dossierId, milestoneKey, until: new Date(until), reason, grantedBy: actor.id })
      .returning();
    const notified = await notifyUnit(tx, dossier, "extension", { dossierId, milestoneKey, until });
    await appendAudit(tx, {
      actor,
      action: "dossier.extension",
      entity: "dossier",
      entityId: dossierId,
      newValue: { milestoneKey, until },
      reason,
    });
    const events: DomainEvent[] = [
      dossierChanged(dossier, "windows.*.extendedUntil"),
      { type: "notified", notifications: notified },
    ];
    return { extension: row, dossier, notified, events };
  });
}
