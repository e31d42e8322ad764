import { and, eq } from "drizzle-orm";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { AppError, conflict, validationFailed } from "../http/errors";
import { loadPeriod } from "../queries/periods";
import { scoredUnitTypes } from "../queries/periodIndexSets";
import { assertNotPublished } from "../rules/classificationGuards";
import { assertPeriodWritable } from "../rules/periodGuards";

/**
 * The admin sets which index set a period applies to one unit type (docs/periods-and-classification.md). Refused
 * once a dossier of that type in the period has a score at any stage (its points were given against the old set),
 * once the period is archived or its results published; audited with the old and new set. All or nothing.
 */
export async function assignPeriodIndexSet({
  db,
  actor,
  periodId,
  unitTypeCode,
  indexSetId,
  reason,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  unitTypeCode: string;
  indexSetId: string;
  reason?: string;
}) {
  return db.transaction(async (tx) => {
    const { period } = await loadPeriod(tx, periodId);
    assertPeriodWritable(period);
    await assertNotPublished(tx, periodId, {
      vi: "Kết quả của kỳ đã được công bố nên không thể đổi bộ chỉ số.",
      en: "The period's results are published: its index sets can no longer change.",
    });
    const [type] = await tx.select().from(t.unitTypes).where(eq(t.unitTypes.code, unitTypeCode));
    if (!type)
      throw new AppError(
        "not_found",
        { reason: "unknown_unit_type", unitType: unitTypeCode },
        { vi: `Không có loại đơn vị "${unitTypeCode}".`, en: `There is no unit type "${unitTypeCode}".` },
      );
    const [set] = await tx.select().from(t.indexSets).where(eq(t.indexSets.id, indexSetId));
    if (!set)
      throw new AppError(
        "not_found",
        { reason: "unknown_index_set", indexSetId },
        { vi: "Không tìm thấy bộ chỉ số này.", en: "There is no such index set." },
      );
    if (set.unitTypeId !== type.id)
      throw validationFailed([
        {
          path: "indexSetId",
          message: `Bộ chỉ số "${set.code}" được lập cho loại đơn vị khác, không dùng cho "${type.name}". / This index set is for another unit type.`,
        },
      ]);
    const where = and(eq(t.periodIndexSets.periodId, periodId), eq(t.periodIndexSets.unitTypeId, type.id));
    const [old] = await tx.select().from(t.periodIndexSets).where(where).for("update");
    // A score write locks its dossier's row before it reads the leaf (queries/scoreWriteState.ts): holding every
    // dossier of the type here, no score can land between this check and the change, nor on the old tree after it.
    await tx
      .select({ id: t.dossiers.id })
      .from(t.dossiers)
      .innerJoin(t.units, eq(t.units.id, t.dossiers.unitId))
      .where(and(eq(t.dossiers.periodId, periodId), eq(t.units.unitTypeId, type.id)))
      .for("update", { of: t.dossiers });
    if ((await scoredUnitTypes(tx, periodId, type.id)).size)
      throw conflict(
        { reason: "scores_exist", unitType: unitTypeCode },
        {
          vi: `Đã có điểm chấm cho hồ sơ loại "${type.name}" trong kỳ này nên không thể đổi bộ chỉ số.`,
          en: `Dossiers of type "${type.nameEn}" in this period already have scores: the index set can no longer change.`,
        },
      );
    if (old) await tx.update(t.periodIndexSets).set({ indexSetId }).where(where);
    else await tx.insert(t.periodIndexSets).values({ periodId, unitTypeId: type.id, indexSetId });
    await appendAudit(tx, {
      actor,
      action: "period.indexSet.assign",
      entity: "period",
      entityId: `${periodId}:${unitTypeCode}`,
      oldValue: { indexSetId: old?.indexSetId ?? null },
      newValue: { indexSetId },
      reason: reason ?? null,
    });
  });
}
