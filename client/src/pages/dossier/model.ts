import {
  computeUnitTotals,
  parsePoints,
  type Centi,
  type DossierStatus,
  type Leaf,
  type TComment,
  type TDossierDetail,
  type TLeafView,
  type UnitTotals,
} from "@ca/shared";

/** Bonus (B.x) and penalty (P.x) items sit outside the 100 points (docs/domain.md §3), each group in its own section. */
export const EXTRA_AREAS = ["B", "P"] as const;

export interface AreaGroup {
  code: string;
  /** Null for the bonus and penalty groups, which the page names itself. */
  title: string | null;
  titleEn: string | null;
  leaves: TLeafView[];
}

/** The leaves under their areas, in the index set's order, then the bonus and penalty groups. */
export function groupByArea(detail: TDossierDetail): AreaGroup[] {
  const groups: AreaGroup[] = detail.areas.map((a) => ({
    code: a.code,
    title: a.title,
    titleEn: a.titleEn,
    leaves: [],
  }));
  const byCode = new Map(groups.map((g) => [g.code, g]));
  for (const leaf of detail.leaves) {
    let group = byCode.get(leaf.areaCode);
    if (!group) {
      group = { code: leaf.areaCode, title: null, titleEn: null, leaves: [] };
      byCode.set(leaf.areaCode, group);
      groups.push(group);
    }
    group.leaves.push(leaf);
  }
  return groups.filter((g) => g.leaves.length > 0);
}

/** Exact hundredths of an API decimal (null stays null). */
export function centiOf(value: number | null | undefined): Centi | null {
  return value === null || value === undefined ? null : parsePoints(value);
}

/** The scoring engine's view of a leaf. */
export function engineLeaf(l: TLeafView): Leaf {
  return {
    code: l.code,
    areaCode: l.areaCode,
    maxPoints: parsePoints(l.maxPoints) ?? 0,
    step: parsePoints(l.step) ?? 0,
    method: l.method,
    applicable: l.applicable,
  };
}

/**
 * The self-assessment totals with the agency's typed values (exact hundredths) in place of the saved ones,
 * computed by the same engine as the server's. Bonus and penalty items are the council's only, so they carry no
 * self score and count nothing here.
 */
export function runningSelfTotals(detail: TDossierDetail, typed: Record<string, Centi | null>): UnitTotals {
  const inside = detail.leaves.filter((l) => !(EXTRA_AREAS as readonly string[]).includes(l.areaCode));
  const scores: Record<string, { self: Centi | null }> = {};
  for (const l of inside) {
    const value = l.code in typed ? typed[l.code] : centiOf(l.stages.self?.score);
    scores[l.code] = { self: value };
  }
  return computeUnitTotals({
    unitId: detail.unit.id,
    unitTypeId: detail.unit.unitType,
    leaves: inside.map(engineLeaf),
    scores,
    bonus: [],
    penalty: [],
    bonusCap: 0,
    penaltyCap: 0,
  });
}

/** The milestone whose window the dossier's current step runs in; null once the agency's part is over. */
export function windowKeyOf(
  status: DossierStatus,
): "self_assessment" | "round1" | "explanation" | "round2" | null {
  switch (status) {
    case "draft":
      return "self_assessment";
    case "self_submitted":
      return "round1";
    case "round1_done":
      return "explanation";
    case "explained":
      return "round2";
    default:
      return null;
  }
}

export interface RequestItem {
  leaf: TLeafView;
  comment: TComment;
}

/** The council's formal requests for explanation, leaf by leaf. */
export function requestsOf(detail: TDossierDetail): RequestItem[] {
  return detail.leaves.flatMap((leaf) =>
    leaf.comments.filter((c) => c.kind === "request").map((comment) => ({ leaf, comment })),
  );
}

/** A leaf the agency scores itself (survey and council leaves are read-only for it). */
export const isSelfLeaf = (l: TLeafView) => l.method === "self" && l.applicable;

/** A leaf that needs evidence and has none yet (the "Thiếu minh chứng" filter and the server's 409). */
export const lacksEvidence = (l: TLeafView) =>
  isSelfLeaf(l) && l.evidenceRequired && !l.evidence.some((f) => f.purpose === "evidence");

/** The element id a leaf is scrolled to from a list of codes. */
export const leafAnchor = (code: string) => `leaf-${code.replace(/\./g, "-")}`;
