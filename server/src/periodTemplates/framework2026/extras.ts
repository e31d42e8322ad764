/** Bonus and penalty items outside the 100 points, the same for both unit types of the 2026 framework. */
import type { TemplateItem } from "../types";
import { area, leaf, levels, p } from "./kit";

export const EXTRAS: TemplateItem[] = [
  area("B", "Điểm thưởng", "Bonus points", 3),
  leaf("B.1", "Sáng kiến, mô hình mới được cấp có thẩm quyền công nhận", "Recognised innovations", 2, {
    method: "council",
    kind: "levels",
    levels: levels(
      ["Cấp quốc gia công nhận", "Recognised nationally", 2],
      ["Cấp tỉnh công nhận", "Recognised by the province", 1],
      ["Không có", "None", 0],
    ),
  }),
  leaf(
    "B.2",
    "Được khen thưởng cấp Bộ, cấp quốc gia trong năm",
    "Ministerial or national award this year",
    1,
    {
      method: "council",
      kind: "yesno",
    },
  ),
  area("P", "Điểm trừ", "Penalty points", 5),
  leaf("P.1", "Chậm gửi hồ sơ tự đánh giá", "Late self-assessment", 2, {
    method: "council",
    kind: "quantity",
    step: 100,
    guidance: "Trừ 1 điểm cho mỗi ngày làm việc chậm, tối đa 2 điểm. Nhập số ngày làm việc chậm.",
    rule: { type: "proportional", measure: "value", fullAt: p(2), rounding: "down" },
  }),
  leaf("P.2", "Tự chấm điểm không có minh chứng khi thẩm định", "Claims without evidence at appraisal", 3, {
    method: "council",
  }),
];
