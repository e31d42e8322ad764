import type { DossierStatus } from "../workflow";
import { DOSSIER } from "./fields";
import { sees } from "./rule";
import type { ViewerClass } from "./viewers";

/** The score stages of a dossier, in order. */
export const SCORE_STAGES = ["self", "round1", "round2", "agreed"] as const;
export type ScoreStageName = (typeof SCORE_STAGES)[number];

/**
 * The stages whose scores a viewer sees at a status, read off the rule: totals, indices, ranks and classes derived
 * for that viewer are computed from these and no other, so a derived figure never runs ahead of the scores shown.
 */
export function stagesSeen(viewer: ViewerClass, status: DossierStatus): ScoreStageName[] {
  return SCORE_STAGES.filter((s) => sees(DOSSIER, `leaves[].stages.${s}.score`, viewer, status));
}
