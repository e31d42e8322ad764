import type { ClassificationBand, Level, QuantityRule } from "@ca/shared";

/**
 * One row of a template's index set, as an admin would read it in the spreadsheet: a code (its depth says area,
 * criterion or sub-criterion; `B…`/`P…` are bonus and penalty), titles, guidance, the maximum and step in
 * hundredths of a point, how it is scored (method) and by which kind of answer (kind, levels or rule).
 */
export interface TemplateItem {
  code: string;
  title: string;
  titleEn: string;
  guidance?: string;
  /** Hundredths of a point. */
  max: number;
  /** Hundredths of a point (default 25). */
  step?: number;
  method?: "self" | "survey" | "council";
  evidenceRequired?: boolean;
  kind?: "points" | "levels" | "yesno" | "quantity";
  levels?: Level[];
  rule?: QuantityRule;
}

/** A unit type of a template: its code (stable, used in URLs and rules) and names. */
export interface TemplateUnitType {
  code: string;
  name: string;
  nameEn: string;
  indexSet: { code: string; name: string; items: TemplateItem[] };
}

/** A milestone of the template's timeline, as a month and day of the period's year (Vietnam time). */
export interface TemplateMilestone {
  key: string;
  startsAt: [month: number, day: number] | null;
  deadline: [month: number, day: number];
}

/** Everything a new period takes from a template; units and accounts are the province's own (imported). */
export interface PeriodTemplate {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  unitTypes: TemplateUnitType[];
  bands: ClassificationBand[];
  /** Rules that cap a band (e.g. no top band when an area is below 70 %); none when absent. */
  overrides?: { kind: "maxBandIfAreaBelow"; band: string; areaIndexBelow: number }[];
  /** At most `maxPercent` (Bp) of the ranked units of each type in `band`. */
  quotas: { band: string; maxPercent?: number; maxUnits?: number }[];
  timeline: TemplateMilestone[];
}
