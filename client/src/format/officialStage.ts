import type { DossierStatus, TLeafView } from "@ca/shared";

/**
 * Which of the council's steps a dossier's "official" total stands for. Until a council round has closed the
 * agency's own score is all there is, so the agency sees no "appraised" figure at all; the council, scoring round
 * 1 or 2, sees its work in progress called so. Published figures are final, agreed ones settled — never "provisional".
 */
export type OfficialStage =
  "none" | "round1_scoring" | "round1" | "round2_scoring" | "round2" | "agreed" | "published";

export function officialStageOf(status: DossierStatus, councilView: boolean): OfficialStage {
  switch (status) {
    case "draft":
      return "none";
    case "self_submitted":
      return councilView ? "round1_scoring" : "none";
    case "round1_done":
      return "round1";
    case "explained":
      return councilView ? "round2_scoring" : "round1";
    case "round2_done":
      return "round2";
    case "agreed":
      return "agreed";
    case "published":
      return "published";
  }
}

/**
 * How far the council's round 1 has come: the leaves it appraises (applicable, not survey) with a confirmed round-1
 * score. Until a leaf has one, its official score is the agency's own (the last stage that exists), so a round-1
 * total with nothing confirmed is only the self total under another name: the header says "not scored yet" instead.
 */
export function round1Progress(leaves: readonly Pick<TLeafView, "applicable" | "method" | "stages">[]) {
  const appraised = leaves.filter((l) => l.applicable && l.method !== "survey");
  return { scored: appraised.filter((l) => l.stages.round1?.confirmed).length, of: appraised.length };
}

/** The criteria round 1 leaves at the agency's own score if it closes now. */
export function unscoredInRound1(leaves: Parameters<typeof round1Progress>[0]): number {
  const { scored, of } = round1Progress(leaves);
  return of - scored;
}
