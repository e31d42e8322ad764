import { eq } from "drizzle-orm";
import { parsePoints, type TClassificationConfigInput } from "@ca/shared";
import { appendAudit } from "../audit/appendAudit";
import type { Db } from "../db/client";
import * as t from "../db/schema";
import { validationFailed } from "../http/errors";
import { loadPeriod, type PeriodRules } from "../queries/periods";
import { assertKnownBand, assertNotPublished, worstBand } from "../rules/classificationGuards";
import type { DomainEvent } from "../events/domainEvents";

/**
 * The admin sets a period's band quotas (at most N % or N units of a unit type in a band, taken in rank order) and
 * its tie-break order; audited with the old and new values and the reason. Every ranking reads them at once.
 */
export async function configureClassification({
  db,
  actor,
  periodId,
  input,
}: {
  db: Db;
  actor: { id: string; username: string };
  periodId: string;
  input: TClassificationConfigInput;
}) {
  return db.transaction(async (tx) => {
    const { period } = await loadPeriod(tx, periodId);
    await assertNotPublished(tx, periodId);
    const rules = period.rules as PeriodRules;
    const types = new Set((await tx.select({ code: t.unitTypes.code }).from(t.unitTypes)).map((u) => u.code));
    const seen = new Set<string>();
    input.quotas.forEach((q, i) => {
      assertKnownBand(rules, q.band, `quotas.${i}.band`);
      if (q.band === worstBand(rules))
        throw validationFailed([
          {
            path: `quotas.${i}.band`,
            message: "Mức thấp nhất không thể có hạn mức. / The lowest band takes no quota.",
          },
        ]);
      if (q.unitType !== undefined && !types.has(q.unitType))
        throw validationFailed([
          {
            path: `quotas.${i}.unitType`,
            message: `Loại đơn vị "${q.unitType}" không tồn tại. / Unknown unit type.`,
          },
        ]);
      const key = `${q.band}/${q.unitType ?? "*"}`;
      if (seen.has(key))
        throw validationFailed([
          { path: `quotas.${i}`, message: "Hạn mức bị khai báo hai lần. / This quota is given twice." },
        ]);
      seen.add(key);
    });
    const quotas = input.quotas.map((q) => ({
      band: q.band,
      ...(q.unitType ? { unitType: q.unitType } : {}),
      ...(q.maxPercent !== undefined ? { maxPercent: parsePoints(q.maxPercent)! } : {}),
      ...(q.maxUnits !== undefined ? { maxUnits: q.maxUnits } : {}),
    }));
    const next: PeriodRules = {
      ...rules,
      classificationQuotas: quotas,
      tieBreak: input.tieBreak ?? rules.tieBreak,
    };
    await tx.update(t.periods).set({ rules: next }).where(eq(t.periods.id, periodId));
    await appendAudit(tx, {
      actor,
      action: "period.classification.configure",
      entity: "period",
      entityId: periodId,
      oldValue: { quotas: rules.classificationQuotas ?? [], tieBreak: rules.tieBreak },
      newValue: { quotas, tieBreak: next.tieBreak },
      reason: input.reason,
    });
    const events: DomainEvent[] = [{ type: "rankingChanged", periodId }];
    return { rules: next, events };
  });
}
