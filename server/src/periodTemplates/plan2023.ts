import { BANDS_2023 } from "@ca/shared";
import { INDEX_SETS_2023 } from "./plan2023/indexSets";
import type { PeriodTemplate, TemplateMilestone } from "./types";

/** The province's appraised unit types in the 2023 plan. Codes are stable identifiers (URLs, rules, imports). */
export const UNIT_TYPES_2023 = [
  { code: "provincial_agency", name: "Cơ quan cấp tỉnh", nameEn: "Provincial agencies", sortOrder: 1 },
  {
    code: "district_committee",
    name: "UBND cấp huyện",
    nameEn: "District People's Committees",
    sortOrder: 2,
  },
] as const;

/** No band above "Tốt" when an area's index is below 70 % (in hundredths of a percent). */
const OVERRIDES_2023: NonNullable<PeriodTemplate["overrides"]> = [
  { kind: "maxBandIfAreaBelow", band: "tot", areaIndexBelow: 7000 },
];

/**
 * The 2023 timeline, straight from section II of the plan, as [month, day] in Vietnam time. "Before 10/12" means
 * the 9th is the last day, so each deadline is the day before the date the plan names (a period's deadline is
 * 23:59:59 of that day, commands/createPeriod.ts).
 */
const TIMELINE_2023: TemplateMilestone[] = [
  { key: "plan", startsAt: [9, 20], deadline: [10, 9] },
  { key: "guidance", startsAt: [10, 1], deadline: [10, 31] },
  { key: "council_setup", startsAt: [10, 1], deadline: [10, 31] },
  { key: "training", startsAt: [10, 1], deadline: [10, 31] },
  // The plan says November–December; the survey closes before round 2 so its points count in the results.
  { key: "survey", startsAt: [11, 1], deadline: [12, 20] },
  { key: "self_assessment", startsAt: [11, 1], deadline: [12, 9] },
  { key: "round1", startsAt: [12, 10], deadline: [12, 15] },
  { key: "explanation", startsAt: [12, 16], deadline: [12, 17] },
  { key: "round2", startsAt: [12, 18], deadline: [12, 24] },
  { key: "meeting", startsAt: [12, 18], deadline: [12, 24] },
  { key: "publication", startsAt: [12, 25], deadline: [12, 31] },
];

/**
 * The 2023 plan (Phú Yên): provincial agencies and district People's Committees, five bands, no band above "Tốt"
 * when an area is below 70 %, no quota, the plan's own timeline. The seeds load the sample 2023 period from it
 * (through server/src/seedApi.ts).
 */
export const PLAN_2023: PeriodTemplate = {
  key: "plan-2023",
  name: "Kế hoạch 2023: cơ quan cấp tỉnh và UBND cấp huyện",
  nameEn: "2023 plan: provincial agencies and district People's Committees",
  description:
    "Sở, ban, ngành cấp tỉnh và UBND cấp huyện; 100 điểm gồm điều tra xã hội học; năm mức xếp loại (Xuất sắc, Tốt, " +
    "Khá, Trung bình, Yếu); không xếp Xuất sắc khi có lĩnh vực dưới 70%.",
  unitTypes: UNIT_TYPES_2023.map((type) => ({
    code: type.code,
    name: type.name,
    nameEn: type.nameEn,
    indexSet: {
      code: INDEX_SETS_2023[type.code].code,
      name: INDEX_SETS_2023[type.code].name,
      items: INDEX_SETS_2023[type.code].items.map(({ scoringKind, levels, quantityRule, ...i }) => ({
        ...i,
        titleEn: i.titleEn ?? "",
        // The rule leaves keep their kinds in the template (docs/scoring-kinds.md).
        ...(scoringKind ? { kind: scoringKind } : {}),
        ...(levels ? { levels } : {}),
        ...(quantityRule ? { rule: quantityRule } : {}),
      })),
    },
  })),
  bands: BANDS_2023.map((b) => ({ ...b })),
  overrides: OVERRIDES_2023,
  quotas: [],
  timeline: TIMELINE_2023,
};
