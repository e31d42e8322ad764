/** Ranking within a unit type (DESIGN §3): competition ranks (1, 2, 2, 4) with a configurable tie-break order. */
import type { UnitTotals } from "./types";

/** Tie-breaks the period may order: appraised non-survey points, survey points (both higher first), fewer penalty. */
export type TieBreak = "appraisedPoints" | "surveyPoints" | "fewerPenalty";

/** The order DESIGN §3 lists them in. */
export const DEFAULT_TIE_BREAKS: readonly TieBreak[] = ["appraisedPoints", "surveyPoints", "fewerPenalty"];

/**
 * The primary key. "index" (default) compares the published index, so a unit with not-applicable items (a smaller
 * maximum) is judged on the same scale as the others; "total" compares raw points. With every leaf applicable on a
 * 100-point set the two agree exactly (index in hundredths of a percent = total in hundredths of a point).
 */
export type RankBy = "index" | "total";

/** How a group is ranked. */
export interface RankOptions {
  by?: RankBy;
  tieBreaks?: readonly TieBreak[];
}

/** What the ranking reads from a unit's totals. */
export type Rankable = Pick<
  UnitTotals,
  "unitId" | "unitTypeId" | "name" | "total" | "index" | "appraisedPoints" | "surveyPoints" | "penalty"
>;

/** One row of a ranking table. */
export interface RankEntry extends Rankable {
  rank: number;
}

/** Compares two units' standing: negative when `a` ranks better, 0 when they share a rank. */
export function compareStanding(a: Rankable, b: Rankable, options: RankOptions = {}): number {
  // A unit where nothing applies has no index; it ranks after every unit that has one.
  const primary = options.by === "total" ? b.total - a.total : (b.index ?? -1) - (a.index ?? -1);
  if (primary !== 0) return primary;
  for (const tieBreak of options.tieBreaks ?? DEFAULT_TIE_BREAKS) {
    const diff =
      tieBreak === "appraisedPoints"
        ? b.appraisedPoints - a.appraisedPoints
        : tieBreak === "surveyPoints"
          ? b.surveyPoints - a.surveyPoints
          : a.penalty - b.penalty;
    if (diff !== 0) return diff;
  }
  return 0;
}

// Code-unit order rather than localeCompare: ICU differs between Node and browsers, and the server and every
// dashboard must list tied units in the same order.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The display order: standing, then name, then unit id, so equal inputs always give the same list. */
export function compareForDisplay(a: Rankable, b: Rankable, options: RankOptions = {}): number {
  return compareStanding(a, b, options) || compareText(a.name, b.name) || compareText(a.unitId, b.unitId);
}

/** Writes competition ranks onto rows already in display order: rank = 1 + number of strictly better rows. */
export function assignRanks(sorted: readonly Rankable[], options: RankOptions = {}): RankEntry[] {
  const entries: RankEntry[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const u = sorted[i];
    const rank = i > 0 && compareStanding(sorted[i - 1], u, options) === 0 ? entries[i - 1].rank : i + 1;
    entries[i] = {
      rank,
      unitId: u.unitId,
      unitTypeId: u.unitTypeId,
      name: u.name,
      total: u.total,
      index: u.index,
      appraisedPoints: u.appraisedPoints,
      surveyPoints: u.surveyPoints,
      penalty: u.penalty,
    };
  }
  return entries;
}

/** Ranks one group of units; throws if they mix unit types, which are never ranked against each other. */
export function rankGroup(units: readonly Rankable[], options: RankOptions = {}): RankEntry[] {
  const type = units[0]?.unitTypeId;
  if (units.some((u) => u.unitTypeId !== type)) throw new Error("rankGroup: units of different unit types");
  return assignRanks(
    [...units].sort((a, b) => compareForDisplay(a, b, options)),
    options,
  );
}

/** Ranks every unit within its own unit type; the map's keys are the unit type ids. */
export function rankByUnitType(
  units: readonly Rankable[],
  options: RankOptions = {},
): Map<string, RankEntry[]> {
  const groups = new Map<string, Rankable[]>();
  for (const unit of units) {
    const group = groups.get(unit.unitTypeId);
    if (group) group.push(unit);
    else groups.set(unit.unitTypeId, [unit]);
  }
  const ranked = new Map<string, RankEntry[]>();
  for (const [type, group] of groups) ranked.set(type, rankGroup(group, options));
  return ranked;
}
