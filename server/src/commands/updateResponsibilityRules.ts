import { eq } from "drizzle-orm";
import type { ResponsibilityRules } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import { periods } from "../db/schema";
import { notFound, validationFailed } from "../http/errors";
import type { PeriodRules } from "../queries/periods";
import { assertPeriodWritable } from "../rules/periodGuards";

/** The admin changes how a period rates heads and deputies (docs/domain.md §3), validated against its bands, audited. */
export async function updateResponsibilityRules({
  db,
  actor,
  periodId,
  rules,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  /** As the engine keeps them: the cap's threshold in hundredths of a percent. */
  rules: ResponsibilityRules;
}) {
  return db.transaction(async (tx) => {
    const [period] = await tx.select().from(periods).where(eq(periods.id, periodId)).for("update");
    if (!period) throw notFound();
    assertPeriodWritable(period);
    const current = period.rules as PeriodRules;
    // A cap naming a band the period does not have would never apply: refused rather than silently ignored.
    if (rules.deputyCap && !current.classificationBands.some((b) => b.code === rules.deputyCap!.band))
      throw validationFailed([
        { path: "deputyCap.band", message: "not a classification band of this period" },
      ]);
    const next = {
      deputyAreaWeight: rules.deputyAreaWeight,
      unitWeight: rules.unitWeight,
      headCappedByUnit: rules.headCappedByUnit,
      deputyCap: rules.deputyCap ?? null,
    };
    await tx
      .update(periods)
      .set({ rules: { ...current, responsibility: next } })
      .where(eq(periods.id, periodId));
    await appendAudit(tx, {
      actor,
      action: "period.rules.responsibility",
      entity: "period",
      entityId: periodId,
      oldValue: current.responsibility ?? null,
      newValue: next,
    });
    return next;
  });
}
