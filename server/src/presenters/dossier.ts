import type { TDossierSummary } from "@ca/shared";
import type { DossierListRow } from "../queries/dossiers";

/** One dossier in a list: unit, status and totals (totals arrive with the scoring workflow). */
export function presentDossierSummary(d: DossierListRow): TDossierSummary {
  return {
    id: d.id,
    periodId: d.periodId,
    unit: { id: d.unitId, code: d.unitCode, name: d.unitName, unitType: d.unitTypeCode },
    status: d.status as TDossierSummary["status"],
    selfTotal: null,
    officialTotal: null,
    updatedAt: d.updatedAt.toISOString(),
  };
}
