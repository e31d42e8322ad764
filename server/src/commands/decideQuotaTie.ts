import { and, eq } from "drizzle-orm";
import type { TTieDecisionInput } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { validationFailed } from "../http/errors";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { quotaCuts } from "../ranking/ranking";
import { assertNotPublished } from "../rules/classificationGuards";
import type { DomainEvent } from "../events/domainEvents";

/**
 * The chair records which units of a tie straddling a quota's cut keep the band (the tie-breaks could not separate
 * them): exactly as many as the seats left for the tie, all of them in the tie. Replaces an earlier decision on the
 * same cut; audited. The decision holds only while the same tie stands (shared/src/scoring/quota.ts).
 */
export async function decideQuotaTie({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  input: TTieDecisionInput;
}) {
  const { period } = await loadPeriod(db, periodId);
  const cut = (await quotaCuts(db, periodId, period.rules as PeriodRules)).find(
    (c) => c.unitType === input.unitType && c.band === input.band,
  );
  if (!cut)
    throw validationFailed([
      {
        path: "band",
        message: "Không có trường hợp đồng hạng tại ngưỡng hạn mức này. / No tie straddles this quota's cut.",
      },
    ]);
  const chosen = [...new Set(input.unitIds)];
  const outside = chosen.filter((id) => !cut.unitIds.includes(id));
  if (outside.length || chosen.length !== cut.seatsForTie)
    throw validationFailed([
      {
        path: "unitIds",
        message:
          `Cần chọn đúng ${cut.seatsForTie} trong số ${cut.unitIds.length} đơn vị đồng hạng. / ` +
          `Choose exactly ${cut.seatsForTie} of the ${cut.unitIds.length} tied units.`,
      },
    ]);
  return db.transaction(async (tx) => {
    await assertNotPublished(tx, periodId);
    const [type] = await tx.select().from(t.unitTypes).where(eq(t.unitTypes.code, input.unitType));
    const where = and(
      eq(t.quotaTieDecisions.periodId, periodId),
      eq(t.quotaTieDecisions.unitTypeId, type.id),
      eq(t.quotaTieDecisions.band, input.band),
    );
    const [previous] = await tx.select().from(t.quotaTieDecisions).where(where);
    const values = {
      unitIds: chosen.sort(),
      reason: input.reason,
      documentNumber: input.documentNumber,
      decidedBy: actor.id,
      decidedAt: new Date(),
    };
    const [decision] = previous
      ? await tx.update(t.quotaTieDecisions).set(values).where(where).returning()
      : await tx
          .insert(t.quotaTieDecisions)
          .values({ periodId, unitTypeId: type.id, band: input.band, ...values })
          .returning();
    await appendAudit(tx, {
      actor,
      action: "classification.tie.decide",
      entity: "quota_tie_decision",
      entityId: decision.id,
      oldValue: previous ? { unitIds: previous.unitIds, documentNumber: previous.documentNumber } : null,
      newValue: {
        unitType: input.unitType,
        band: input.band,
        tie: cut.unitIds,
        seatsForTie: cut.seatsForTie,
        unitIds: values.unitIds,
        documentNumber: input.documentNumber,
      },
      reason: input.reason,
    });
    const events: DomainEvent[] = [{ type: "rankingChanged", periodId }];
    return { decision, events };
  });
}
