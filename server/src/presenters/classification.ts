import {
  centiToNumber,
  type QuotaCut,
  type TBandCap,
  type TClassificationState,
  type TQuotaCut,
  type TUnitRef,
} from "@ca/shared";
import type { listBandCaps, listTieDecisions } from "../queries/classification";
import type { PeriodRules } from "../queries/periods";

type CapRow = Awaited<ReturnType<typeof listBandCaps>>[number];
type TieRow = Awaited<ReturnType<typeof listTieDecisions>>[number];

export function presentBandCap(c: CapRow): TBandCap {
  return {
    id: c.id,
    unit: { id: c.unitId, code: c.unitCode, name: c.unitName, unitType: c.unitType },
    maxBand: c.maxBand,
    reason: c.reason,
    documentNumber: c.documentNumber,
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt.toISOString(),
  };
}

export function presentQuotaCut(
  cut: QuotaCut,
  units: ReadonlyMap<string, TUnitRef>,
  decision: TieRow | undefined,
): TQuotaCut {
  return {
    band: cut.band,
    unitType: cut.unitType,
    seats: cut.seats,
    seatsForTie: cut.seatsForTie,
    units: cut.unitIds.map((id) => units.get(id)!),
    decided: cut.decided,
    decision: decision
      ? {
          unitIds: decision.unitIds,
          reason: decision.reason,
          documentNumber: decision.documentNumber,
          decidedBy: decision.decidedBy,
          decidedAt: decision.decidedAt.toISOString(),
        }
      : null,
  };
}

/** The period's classification settings and decisions, as the council side reads them. */
export function presentClassification(
  rules: PeriodRules,
  caps: TBandCap[],
  cuts: TQuotaCut[],
): TClassificationState {
  return {
    bands: rules.classificationBands.map((b) => ({ ...b, minIndex: centiToNumber(b.minIndex) })),
    quotas: (rules.classificationQuotas ?? []).map((q) => ({
      band: q.band,
      unitType: q.unitType ?? null,
      maxPercent: q.maxPercent === undefined ? null : centiToNumber(q.maxPercent),
      maxUnits: q.maxUnits ?? null,
    })),
    tieBreak: rules.tieBreak,
    caps,
    cuts,
  };
}
