/**
 * Classification beyond bands (docs/domain.md, "Classification"): a unit's band comes from its index, may be capped
 * by a rule of the period (an area below a threshold) or by a decision of the council (a disqualifying fact), and
 * a band may hold at most so many units of a type (the 2026 scale's top level: at most 20 %), taken in rank order.
 * Ranks never change here: only bands do, and each unit says why it has its band.
 */
import { classify, sortBands, type ClassificationBand, type ClassificationOverride } from "./classify";
import type { AreaTotals, Bp } from "./types";

/** At most `maxPercent` (Bp: 20 % = 2000, of the ranked units of the type) or `maxUnits` units in `band`. */
export interface BandQuota {
  band: string;
  /** The unit type it applies to (its code); every type when absent. */
  unitType?: string;
  maxPercent?: Bp;
  maxUnits?: number;
}

/** The chair's recorded decision that a unit may be rated no higher than `maxBand`. */
export interface CouncilCap {
  unitId: string;
  maxBand: string;
  reason: string;
  documentNumber: string;
}

/** The council's choice of which units of a tie straddling a quota's cut keep the band. */
export interface QuotaTieDecision {
  band: string;
  unitIds: string[];
}

/** Why a unit has its band; the last entry is what settled it. */
export type BandReason =
  | { kind: "index"; band: string }
  | { kind: "override"; source: "rule"; band: string; rule: ClassificationOverride }
  | { kind: "override"; source: "council"; band: string; reason: string; documentNumber: string }
  | { kind: "quota"; band: string; from: string; seats: number; tieAtCut: boolean };

/** A tie at a quota's cut that the tie-breaks could not settle: the council picks `seats` of `unitIds`. */
export interface QuotaCut {
  band: string;
  unitType: string;
  /** Seats the band has for this unit type, and how many of them the straddling tie competes for. */
  seats: number;
  seatsForTie: number;
  unitIds: string[];
  /** True once a valid council decision settled it; until then every unit of the tie is held below the band. */
  decided: boolean;
}

/** What classification reads of one ranked unit (rank null: not appraised, so not classified). */
export interface ClassifiableUnit {
  unitId: string;
  unitType: string;
  rank: number | null;
  index: Bp | null;
  areas: readonly AreaTotals[];
}

/** A unit's band and the reasons for it. */
export interface UnitBand {
  band: string | null;
  why: BandReason[];
}

/** The period's classification settings. */
export interface ClassificationConfig {
  bands: readonly ClassificationBand[];
  overrides?: readonly ClassificationOverride[];
  quotas?: readonly BandQuota[];
  caps?: readonly CouncilCap[];
  tieDecisions?: readonly QuotaTieDecision[];
}

/** The seats a quota leaves for a group of `ranked` units: "at most", so fractions round down. */
export function quotaSeats(quota: BandQuota, ranked: number): number {
  const byPercent =
    quota.maxPercent === undefined ? Infinity : Math.floor((ranked * quota.maxPercent) / 10000);
  return Math.min(byPercent, quota.maxUnits ?? Infinity);
}

/**
 * Classifies the units of one period: index band, then the period's rule overrides, then the council's caps,
 * then the quotas from the best band down (units over a quota drop one band and may meet that band's quota in
 * turn). Ranks are read, never changed; the result does not depend on the order of `units`.
 */
export function classifyUnits(
  units: readonly ClassifiableUnit[],
  config: ClassificationConfig,
): { bands: Map<string, UnitBand>; cuts: QuotaCut[] } {
  const order = sortBands(config.bands);
  const position = new Map(order.map((b, i) => [b.code, i]));
  const out = new Map<string, UnitBand>();
  for (const unit of units) {
    if (unit.rank === null) {
      out.set(unit.unitId, { band: null, why: [] });
      continue;
    }
    const c = classify(unit, order, config.overrides ?? []);
    const why: BandReason[] = c.bandByIndex === null ? [] : [{ kind: "index", band: c.bandByIndex }];
    let band = c.band;
    for (const rule of c.appliedOverrides)
      why.push({ kind: "override", source: "rule", band: rule.band, rule });
    for (const cap of config.caps ?? []) {
      if (cap.unitId !== unit.unitId) continue;
      const capAt = position.get(cap.maxBand);
      if (capAt === undefined) throw new Error(`council cap names unknown band "${cap.maxBand}"`);
      if (band !== null && position.get(band)! < capAt) {
        band = cap.maxBand;
        why.push({
          kind: "override",
          source: "council",
          band,
          reason: cap.reason,
          documentNumber: cap.documentNumber,
        });
      }
    }
    out.set(unit.unitId, { band, why });
  }

  const cuts: QuotaCut[] = [];
  const types = [...new Set(units.map((u) => u.unitType))].sort();
  for (const type of types) {
    const group = units.filter((u) => u.unitType === type && u.rank !== null);
    for (let i = 0; i < order.length - 1; i++) {
      const band = order[i].code;
      const quota = (config.quotas ?? []).find(
        (q) => q.band === band && (!q.unitType || q.unitType === type),
      );
      if (!quota) continue;
      const seats = quotaSeats(quota, group.length);
      const members = group
        .filter((u) => out.get(u.unitId)!.band === band)
        .sort((a, b) => a.rank! - b.rank! || (a.unitId < b.unitId ? -1 : 1));
      if (members.length <= seats) continue;
      const cutRank = members[seats].rank!;
      const clear = members.filter((u) => u.rank! < cutRank);
      const tie = members.filter((u) => u.rank === cutRank);
      const seatsForTie = seats - clear.length;
      const keep = new Set(clear.map((u) => u.unitId));
      let decided = false;
      if (seatsForTie > 0) {
        // The tie-breaks left units tied across the cut: the council decides; until it has, none of them keeps
        // the band (never more than the quota, whatever the order of the input).
        const tieIds = new Set(tie.map((u) => u.unitId));
        const decision = (config.tieDecisions ?? []).find((d) => d.band === band);
        const chosen = decision ? [...new Set(decision.unitIds)].filter((id) => tieIds.has(id)) : [];
        decided = chosen.length === seatsForTie && chosen.length === (decision?.unitIds.length ?? -1);
        if (decided) for (const id of chosen) keep.add(id);
        cuts.push({ band, unitType: type, seats, seatsForTie, unitIds: [...tieIds].sort(), decided });
      }
      const next = order[i + 1].code;
      for (const u of members) {
        if (keep.has(u.unitId)) continue;
        const entry = out.get(u.unitId)!;
        entry.band = next;
        const tieAtCut = seatsForTie > 0 && u.rank === cutRank;
        entry.why.push({ kind: "quota", band: next, from: band, seats, tieAtCut: tieAtCut && !decided });
      }
    }
  }
  return { bands: out, cuts };
}
