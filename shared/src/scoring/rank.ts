/** Ranking within a unit type (docs/domain.md §3): competition ranks (1, 2, 2, 4) with a configurable tie-break order. */
import type { UnitTotals } from "./types";

/** Tie-breaks the period may order: appraised non-survey points, survey points (both higher first), fewer penalty. */
export type TieBreak = "appraisedPoints" | "surveyPoints" | "fewerPenalty";

/** The order docs/domain.md §3 lists them in. */
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

// Code-unit order rather than localeCompare: ICU differs between Node and browsers (and between "vi" and the
// default collation: "Sông" and "Sơn" swap), and the server, every export and every dashboard must list tied units
// in the same order.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of units that share a standing: name in code-unit order (no locale collation), then unit id. */
export function compareTied(
  a: Pick<Rankable, "name" | "unitId">,
  b: Pick<Rankable, "name" | "unitId">,
): number {
  return compareText(a.name, b.name) || compareText(a.unitId, b.unitId);
}

/** The display order: standing, then name, then unit id, so equal inputs always give the same list. */
export function compareForDisplay(a: Rankable, b: Rankable, options: RankOptions = {}): number {
  return compareStanding(a, b, options) || compareTied(a, b);
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

/** A unit's place in a ranking table: its competition rank, or null while it is not yet appraised. */
export interface Placement<T> {
  unit: T;
  rank: number | null;
}

/**
 * The one order of every ranking table (live ranking, agreements, results, exports, public page, dashboard), per
 * unit type in the order the types first appear in `units`: the appraised units by standing with competition ranks
 * (tied units by name in code-unit order, then id), then the units not yet appraised, unranked, in that same name
 * order. Unappraised units take no rank and push nobody down.
 */
export function placeByUnitType<T extends Rankable>(
  units: readonly T[],
  appraised: (unit: T) => boolean,
  options: RankOptions = {},
): Placement<T>[] {
  const groups = new Map<string, T[]>();
  for (const unit of units) {
    const group = groups.get(unit.unitTypeId);
    if (group) group.push(unit);
    else groups.set(unit.unitTypeId, [unit]);
  }
  const out: Placement<T>[] = [];
  for (const group of groups.values()) {
    const ranked = group.filter(appraised).sort((a, b) => compareForDisplay(a, b, options));
    const entries = assignRanks(ranked, options);
    ranked.forEach((unit, i) => out.push({ unit, rank: entries[i].rank }));
    for (const unit of group.filter((u) => !appraised(u)).sort(compareTied)) out.push({ unit, rank: null });
  }
  return out;
}

/** What an agreement fixes for each unit (keyed by dossier): its rank, total, index and classification. */
export interface AgreedFigures {
  key: string;
  rank: number | null;
  total: number | null;
  index: number | null;
  classification: string | null;
}

/**
 * The keys whose figures differ between an agreed ranking and the computed one (a unit missing on either side
 * included); empty when they agree. The order of the rows is not compared: tied units may be listed in any order.
 */
export function rankingDifferences(
  agreed: readonly AgreedFigures[],
  computed: readonly AgreedFigures[],
): string[] {
  const figures = (r: AgreedFigures) => JSON.stringify([r.rank, r.total, r.index, r.classification]);
  const before = new Map(agreed.map((r) => [r.key, figures(r)]));
  const now = new Map(computed.map((r) => [r.key, figures(r)]));
  const keys = new Set([...before.keys(), ...now.keys()]);
  return [...keys].filter((k) => before.get(k) !== now.get(k)).sort(compareText);
}

/** What the order of ranking rows reads (the API's rows: ZRankedUnit). */
export interface RankingRowKey {
  rank: number | null;
  unit: { id: string; name: string; unitType: string };
}

/**
 * The order of ranking rows as the API carries them, for a client that re-sorts rows it patched: rank (rows without
 * one — unranked, or hidden from a recused reader — last), then name in code-unit order, then id. On rows of one
 * unit type it gives exactly the order of `placeByUnitType`; a hidden row keeps no trace of its rank.
 */
export function compareRankingRows(a: RankingRowKey, b: RankingRowKey): number {
  return (
    (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
    compareText(a.unit.name, b.unit.name) ||
    compareText(a.unit.id, b.unit.id)
  );
}

/** Rows of several unit types in the one order: types in the order they first appear, each by compareRankingRows. */
export function orderRankingRows<T extends RankingRowKey>(rows: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.unit.unitType, [...(groups.get(row.unit.unitType) ?? []), row]);
  return [...groups.values()].flatMap((group) => group.sort(compareRankingRows));
}
