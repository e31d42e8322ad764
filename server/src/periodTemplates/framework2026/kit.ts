/** Builders and shared rules of the 2026 framework's sample index sets (docs/scoring-kinds.md): points in hundredths. */
import type { Level, QuantityRule } from "@ca/shared";
import type { TemplateItem } from "../types";
export const p = (points: number) => Math.round(points * 100);
export const pct = (percent: number) => Math.round(percent * 100);

/** A leaf scored by a rubric: [label, English label, points]. */
export function levels(...rows: [label: string, labelEn: string, points: number][]): Level[] {
  return rows.map(([label, labelEn, points], i) => ({
    code: String.fromCharCode(65 + i),
    label,
    labelEn,
    points: p(points),
  }));
}

/** Rate bands: [percent, points] from the best down; below the last band, 0. */
export function rateBands(...bands: [percent: number, points: number][]): QuantityRule {
  return {
    type: "bands",
    measure: "rate",
    bands: bands.map(([percent, points]) => ({ atLeast: pct(percent), points: p(points) })),
    otherwise: 0,
  };
}

/** Points proportional to a rate, full at `fullAt` percent, capped at the maximum. */
export function rateProportional(fullAt: number, rounding: "half_up" | "down" = "half_up"): QuantityRule {
  return { type: "proportional", measure: "rate", fullAt: pct(fullAt), rounding };
}

export const area = (code: string, title: string, titleEn: string, max: number): TemplateItem => ({
  code,
  title,
  titleEn,
  max: p(max),
});

export type LeafProps = Omit<TemplateItem, "code" | "title" | "titleEn" | "max">;
export const leaf = (
  code: string,
  title: string,
  titleEn: string,
  max: number,
  props: LeafProps = {},
): TemplateItem => ({
  code,
  title,
  titleEn,
  max: p(max),
  kind: "points",
  ...props,
});

export const ON_TIME_TASKS = rateBands([100, 4], [95, 3], [90, 2], [80, 1]);
export const REPORTING = levels(
  ["Đầy đủ, đúng hạn", "Complete and on time", 2],
  ["Đầy đủ nhưng có báo cáo chậm", "Complete, some late", 1],
  ["Thiếu báo cáo", "Reports missing", 0],
);
export const CASES_ON_TIME = rateBands([100, 4], [98, 3], [95, 2], [90, 1]);
export const FEEDBACK_ON_TIME = rateBands([100, 2], [90, 1]);
