/**
 * Results of a unit's head and deputies (docs/domain.md §3 "Heads and deputies"): pure and exact, like the scoring engine.
 * The head's result follows the unit's; each deputy's is the index over the areas in their charge blended with
 * the unit's index (default 70/30). Every weight and cap comes from the period's rules.
 */
import { bandForIndex, sortBands, type ClassificationBand } from "../scoring/classify";
import { computeIndex } from "../scoring/totals";
import type { AreaTotals, Bp } from "../scoring/types";
import type { Centi } from "../points";

/** The `responsibility` part of a period's rules. */
export interface ResponsibilityRules {
  /** Weight of the index over the deputy's own areas, in percent. */
  deputyAreaWeight: number;
  /** Weight of the unit's index, in percent; the two weights add up to 100. */
  unitWeight: number;
  /**
   * The head can be rated no higher than the unit: their band is the unit's band after the classification
   * overrides. When false, the head takes the band the unit's index reaches by itself.
   */
  headCappedByUnit: boolean;
  /** Optional: a deputy whose own areas index below `areaIndexBelow` gets no band better than `band`. */
  deputyCap?: { areaIndexBelow: Bp; band: string } | null;
}

/** Default rules (docs/domain.md §3): 70 % the deputy's areas, 30 % the unit, the head capped by the unit. */
export const DEFAULT_RESPONSIBILITY_RULES: ResponsibilityRules = {
  deputyAreaWeight: 70,
  unitWeight: 30,
  headCappedByUnit: true,
  deputyCap: null,
};

/** A head or deputy as recorded on the unit. */
export interface LeaderInput {
  id: string;
  fullName: string;
  position: "head" | "deputy";
  title: string;
  /** Areas in the deputy's charge (codes of the unit's index set); empty for the head. */
  areaCodes: readonly string[];
}

/** The unit's own result, as the engine and the classification give it. */
export interface UnitResult {
  index: Bp | null;
  areas: readonly AreaTotals[];
  /** The unit's band after overrides. */
  band: string | null;
}

/** One leader's result. */
export interface LeaderResult {
  leaderId: string;
  fullName: string;
  position: "head" | "deputy";
  title: string;
  areaCodes: string[];
  /** The areas in charge that exist in the unit's index set, with their totals. */
  areas: AreaTotals[];
  /** Points achieved and applicable maximum over those areas. */
  areaAchieved: Centi;
  areaMax: Centi;
  /** Index over the areas in charge (deputies); null for the head or when none of them applies. */
  areaIndex: Bp | null;
  unitIndex: Bp | null;
  /** The leader's responsibility index. */
  index: Bp | null;
  band: string | null;
  /** True when a rule lowered the band (the head's cap by the unit, or the deputy cap). */
  capped: boolean;
  /** True when the deputy's areas index below 50 %. */
  areasBelowHalf: boolean;
}

/** (wa·a + wu·u) ÷ (wa + wu), rounded half-up on integers; null when either input is missing. */
export function blendIndex(areaIndex: Bp, unitIndex: Bp, areaWeight: number, unitWeight: number): Bp {
  const den = areaWeight + unitWeight;
  if (den <= 0) return unitIndex;
  const num = areaWeight * areaIndex + unitWeight * unitIndex;
  return Math.floor((2 * num + den) / (2 * den));
}

/** Lowers `band` to `cap` when it is better than the cap; returns the band and whether it was lowered. */
function capBand(band: string | null, cap: string, bands: readonly ClassificationBand[]) {
  const ordered = sortBands(bands).map((b) => b.code);
  const at = ordered.indexOf(cap);
  if (at < 0) throw new Error(`responsibility rule names unknown band "${cap}"`);
  if (band === null || ordered.indexOf(band) >= at) return { band, capped: false };
  return { band: cap, capped: true };
}

/** The results of a unit's head and deputies under the period's rules and classification bands. */
export function computeResponsibility(
  unit: UnitResult,
  leaders: readonly LeaderInput[],
  rules: ResponsibilityRules,
  bands: readonly ClassificationBand[],
): LeaderResult[] {
  const byCode = new Map(unit.areas.map((a) => [a.areaCode, a]));
  const bandByIndex = bandForIndex(unit.index, bands);
  const order = { head: 0, deputy: 1 } as const;
  return [...leaders]
    .sort((a, b) => order[a.position] - order[b.position])
    .map((leader): LeaderResult => {
      const base = {
        leaderId: leader.id,
        fullName: leader.fullName,
        position: leader.position,
        title: leader.title,
        areaCodes: [...leader.areaCodes],
        unitIndex: unit.index,
      };
      if (leader.position === "head") {
        // The head answers for the whole unit: the unit's index, and (capped) no better band than the unit's.
        const band = rules.headCappedByUnit ? unit.band : bandByIndex;
        return {
          ...base,
          areas: [],
          areaAchieved: 0,
          areaMax: 0,
          areaIndex: null,
          index: unit.index,
          band,
          capped: rules.headCappedByUnit && band !== bandByIndex,
          areasBelowHalf: false,
        };
      }
      const areas = leader.areaCodes.map((c) => byCode.get(c)).filter((a): a is AreaTotals => !!a);
      let achieved = 0;
      let max = 0;
      for (const a of areas) {
        achieved += a.achieved;
        max += a.applicableMax;
      }
      const areaIndex = computeIndex(achieved, max);
      // A deputy with no applicable area in charge answers for the unit as a whole.
      const index =
        unit.index === null
          ? null
          : areaIndex === null
            ? unit.index
            : blendIndex(areaIndex, unit.index, rules.deputyAreaWeight, rules.unitWeight);
      let band = bandForIndex(index, bands);
      let capped = false;
      if (rules.deputyCap && areaIndex !== null && areaIndex < rules.deputyCap.areaIndexBelow)
        ({ band, capped } = capBand(band, rules.deputyCap.band, bands));
      return {
        ...base,
        areas: areas.map((a) => ({ ...a })),
        areaAchieved: achieved,
        areaMax: max,
        areaIndex,
        index,
        band,
        capped,
        areasBelowHalf: areaIndex !== null && areaIndex < 5000,
      };
    });
}
