import { inArray } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { dossiers } from "../db/schema";
import { notifyUnit } from "./notifyUnit";
import type { DomainEvent } from "../events/domainEvents";

/** The admin reminds the accounts of the chosen units (in-app notifications; audited). */
export async function sendReminders({
  db,
  actor,
  periodId,
  dossierIds,
  message,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  dossierIds: string[];
  message: string;
}) {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(dossiers).where(inArray(dossiers.id, dossierIds));
    const own = rows.filter((d) => d.periodId === periodId);
    const sent = [];
    for (const d of own) sent.push(...(await notifyUnit(tx, d, "reminder", { dossierId: d.id, message })));
    await appendAudit(tx, {
      actor,
      action: "reminder.send",
      entity: "period",
      entityId: periodId,
      newValue: { dossierIds: own.map((d) => d.id), message, recipients: sent.length },
    });
    const events: DomainEvent[] = [{ type: "notified", notifications: sent }];
    return { sent, events };
  });
}
