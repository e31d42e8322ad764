import { centiToNumber, type TDossierSummary } from "@ca/shared";
import type { DossierListRow } from "../queries/dossiers";

/** One dossier in a list: unit, status and the totals the caller may see (hundredths in, decimals out). */
export function presentDossierSummary(
  d: DossierListRow,
  totals?: { self: number; official: number },
): TDossierSummary {
  return {
    id: d.id,
    periodId: d.periodId,
    unit: { id: d.unitId, code: d.unitCode, name: d.unitName, unitType: d.unitTypeCode },
    status: d.status as TDossierSummary["status"],
    selfTotal: totals ? centiToNumber(totals.self) : null,
    officialTotal: totals ? centiToNumber(totals.official) : null,
    updatedAt: d.updatedAt.toISOString(),
  };
}
