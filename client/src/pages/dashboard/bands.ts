// Classification colours from best to worst band; a band the period does not list falls back to grey.
const COLORS = ["#1b5e20", "#2e7d32", "#1565c0", "#ef6c00", "#c62828", "#6a1b9a"];

/** The colour of a classification band, by its place in the period's list (best first). */
export function bandColor(code: string | null, bandCodes: readonly string[]): string {
  const i = code === null ? -1 : bandCodes.indexOf(code);
  return i === -1 ? "#78909c" : COLORS[Math.min(i, COLORS.length - 1)];
}
