import { centiToNumber, type LeaderResult, type TLeaderResult, type TUnitResponsibility } from "@ca/shared";
import type { UnitResult } from "../services/results/periodResults";

const pct = (v: number | null) => (v === null ? null : centiToNumber(v));

/** One leader's result for the API (indices as percentages with two decimals). */
export function presentLeader(l: LeaderResult): TLeaderResult {
  return {
    leaderId: l.leaderId,
    fullName: l.fullName,
    position: l.position,
    title: l.title,
    areaCodes: l.areaCodes,
    areaIndex: pct(l.areaIndex),
    unitIndex: pct(l.unitIndex),
    index: pct(l.index),
    classification: l.band,
    capped: l.capped,
    areasBelowHalf: l.areasBelowHalf,
  };
}

/** A unit with its leaders' results; a recused viewer gets the names without any figure (TARGETS S3). */
export function presentUnitResponsibility(
  row: UnitResult,
  unitType: string,
  visible: boolean,
): TUnitResponsibility {
  return {
    dossierId: row.dossierId,
    unit: { id: row.unitId, code: row.unitCode, name: row.unitName, unitType },
    status: row.status,
    unitIndex: visible ? pct(row.totals.index) : null,
    unitClassification: visible ? row.band : null,
    visible,
    leaders: row.leaders.map((l) =>
      visible
        ? presentLeader(l)
        : {
            ...presentLeader(l),
            areaIndex: null,
            unitIndex: null,
            index: null,
            classification: null,
            capped: false,
            areasBelowHalf: false,
          },
    ),
  };
}
