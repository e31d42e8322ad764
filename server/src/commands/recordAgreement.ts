import { and, eq } from "drizzle-orm";
import type { TAgreementCreate } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { councilAgreements, unitTypes } from "../db/schema";
import { conflict, notFound } from "../http/errors";
import { listDossiersOfPeriod } from "../queries/dossiers";
import { computePeriodResults, toAgreementRanking } from "../services/results/periodResults";
import type { DomainEvent } from "../events/domainEvents";

/**
 * Step 9's result (docs/domain.md §2, §4): once every dossier of a unit type is agreed, the chair records the council's
 * agreement on that unit type's whole ranking, with the minutes — what goes to UBND tỉnh. The ranking is frozen
 * into the record as it stood (agreed dossiers cannot change any more), computed in the same transaction and by the
 * same code as the results that publication later compares it with.
 */
export async function recordAgreement({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  input: TAgreementCreate;
}) {
  return db.transaction(async (tx) => {
    const [type] = await tx.select().from(unitTypes).where(eq(unitTypes.code, input.unitType));
    if (!type) throw notFound({ unitType: input.unitType });
    const [existing] = await tx
      .select({ id: councilAgreements.id })
      .from(councilAgreements)
      .where(and(eq(councilAgreements.periodId, periodId), eq(councilAgreements.unitTypeId, type.id)))
      .for("update");
    if (existing)
      throw conflict(
        { agreementId: existing.id },
        {
          vi: "Hội đồng đã thống nhất kết quả của nhóm này.",
          en: "This unit type's ranking is already agreed.",
        },
      );
    const ofType = (await listDossiersOfPeriod(tx, periodId)).filter((d) => d.row.unitTypeCode === type.code);
    const pending = ofType.filter((d) => d.row.status !== "agreed");
    if (!ofType.length || pending.length)
      throw conflict(
        { notAgreed: pending.map((d) => ({ dossierId: d.row.id, status: d.row.status })) },
        {
          vi: ofType.length
            ? `Chưa thống nhất điểm của: ${pending.map((d) => d.row.unitName).join(", ")}.`
            : "Nhóm đơn vị này không có hồ sơ trong kỳ.",
          en: ofType.length
            ? `Scores are not agreed yet for: ${pending.map((d) => d.row.unitName).join(", ")}.`
            : "No dossier of this unit type in the period.",
        },
      );
    const results = (await computePeriodResults(tx, periodId)).unitTypes.find((u) => u.id === type.id);
    const frozen = results ? toAgreementRanking(results) : [];
    const [row] = await tx
      .insert(councilAgreements)
      .values({ periodId, unitTypeId: type.id, minutes: input.minutes, ranking: frozen, agreedBy: actor.id })
      .returning();
    await appendAudit(tx, {
      actor,
      action: "council.agreement",
      entity: "period",
      entityId: periodId,
      newValue: { unitType: type.code, ranking: frozen.map((r) => [r.unit.code, r.rank, r.total]) },
    });
    const events: DomainEvent[] = [{ type: "rankingChanged", periodId }];
    return { row, events };
  });
}
