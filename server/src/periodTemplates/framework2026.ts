import { BANDS_NATIONAL_FOUR_LEVEL } from "@ca/shared";
import type { PeriodTemplate } from "./types";
import { AGENCY_ITEMS } from "./framework2026/agencyItems";
import { COMMUNE_ITEMS } from "./framework2026/communeItems";

/*
 * The 2026 framework (docs/domain.md, "The 2026 framework"): two levels of local government since 1 July 2025 —
 * the province's specialised agencies and the commune-level People's Committees (xã, phường, đặc khu) — rated on
 * 100 points, about 30 for general criteria and 70 for the results of the year's tasks, in four levels with the top
 * level capped at 20 % of each type, before 15/12. The index sets below are illustrative samples written with all
 * four scoring kinds; a province adjusts them or imports its own.
 */

/** The 2026 framework: provincial specialised agencies and commune-level People's Committees, four levels. */
export const FRAMEWORK_2026: PeriodTemplate = {
  key: "framework-2026",
  name: "Khung 2026: chính quyền địa phương hai cấp",
  nameEn: "2026 framework: two-level local government",
  description:
    "Cơ quan chuyên môn thuộc UBND tỉnh và UBND cấp xã (xã, phường, đặc khu); 100 điểm (khoảng 30 điểm tiêu chí " +
    "chung, 70 điểm kết quả thực hiện nhiệm vụ); bốn mức xếp loại, mức Hoàn thành xuất sắc không quá 20%; " +
    "đánh giá xong trước ngày 15/12.",
  unitTypes: [
    {
      code: "co_quan_chuyen_mon_tinh",
      name: "Cơ quan chuyên môn thuộc UBND tỉnh",
      nameEn: "Provincial specialised agencies",
      indexSet: {
        code: "bcs-2026-tinh",
        name: "Bộ Chỉ số cơ quan chuyên môn cấp tỉnh 2026 (mẫu)",
        items: AGENCY_ITEMS,
      },
    },
    {
      code: "ubnd_cap_xa",
      name: "UBND cấp xã (xã, phường, đặc khu)",
      nameEn: "Commune-level People's Committees",
      indexSet: { code: "bcs-2026-xa", name: "Bộ Chỉ số UBND cấp xã 2026 (mẫu)", items: COMMUNE_ITEMS },
    },
  ],
  bands: [...BANDS_NATIONAL_FOUR_LEVEL],
  quotas: [{ band: "hoan_thanh_xuat_sac", maxPercent: 2000 }],
  timeline: [
    { key: "plan", startsAt: [10, 1], deadline: [10, 10] },
    { key: "guidance", startsAt: [10, 1], deadline: [10, 20] },
    { key: "council_setup", startsAt: [10, 1], deadline: [10, 20] },
    { key: "training", startsAt: [10, 15], deadline: [10, 31] },
    { key: "self_assessment", startsAt: [11, 1], deadline: [11, 20] },
    { key: "round1", startsAt: [11, 21], deadline: [11, 27] },
    { key: "explanation", startsAt: [11, 28], deadline: [11, 30] },
    { key: "round2", startsAt: [12, 1], deadline: [12, 8] },
    { key: "meeting", startsAt: [12, 1], deadline: [12, 10] },
    { key: "publication", startsAt: [12, 11], deadline: [12, 14] },
  ],
};
