import { centiToNumber, DOSSIER_SUMMARY, redact, type TDossierSummary, type ViewerClass } from "@ca/shared";
import type { DossierListRow } from "../queries/dossiers";

/**
 * One dossier in a list: unit, status and the totals the viewer may see (hundredths in, decimals out; the official
 * total computed by the caller from the stages the viewer sees), redacted by the visibility rule.
 */
export function presentDossierSummary(
  d: DossierListRow,
  viewer: ViewerClass,
  totals?: { self: number; official: number },
): TDossierSummary {
  const status = d.status as TDossierSummary["status"];
  return redact(
    DOSSIER_SUMMARY,
    {
      id: d.id,
      periodId: d.periodId,
      unit: { id: d.unitId, code: d.unitCode, name: d.unitName, unitType: d.unitTypeCode },
      status,
      selfTotal: totals ? centiToNumber(totals.self) : null,
      officialTotal: totals ? centiToNumber(totals.official) : null,
      updatedAt: d.updatedAt.toISOString(),
    },
    viewer,
    status,
  );
}
