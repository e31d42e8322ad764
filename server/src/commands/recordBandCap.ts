import { and, eq } from "drizzle-orm";
import type { TBandCapInput } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { notFound, validationFailed } from "../http/errors";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { assertKnownBand, assertNotPublished } from "../rules/classificationGuards";
import type { DomainEvent } from "../events/domainEvents";

type Actor = { id: string; username: string };

/**
 * The chair records the council's decision that a unit may be rated no higher than a band (a disqualifying fact),
 * with the reason and the document number; a second decision on the same unit replaces the first. Audited with the
 * previous decision, if any. The unit must be appraised in the period (it has a dossier).
 */
export async function recordBandCap({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: Actor;
  periodId: string;
  input: TBandCapInput;
}) {
  return db.transaction(async (tx) => {
    const { period } = await loadPeriod(tx, periodId);
    await assertNotPublished(tx, periodId);
    assertKnownBand(period.rules as PeriodRules, input.maxBand, "maxBand");
    const [dossier] = await tx
      .select({ id: t.dossiers.id })
      .from(t.dossiers)
      .where(and(eq(t.dossiers.periodId, periodId), eq(t.dossiers.unitId, input.unitId)));
    if (!dossier)
      throw validationFailed([
        {
          path: "unitId",
          message: "Đơn vị không được đánh giá trong kỳ này. / The unit is not appraised in this period.",
        },
      ]);
    const [previous] = await tx
      .select()
      .from(t.councilBandCaps)
      .where(and(eq(t.councilBandCaps.periodId, periodId), eq(t.councilBandCaps.unitId, input.unitId)));
    const values = {
      maxBand: input.maxBand,
      reason: input.reason,
      documentNumber: input.documentNumber,
      recordedBy: actor.id,
      recordedAt: new Date(),
    };
    const [cap] = previous
      ? await tx
          .update(t.councilBandCaps)
          .set(values)
          .where(eq(t.councilBandCaps.id, previous.id))
          .returning()
      : await tx
          .insert(t.councilBandCaps)
          .values({ periodId, unitId: input.unitId, ...values })
          .returning();
    await appendAudit(tx, {
      actor,
      action: "classification.cap.record",
      entity: "council_band_cap",
      entityId: cap.id,
      oldValue: previous
        ? { maxBand: previous.maxBand, reason: previous.reason, documentNumber: previous.documentNumber }
        : null,
      newValue: {
        periodId,
        unitId: input.unitId,
        maxBand: input.maxBand,
        documentNumber: input.documentNumber,
      },
      reason: input.reason,
    });
    const events: DomainEvent[] = [{ type: "rankingChanged", periodId }];
    return { cap, events };
  });
}

/** The chair withdraws a recorded cap (audited with what it was and why it goes). */
export async function withdrawBandCap({
  db,
  actor,
  periodId,
  capId,
  reason,
}: {
  db: Db;
  actor: Actor;
  periodId: string;
  capId: string;
  reason: string;
}) {
  return db.transaction(async (tx) => {
    await assertNotPublished(tx, periodId);
    const [cap] = await tx
      .select()
      .from(t.councilBandCaps)
      .where(and(eq(t.councilBandCaps.id, capId), eq(t.councilBandCaps.periodId, periodId)));
    if (!cap) throw notFound();
    await tx.delete(t.councilBandCaps).where(eq(t.councilBandCaps.id, capId));
    await appendAudit(tx, {
      actor,
      action: "classification.cap.withdraw",
      entity: "council_band_cap",
      entityId: capId,
      oldValue: {
        unitId: cap.unitId,
        maxBand: cap.maxBand,
        reason: cap.reason,
        documentNumber: cap.documentNumber,
      },
      reason,
    });
    const events: DomainEvent[] = [{ type: "rankingChanged", periodId }];
    return { events };
  });
}
