import {
  centiToNumber,
  parsePoints,
  redact,
  RESPONSIBILITY_ROW,
  sees,
  type LeaderResult,
  type ResponsibilityRules,
  type TLeaderResult,
  type TResponsibilityRules,
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
 * recused on the unit gets the names without any figure (docs/targets.md S3); a unit not yet appraised has no index and no
 * band (it is listed unranked).
 */
export function presentUnitResponsibility(row: UnitResult, viewer: ViewerClass): TUnitResponsibility {
  const visible = sees(RESPONSIBILITY_ROW, "unitIndex", viewer, row.status);
  return redact(
    RESPONSIBILITY_ROW,
    {
      dossierId: row.dossierId,
      unit: row.unit,
      status: row.status,
      unitIndex: row.appraised ? pct(row.totals.index) : null,
      unitClassification: row.band,
      visible,
      leaders: row.leaders.map(presentLeader),
    },
    viewer,
    row.status,
  );
}

/** A period's rules for heads and deputies as the API carries them: the cap's threshold as a percentage. */
export function presentResponsibilityRules(rules: ResponsibilityRules): TResponsibilityRules {
  return {
    deputyAreaWeight: rules.deputyAreaWeight,
    unitWeight: rules.unitWeight,
    headCappedByUnit: rules.headCappedByUnit,
    deputyCap: rules.deputyCap
      ? { areaIndexBelow: centiToNumber(rules.deputyCap.areaIndexBelow), band: rules.deputyCap.band }
      : null,
  };
}

/** The API's rules (a percentage threshold) as the engine keeps them (hundredths of a percent). */
export function storedResponsibilityRules(input: TResponsibilityRules): ResponsibilityRules {
  return {
    deputyAreaWeight: input.deputyAreaWeight,
    unitWeight: input.unitWeight,
    headCappedByUnit: input.headCappedByUnit,
    deputyCap: input.deputyCap
      ? { areaIndexBelow: parsePoints(input.deputyCap.areaIndexBelow)!, band: input.deputyCap.band }
      : null,
  };
}
