import {
  centiToNumber,
  redact,
  RESPONSIBILITY_ROW,
  sees,
  type LeaderResult,
  type TLeaderResult,
  type TUnitResponsibility,
  type ViewerClass,
} from "@ca/shared";
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

/**
 * A unit's row of the period's report as the viewer may see it (docs/visibility.md, RESPONSIBILITY_ROW): a member
 * recused on the unit gets the names without any figure (TARGETS S3).
 */
export function presentUnitResponsibility(
  row: UnitResult,
  unitType: string,
  viewer: ViewerClass,
): TUnitResponsibility {
  const visible = sees(RESPONSIBILITY_ROW, "unitIndex", viewer, row.status);
  return redact(
    RESPONSIBILITY_ROW,
    {
      dossierId: row.dossierId,
      unit: { id: row.unitId, code: row.unitCode, name: row.unitName, unitType },
      status: row.status,
      unitIndex: pct(row.totals.index),
      unitClassification: row.band,
      visible,
      leaders: row.leaders.map(presentLeader),
    },
    viewer,
    row.status,
  );
}
