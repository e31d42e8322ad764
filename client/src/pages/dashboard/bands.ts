// Classification colours from best to worst band; a band the period does not list falls back to grey.
const COLORS = ["#1b5e20", "#2e7d32", "#1565c0", "#ef6c00", "#c62828", "#6a1b9a"];

/** The colour of a classification band, by its place in the period's list (best first). */
export function bandColor(code: string | null, bandCodes: readonly string[]): string {
  const i = code === null ? -1 : bandCodes.indexOf(code);
  return i === -1 ? "#78909c" : COLORS[Math.min(i, COLORS.length - 1)];
}

/**
 * The units counted in a band of the classification chart ("" = no band yet): a ranked unit with that band, and
 * under "" also every unit not yet appraised — so the row says what the card's subtitle says.
 */
export function inBand<U extends { standing: string; classification: string | null }>(
  u: U,
  band: string,
): boolean {
  if (band === "") return u.standing === "unranked" || (u.standing === "ranked" && u.classification === null);
  return u.standing === "ranked" && u.classification === band;
}

/** Dossier states whose total is the council's (round 1 closed or later): only these have a self-versus-appraised gap. */
const APPRAISED = new Set(["round1_done", "explained", "round2_done", "agreed", "published"]);

/** Whether a unit's gap between its self-assessment and the council's appraisal means anything yet. */
export function hasAppraisalGap(u: {
  status: string;
  selfTotal: number | null;
  total: number | null;
}): boolean {
  return APPRAISED.has(u.status) && u.selfTotal !== null && u.total !== null;
}
