import { eq } from "drizzle-orm";
import type { TUnitUpdate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { dossiers, unitLeaders, units, unitTypes } from "../db/schema";
import type { DomainEvent } from "../events/domainEvents";
import { notFound } from "../http/errors";

/**
 * Renames or (de)activates a unit (audited with old and new values). Its dossiers' rows of every period's ranking
 * name it: each is read again and the dashboards hear the ranking moved, rather than showing the old name until the
 * cached ranking expires.
 */
export async function updateUnit({
  db,
  actor,
  unitId,
  changes,
}: {
  db: Db;
  actor: { id: string; username: string };
  unitId: string;
  changes: TUnitUpdate;
}) {
  return db.transaction(async (tx) => {
    const [old] = await tx.select().from(units).where(eq(units.id, unitId)).for("update");
    if (!old) throw notFound();
    const [unit] = await tx.update(units).set(changes).where(eq(units.id, unitId)).returning();
    const [type] = await tx.select().from(unitTypes).where(eq(unitTypes.id, unit.unitTypeId));
    const leaders = await tx.select().from(unitLeaders).where(eq(unitLeaders.unitId, unitId));
    const oldValue = Object.fromEntries(Object.keys(changes).map((k) => [k, old[k as keyof typeof old]]));
    await appendAudit(tx, {
      actor,
      action: "unit.update",
      entity: "unit",
      entityId: unitId,
      oldValue,
      newValue: changes,
    });
    const ofUnit = await tx
      .select({ id: dossiers.id, periodId: dossiers.periodId })
      .from(dossiers)
      .where(eq(dossiers.unitId, unitId));
    const events: DomainEvent[] = ofUnit.map((d) => ({
      type: "rankingChanged",
      periodId: d.periodId,
      dossierId: d.id,
    }));
    return { unit, type, leaders, events };
  });
}
