/** Classification (xếp loại) of a unit from its index, with the period's bands and overrides (docs/domain.md §3). */
import type { AreaTotals, Bp } from "./types";

/** One band of a period's scheme: a unit whose index is at least `minIndex` (hundredths of a percent) reaches it. */
export interface ClassificationBand {
  code: string;
  minIndex: Bp;
  label?: string;
  labelEn?: string;
}

/** A rule that caps the band: "no band better than `band` when any area's index is below `areaIndexBelow`". */
export type ClassificationOverride = { kind: "maxBandIfAreaBelow"; band: string; areaIndexBelow: Bp };

/** The outcome: the band by index alone, the band after overrides, and the overrides that lowered it. */
export interface Classification {
  band: string | null;
  bandByIndex: string | null;
  appliedOverrides: ClassificationOverride[];
}

/** The 2023 sample period's five bands (Phú Yên plan): ≥90, 80–<90, 70–<80, 50–<70, <50. */
export const BANDS_2023: readonly ClassificationBand[] = [
  { code: "xuat_sac", minIndex: 9000, label: "Xuất sắc", labelEn: "Excellent" },
  { code: "tot", minIndex: 8000, label: "Tốt", labelEn: "Good" },
  { code: "kha", minIndex: 7000, label: "Khá", labelEn: "Fair" },
  { code: "trung_binh", minIndex: 5000, label: "Trung bình", labelEn: "Average" },
  { code: "yeu", minIndex: 0, label: "Yếu", labelEn: "Weak" },
];

/** The national four-level scheme of task completion: ≥90, 70–<90, 50–<70, <50. */
export const BANDS_NATIONAL_FOUR_LEVEL: readonly ClassificationBand[] = [
  {
    code: "hoan_thanh_xuat_sac",
    minIndex: 9000,
    label: "Hoàn thành xuất sắc nhiệm vụ",
    labelEn: "Excellent completion",
  },
  { code: "hoan_thanh_tot", minIndex: 7000, label: "Hoàn thành tốt nhiệm vụ", labelEn: "Good completion" },
  { code: "hoan_thanh", minIndex: 5000, label: "Hoàn thành nhiệm vụ", labelEn: "Completed" },
  { code: "khong_hoan_thanh", minIndex: 0, label: "Không hoàn thành nhiệm vụ", labelEn: "Not completed" },
];

/** Bands from best to worst (highest minIndex first), without changing the caller's array. */
export function sortBands(bands: readonly ClassificationBand[]): ClassificationBand[] {
  return [...bands].sort((a, b) => b.minIndex - a.minIndex);
}

/** The best band whose minIndex the index reaches; null for no index or an index below every band. */
export function bandForIndex(index: Bp | null, bands: readonly ClassificationBand[]): string | null {
  if (index === null) return null;
  for (const band of sortBands(bands)) if (index >= band.minIndex) return band.code;
  return null;
}

/**
 * Classifies a unit: the band its (published, rounded) index reaches, then lowered by every override that fires.
 * The rounded index is used on purpose: a unit shown as 90,00 % must read as Xuất sắc, not as 89.995 %.
 */
export function classify(
  unit: { index: Bp | null; areas: readonly AreaTotals[] },
  bands: readonly ClassificationBand[],
  overrides: readonly ClassificationOverride[] = [],
): Classification {
  const ordered = sortBands(bands);
  const position = new Map(ordered.map((band, i) => [band.code, i]));
  const bandByIndex = bandForIndex(unit.index, ordered);
  let band = bandByIndex;
  const appliedOverrides: ClassificationOverride[] = [];
  for (const override of overrides) {
    const capAt = position.get(override.band);
    // A misspelt band would silently never fire; a period configured that way must fail loudly instead.
    if (capAt === undefined) throw new Error(`override names unknown band "${override.band}"`);
    if (band === null) continue;
    // Areas where nothing applies have no index and cannot trigger the rule.
    const fires = unit.areas.some((area) => area.index !== null && area.index < override.areaIndexBelow);
    if (fires && position.get(band)! < capAt) {
      band = override.band;
      appliedOverrides.push(override);
    }
  }
  return { band, bandByIndex, appliedOverrides };
}

/** Why a unit has its band, as every screen and export footnotes it (docs/domain.md §3: index, quota or override). */
export interface ClassificationWhy {
  /** What set the band: the index alone, a quota of the band, or an override that capped it. */
  basis: "index" | "quota" | "override";
  /** The band the index alone reaches, before quotas and overrides. */
  bandByIndex: string | null;
  /**
   * The override that capped the band: a rule of the period (`rule`) or a decision of the council (`council`, with
   * its document number), with its stated reason in Vietnamese and English. Null unless basis is "override".
   */
  override: {
    source: "rule" | "council";
    reason: string;
    reasonEn: string;
    documentNumber: string | null;
  } | null;
  /**
   * The band quota that moved the unit down: the band it would have had (`from`), the seats that band has for the
   * unit type, and whether the unit is one of a tie at the cut still waiting for the council's decision. Absent or
   * null unless a quota moved it (rankings frozen before quotas existed have no such field).
   */
  quota?: { from: string; seats: number; tieAtCut: boolean } | null;
}

// "70" for 7000, "72,5" / "72.5" for 7250: a threshold as people write it.
function percent(bp: Bp, locale: "vi" | "en"): string {
  const text = (bp / 100).toFixed(2).replace(/\.?0+$/, "");
  return locale === "vi" ? text.replace(".", ",") : text;
}

/** The reason of a period's override rule, in Vietnamese and English, with the band's labels. */
export function overrideReason(
  override: ClassificationOverride,
  bands: readonly ClassificationBand[],
): { reason: string; reasonEn: string } {
  const band = bands.find((b) => b.code === override.band);
  return {
    reason: `Có lĩnh vực đạt dưới ${percent(override.areaIndexBelow, "vi")}%: không xếp loại cao hơn "${band?.label ?? override.band}".`,
    reasonEn: `An area is below ${percent(override.areaIndexBelow, "en")}%: no band above "${band?.labelEn ?? override.band}".`,
  };
}

/**
 * Why a classified unit has its band: "override" with the reason of the last rule that lowered it, else "index".
 * Null for a unit without a band (nothing applies, or not yet appraised).
 */
export function classificationWhy(
  classification: Classification,
  bands: readonly ClassificationBand[],
): ClassificationWhy | null {
  if (classification.band === null) return null;
  const last = classification.appliedOverrides.at(-1);
  if (!last) return { basis: "index", bandByIndex: classification.bandByIndex, override: null };
  return {
    basis: "override",
    bandByIndex: classification.bandByIndex,
    override: { source: "rule", ...overrideReason(last, bands), documentNumber: null },
  };
}
