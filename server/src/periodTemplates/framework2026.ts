import { BANDS_NATIONAL_FOUR_LEVEL, type Level, type QuantityRule } from "@ca/shared";
import type { PeriodTemplate, TemplateItem } from "./types";

/*
 * The 2026 framework (docs/domain.md, "The 2026 framework"): two levels of local government since 1 July 2025 —
 * the province's specialised agencies and the commune-level People's Committees (xã, phường, đặc khu) — rated on
 * 100 points, about 30 for general criteria and 70 for the results of the year's tasks, in four levels with the top
 * level capped at 20 % of each type, before 15/12. The index sets below are illustrative samples written with all
 * four scoring kinds; a province adjusts them or imports its own.
 */

const p = (points: number) => Math.round(points * 100);
const pct = (percent: number) => Math.round(percent * 100);

/** A leaf scored by a rubric: [label, English label, points]. */
function levels(...rows: [label: string, labelEn: string, points: number][]): Level[] {
  return rows.map(([label, labelEn, points], i) => ({
    code: String.fromCharCode(65 + i),
    label,
    labelEn,
    points: p(points),
  }));
}

/** Rate bands: [percent, points] from the best down; below the last band, 0. */
function rateBands(...bands: [percent: number, points: number][]): QuantityRule {
  return {
    type: "bands",
    measure: "rate",
    bands: bands.map(([percent, points]) => ({ atLeast: pct(percent), points: p(points) })),
    otherwise: 0,
  };
}

/** Points proportional to a rate, full at `fullAt` percent, capped at the maximum. */
function rateProportional(fullAt: number, rounding: "half_up" | "down" = "half_up"): QuantityRule {
  return { type: "proportional", measure: "rate", fullAt: pct(fullAt), rounding };
}

const area = (code: string, title: string, titleEn: string, max: number): TemplateItem => ({
  code,
  title,
  titleEn,
  max: p(max),
});

type LeafProps = Omit<TemplateItem, "code" | "title" | "titleEn" | "max">;
const leaf = (
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

const ON_TIME_TASKS = rateBands([100, 4], [95, 3], [90, 2], [80, 1]);
const REPORTING = levels(
  ["Đầy đủ, đúng hạn", "Complete and on time", 2],
  ["Đầy đủ nhưng có báo cáo chậm", "Complete, some late", 1],
  ["Thiếu báo cáo", "Reports missing", 0],
);
const CASES_ON_TIME = rateBands([100, 4], [98, 3], [95, 2], [90, 1]);
const FEEDBACK_ON_TIME = rateBands([100, 2], [90, 1]);

/** Bonus and penalty items outside the 100 points, the same for both types. */
const EXTRAS: TemplateItem[] = [
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

const AGENCY_ITEMS: TemplateItem[] = [
  area("1", "Công tác lãnh đạo, chỉ đạo, điều hành", "Leadership and direction", 8),
  leaf("1.1", "Ban hành Kế hoạch công tác năm đúng thời hạn", "Annual work plan issued on time", 1, {
    kind: "yesno",
    guidance: "Ban hành trước ngày 31/01: 1 điểm; sau ngày 31/01: 0 điểm.",
  }),
  leaf(
    "1.2",
    "Tỷ lệ nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao được hoàn thành đúng hạn",
    "Share of tasks assigned by the provincial leaders completed on time",
    4,
    {
      kind: "quantity",
      rule: ON_TIME_TASKS,
      guidance:
        "Tử số: nhiệm vụ hoàn thành đúng hạn; mẫu số: nhiệm vụ đến hạn trong năm (theo Hệ thống theo dõi nhiệm vụ). " +
        "100%: 4 điểm; từ 95%: 3 điểm; từ 90%: 2 điểm; từ 80%: 1 điểm; dưới 80%: 0 điểm.",
    },
  ),
  leaf("1.3", "Thực hiện chế độ thông tin, báo cáo định kỳ", "Periodic reporting", 2, {
    kind: "levels",
    levels: REPORTING,
  }),
  leaf(
    "1.4",
    "Kiểm tra, hướng dẫn đơn vị trực thuộc và cấp xã",
    "Oversight of subordinate units and communes",
    1,
    {
      kind: "levels",
      levels: levels(
        ["Có kế hoạch, thực hiện đầy đủ, có báo cáo kết quả", "Planned, carried out, reported", 1],
        ["Có kế hoạch, thực hiện chưa đầy đủ", "Planned, partly carried out", 0.5],
        ["Không có kế hoạch", "No plan", 0],
      ),
    },
  ),
  area("2", "Kỷ luật, kỷ cương hành chính, công vụ", "Discipline in the civil service", 6),
  leaf(
    "2.1",
    "Không có cán bộ, công chức, viên chức bị xử lý kỷ luật trong năm",
    "No staff disciplined this year",
    3,
    {
      kind: "yesno",
    },
  ),
  leaf("2.2", "Thực hiện Quy chế văn hóa công sở, nội quy cơ quan", "Workplace conduct rules kept", 1, {
    kind: "levels",
    levels: levels(
      ["Thực hiện tốt, không có vi phạm", "Kept, no breach", 1],
      ["Có vi phạm, đã khắc phục", "Breaches remedied", 0.5],
      ["Có vi phạm chưa khắc phục", "Breaches not remedied", 0],
    ),
  }),
  leaf(
    "2.3",
    "Tỷ lệ cán bộ, công chức hoàn thành bồi dưỡng theo kế hoạch",
    "Share of staff who completed the training plan",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100, "down"),
      guidance: "Điểm = 2 × tỷ lệ, làm tròn xuống 0,25.",
    },
  ),
  area("3", "Cải cách hành chính, phục vụ người dân, doanh nghiệp", "Administrative reform and service", 8),
  leaf("3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Cases resolved on time", 4, {
    kind: "quantity",
    rule: CASES_ON_TIME,
    guidance: "100%: 4 điểm; từ 98%: 3 điểm; từ 95%: 2 điểm; từ 90%: 1 điểm; dưới 90%: 0 điểm.",
  }),
  leaf("3.2", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "Feedback handled on time", 2, {
    kind: "quantity",
    rule: FEEDBACK_ON_TIME,
  }),
  leaf(
    "3.3",
    "Công khai, cập nhật thủ tục hành chính đầy đủ, kịp thời",
    "Procedures published and kept up to date",
    1,
    {
      kind: "yesno",
    },
  ),
  leaf("3.4", "Xin lỗi người dân, doanh nghiệp khi hồ sơ trễ hạn", "Apologies for late cases", 1, {
    kind: "levels",
    levels: levels(
      ["Xin lỗi mọi hồ sơ trễ hạn, hoặc không có hồ sơ trễ hạn", "Every late case, or none late", 1],
      ["Có xin lỗi nhưng chưa đầy đủ", "Some late cases", 0.5],
      ["Không xin lỗi", "None", 0],
    ),
  }),
  area("4", "Chuyển đổi số", "Digital transformation", 5),
  leaf(
    "4.1",
    "Tỷ lệ văn bản đi được ký số, gửi trên môi trường điện tử",
    "Outgoing documents signed digitally",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100),
    },
  ),
  leaf("4.2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "End-to-end online cases", 2, {
    kind: "quantity",
    rule: rateBands([80, 2], [50, 1]),
  }),
  leaf("4.3", "Bảo đảm an toàn thông tin theo cấp độ", "Information security by level", 1, {
    kind: "levels",
    levels: levels(
      ["Đã phê duyệt cấp độ và triển khai đủ phương án", "Level approved, measures in place", 1],
      ["Đã phê duyệt cấp độ, triển khai chưa đủ", "Level approved, measures partly in place", 0.5],
      ["Chưa phê duyệt cấp độ", "Level not approved", 0],
    ),
  }),
  area(
    "5",
    "Quản lý tài chính công, phòng, chống tham nhũng, lãng phí",
    "Public finance, anti-corruption",
    3,
  ),
  leaf("5.1", "Tỷ lệ giải ngân vốn đầu tư công được giao", "Disbursement of the public investment plan", 2, {
    kind: "quantity",
    rule: rateProportional(95),
    guidance:
      "Điểm = 2 × tỷ lệ giải ngân ÷ 95%, tối đa 2 điểm, làm tròn 0,25 (từ nửa bước trở lên làm tròn lên).",
  }),
  leaf(
    "5.2",
    "Thực hiện kiến nghị thanh tra, kiểm toán đến hạn",
    "Inspection and audit findings acted on",
    1,
    {
      kind: "levels",
      levels: levels(
        ["Hoàn thành 100% kiến nghị đến hạn", "All findings due acted on", 1],
        ["Hoàn thành từ 80%", "At least 80%", 0.5],
        ["Dưới 80%", "Below 80%", 0],
      ),
    },
  ),
  area("6", "Kết quả thực hiện nhiệm vụ được giao trong năm", "Results of the year's tasks", 70),
  leaf(
    "6.1",
    "Chỉ tiêu kinh tế - xã hội thuộc ngành, lĩnh vực được giao",
    "Sector targets assigned for the year",
    30,
    {
      kind: "quantity",
      rule: rateProportional(100),
      guidance: "Tử số: chỉ tiêu đạt, vượt; mẫu số: chỉ tiêu được giao. Điểm = 30 × tỷ lệ, tối đa 30 điểm.",
    },
  ),
  leaf(
    "6.2",
    "Nhiệm vụ trọng tâm trong Chương trình công tác của UBND tỉnh hoàn thành đúng tiến độ",
    "Key tasks of the provincial work programme on schedule",
    20,
    { kind: "quantity", rule: rateBands([100, 20], [95, 16], [90, 12], [80, 8]) },
  ),
  leaf("6.3", "Chất lượng tham mưu văn bản, đề án", "Quality of policy advice and drafting", 12, {
    guidance: "Hội đồng đánh giá theo chất lượng, tiến độ các văn bản, đề án đã trình.",
  }),
  leaf("6.4", "Giải quyết nhiệm vụ phát sinh, đột xuất được giao", "Unplanned tasks handled", 8, {
    method: "council",
  }),
  ...EXTRAS,
];

const COMMUNE_ITEMS: TemplateItem[] = [
  area("1", "Công tác lãnh đạo, chỉ đạo, điều hành", "Leadership and direction", 7),
  leaf("1.1", "Ban hành Kế hoạch công tác năm đúng thời hạn", "Annual work plan issued on time", 1, {
    kind: "yesno",
  }),
  leaf(
    "1.2",
    "Tỷ lệ nhiệm vụ UBND tỉnh giao được hoàn thành đúng hạn",
    "Provincial tasks completed on time",
    4,
    {
      kind: "quantity",
      rule: ON_TIME_TASKS,
    },
  ),
  leaf("1.3", "Thực hiện chế độ thông tin, báo cáo định kỳ", "Periodic reporting", 2, {
    kind: "levels",
    levels: REPORTING,
  }),
  area("2", "Kỷ luật, kỷ cương hành chính, công vụ", "Discipline in the civil service", 5),
  leaf(
    "2.1",
    "Không có cán bộ, công chức cấp xã bị xử lý kỷ luật trong năm",
    "No commune staff disciplined",
    3,
    {
      kind: "yesno",
    },
  ),
  leaf(
    "2.2",
    "Tỷ lệ cán bộ, công chức hoàn thành bồi dưỡng theo kế hoạch",
    "Staff who completed training",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100, "down"),
    },
  ),
  area("3", "Cải cách hành chính, Bộ phận Một cửa", "Administrative reform, one-stop shop", 10),
  leaf("3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Cases resolved on time", 4, {
    kind: "quantity",
    rule: CASES_ON_TIME,
  }),
  leaf("3.2", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "Cases digitised on receipt", 2, {
    kind: "quantity",
    rule: rateProportional(100),
  }),
  leaf("3.3", "Vận hành Bộ phận Một cửa", "One-stop shop operation", 2, {
    kind: "levels",
    levels: levels(
      ["Đủ điều kiện, niêm yết đầy đủ, không có phản ánh", "Fully equipped, no complaints", 2],
      ["Còn thiếu sót, đã khắc phục", "Shortcomings remedied", 1],
      ["Còn thiếu sót chưa khắc phục", "Shortcomings not remedied", 0],
    ),
  }),
  leaf("3.4", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "Feedback handled on time", 2, {
    kind: "quantity",
    rule: FEEDBACK_ON_TIME,
  }),
  area("4", "Chuyển đổi số", "Digital transformation", 4),
  leaf(
    "4.1",
    "Tỷ lệ văn bản đi được ký số, gửi trên môi trường điện tử",
    "Outgoing documents signed digitally",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100),
    },
  ),
  leaf("4.2", "Cập nhật dữ liệu dân cư, đất đai đúng hạn", "Population and land data kept up to date", 2, {
    kind: "yesno",
  }),
  area("5", "Tài chính, ngân sách", "Finance and budget", 4),
  leaf("5.1", "Thu ngân sách trên địa bàn đạt dự toán", "Budget revenue against the estimate", 2, {
    kind: "quantity",
    rule: rateBands([100, 2], [90, 1]),
  }),
  leaf("5.2", "Tỷ lệ giải ngân vốn đầu tư công được giao", "Disbursement of the public investment plan", 2, {
    kind: "quantity",
    rule: rateProportional(95),
  }),
  area("6", "Kết quả thực hiện nhiệm vụ được giao trong năm", "Results of the year's tasks", 70),
  leaf("6.1", "Chỉ tiêu Nghị quyết HĐND cấp xã đạt, vượt", "Commune council resolution targets met", 25, {
    kind: "quantity",
    rule: rateProportional(100),
  }),
  leaf(
    "6.2",
    "Bảo đảm quốc phòng, an ninh, trật tự, an toàn xã hội",
    "Defence, security and public order",
    10,
    {
      kind: "levels",
      levels: levels(
        ["Giữ vững ổn định, không có điểm nóng", "Stable, no hotspot", 10],
        ["Có vụ việc phức tạp, đã được xử lý", "Complex incidents, handled", 6],
        ["Có điểm nóng kéo dài", "Prolonged hotspot", 0],
      ),
    },
  ),
  leaf("6.3", "Quản lý đất đai, trật tự xây dựng, môi trường", "Land, construction order, environment", 10),
  leaf("6.4", "Tỷ lệ khiếu nại, tố cáo được giải quyết đúng hạn", "Complaints resolved on time", 10, {
    kind: "quantity",
    rule: rateBands([100, 10], [90, 7], [80, 4]),
  }),
  leaf(
    "6.5",
    "Tiếp nhận, thực hiện nhiệm vụ chuyển giao khi tổ chức chính quyền địa phương hai cấp",
    "Tasks taken over in the two-level local government",
    15,
    {
      kind: "levels",
      levels: levels(
        ["Tiếp nhận, thực hiện đầy đủ, không gián đoạn", "Taken over fully, no interruption", 15],
        ["Thực hiện đầy đủ, có gián đoạn ngắn", "Taken over, brief interruptions", 10],
        ["Còn nhiệm vụ chưa triển khai", "Some tasks not yet taken over", 5],
        ["Chưa triển khai", "Not taken over", 0],
      ),
    },
  ),
  ...EXTRAS,
];

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
