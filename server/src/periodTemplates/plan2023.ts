import { BANDS_2023, SAMPLE_INDEX_SETS, sampleRules, timeline2023, UNIT_TYPES } from "@ca/seeds";
import type { PeriodTemplate, TemplateMilestone } from "./types";

// A deadline as the day it falls on in Vietnam (the seeds write 23:59:59 local time on that day).
const vnDay = (d: Date): [number, number] => {
  const vn = new Date(d.getTime() + 7 * 3_600_000);
  return [vn.getUTCMonth() + 1, vn.getUTCDate()];
};

/**
 * The 2023 plan (Phú Yên): provincial agencies and district People's Committees, five bands, no band above "Tốt"
 * when an area is below 70 %, no quota, the plan's own timeline. Its index sets are the sample ones the 2023 period
 * is loaded with.
 */
export const PLAN_2023: PeriodTemplate = {
  key: "plan-2023",
  name: "Kế hoạch 2023: cơ quan cấp tỉnh và UBND cấp huyện",
  nameEn: "2023 plan: provincial agencies and district People's Committees",
  description:
    "Sở, ban, ngành cấp tỉnh và UBND cấp huyện; 100 điểm gồm điều tra xã hội học; năm mức xếp loại (Xuất sắc, Tốt, " +
    "Khá, Trung bình, Yếu); không xếp Xuất sắc khi có lĩnh vực dưới 70%.",
  unitTypes: UNIT_TYPES.map((type) => ({
    code: type.code,
    name: type.name,
    nameEn: type.nameEn,
    indexSet: {
      code: SAMPLE_INDEX_SETS[type.code].code,
      name: SAMPLE_INDEX_SETS[type.code].name,
      items: SAMPLE_INDEX_SETS[type.code].items.map(({ scoringKind, levels, quantityRule, ...i }) => ({
        ...i,
        titleEn: i.titleEn ?? "",
        // The sample's rule leaves keep their kinds in the template (docs/scoring-kinds.md).
        ...(scoringKind ? { kind: scoringKind } : {}),
        ...(levels ? { levels } : {}),
        ...(quantityRule ? { rule: quantityRule } : {}),
      })),
    },
  })),
  bands: BANDS_2023.map((b) => ({ ...b })),
  overrides: sampleRules().classificationOverrides as PeriodTemplate["overrides"],
  quotas: [],
  timeline: timeline2023().map((m): TemplateMilestone => ({
    key: m.key,
    startsAt: m.startsAt ? vnDay(m.startsAt) : null,
    deadline: vnDay(m.deadline),
  })),
};
